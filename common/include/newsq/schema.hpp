#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <newsq/article.hpp>

namespace newsq {

/// How a field is indexed.
enum class FieldKind {
    text,    ///< free text with positions: words, phrases, NEAR; stemmed in the article's
             ///< language (see kDefaultLanguage)
    boolean, ///< exact filter terms, one per value
    date,    ///< publication date: D/M/Y terms plus a sortable value slot
    names,   ///< names found by the analysis: a filter term for each whole name and each
             ///< of its words, so `person:blinken` and `person:"Antony Blinken"` both match
};

/// Where the values of a field come from.
enum class FieldSource {
    member,   ///< the Article member `Field::member`
    url_host, ///< the host name of the article's URL
    entities, ///< the names the analysis found: of type `Field::entity`, or of every type
    quotes,   ///< the text of each direct quotation, indexed apart so a phrase stays in one
    speakers, ///< the speaker of each direct quotation
};

/// One row of the schema: everything the indexer, the query parser and the facets need to
/// agree on. Code reads a field's behaviour from its row, never from its name.
struct Field {
    std::string_view name;                    ///< name in queries (`section:World`)
    std::string_view alias{};                 ///< second query name, or empty
    std::string_view prefix{};                ///< Xapian term prefix (Omega's; `X…` for our own);
                                              ///< none for a names row of every entity type, which
                                              ///< has no terms of its own and filters through the
                                              ///< typed rows' terms
    FieldKind kind = FieldKind::text;         ///< how it is indexed
    FieldSource source = FieldSource::member; ///< where its values come from
    std::string Article::*member = nullptr;   ///< the member read, for FieldSource::member
    std::optional<EntityType> entity{};       ///< the one type read, for FieldSource::entities
    bool exact = false;             ///< boolean values kept as written, not folded to lower case
    unsigned weight = 0;            ///< wdf multiplier for text fields (0: not searchable as text)
    bool in_default = false;        ///< also indexed without prefix, so plain words find it (names:
                                    ///< as words without positions: the text holds the phrases)
    std::optional<unsigned> slot{}; ///< value slot, when sortable
    std::string_view facet{};       ///< name of the facet counting its values, or empty
    std::string_view description{}; ///< one line for `newsq --help`
};

/// Text fields are stemmed with the Snowball stemmer of the article's language (the
/// `language` row), and with this one's when the language is not known. Words are indexed
/// both as written and stemmed (Xapian's STEM_SOME: stemmed terms carry a `Z` prefix), so
/// phrases stay exact; languages Xapian has no stemmer for have no stemmed terms, and
/// Chinese, Japanese and Korean text is indexed as character n-grams.
inline constexpr std::string_view kDefaultLanguage = "en";

/// Bumped whenever the terms, slots or stored data change meaning; stored in the index
/// metadata under `kSchemaVersionKey`.
inline constexpr std::string_view kSchemaVersion = "6";
inline constexpr std::string_view kSchemaVersionKey = "newsq.schema";

/// Value slot of the publication time, as "YYYYMMDDHHMMSS" (UTC), sortable as a string.
inline constexpr unsigned kDateSlot = 0;

/// Value slot of what facets count: one line per value, "<facet>\t<value>", for every field
/// with a facet name.
inline constexpr unsigned kFacetSlot = 1;

/// Value slot of the content hash of the article as read (32 hex digits), which `update`
/// compares to skip unchanged articles.
inline constexpr unsigned kHashSlot = 2;

/// Value slot of the absolute path of the file the article was read from (empty for standard
/// input and for articles added through the library); `update --prune` deletes by it.
inline constexpr unsigned kOriginSlot = 3;

/// Value slot of the article's near-duplicate fingerprint (dedup.hpp: serialise).
inline constexpr unsigned kFingerprintSlot = 4;

/// Value slot of the article's duplicate cluster: the content hash of the article that started
/// it. Search collapses on it (one hit per story).
inline constexpr unsigned kClusterSlot = 5;

/// Prefix of the terms of the fingerprint's LSH bands (dedup.hpp: lsh_band_keys), which find
/// the candidate copies of an article without comparing it with every other.
inline constexpr std::string_view kBandPrefix = "XB";

/// Prefix of the term naming an article's duplicate cluster: the members of a cluster are the
/// postings of `kClusterPrefix` + its key.
inline constexpr std::string_view kClusterPrefix = "XCLUSTER";

/// Prefix of the filter term of the file an article was read from (see origin_term).
inline constexpr std::string_view kOriginPrefix = "XFILE";

/// Index metadata key of the time of the last run that changed the index (ISO 8601, UTC).
inline constexpr std::string_view kUpdatedKey = "newsq.updated";

/// Metadata key set to "1" in an index that keeps Xapian's spelling table in step with its
/// articles' words (every index this version creates). An index without it, built before,
/// has no suggestions until a rebuild, and its writes leave the table alone.
inline constexpr std::string_view kSpellingKey = "newsq.spelling";

/// Index metadata key of the learned boilerplate paragraphs (see BoilerplateModel::save).
inline constexpr std::string_view kBoilerplateKey = "newsq.boilerplate";

/// Prefixes of the date terms derived from the publication date.
inline constexpr std::string_view kDayPrefix = "D";   ///< D20220317
inline constexpr std::string_view kMonthPrefix = "M"; ///< M202203
inline constexpr std::string_view kYearPrefix = "Y";  ///< Y2022

/// Longest term written; longer boolean values are cut and suffixed with a hash of the whole.
inline constexpr std::size_t kMaxTermBytes = 240;

/// The schema. Free-text words without a prefix come from the title and the body, and from
/// the names the analysis found.
inline constexpr std::array kFields = {
    Field{.name = "id",
          .prefix = "Q",
          .kind = FieldKind::boolean,
          .member = &Article::id,
          .exact = true,
          .description = "unique article id"},
    Field{.name = "title",
          .alias = "headline",
          .prefix = "S",
          .member = &Article::title,
          .weight = 3,
          .in_default = true,
          .description = "headline"},
    Field{.name = "body",
          .alias = "text",
          .member = &Article::body,
          .weight = 1,
          .in_default = true,
          .description = "article text"},
    Field{.name = "author",
          .alias = "byline",
          .prefix = "A",
          .member = &Article::author,
          .weight = 1,
          .description = "byline"},
    Field{.name = "section",
          .prefix = "XSECTION",
          .kind = FieldKind::boolean,
          .member = &Article::section,
          .facet = "section",
          .description = "newsroom section"},
    Field{.name = "source",
          .prefix = "XSOURCE",
          .kind = FieldKind::boolean,
          .member = &Article::source,
          .facet = "source",
          .description = "publication name"},
    Field{.name = "language",
          .alias = "lang",
          .prefix = "L",
          .kind = FieldKind::boolean,
          .member = &Article::language,
          .facet = "language",
          .description = "language of the article, as an ISO 639-1 code (en, de, zh)"},
    Field{.name = "url",
          .prefix = "U",
          .kind = FieldKind::boolean,
          .member = &Article::url,
          .exact = true,
          .description = "canonical URL"},
    Field{.name = "host",
          .alias = "site",
          .prefix = "H",
          .kind = FieldKind::boolean,
          .source = FieldSource::url_host,
          .description = "host name of the URL"},
    Field{.name = "date",
          .alias = "published",
          .prefix = "D",
          .kind = FieldKind::date,
          .member = &Article::published,
          .slot = kDateSlot,
          .description = "publication date"},
    Field{.name = "person",
          .prefix = "XPERSON",
          .kind = FieldKind::names,
          .source = FieldSource::entities,
          .entity = EntityType::person,
          .facet = "person",
          .description = "person named in the article"},
    Field{.name = "org",
          .alias = "organization",
          .prefix = "XORG",
          .kind = FieldKind::names,
          .source = FieldSource::entities,
          .entity = EntityType::organization,
          .facet = "organization",
          .description = "organisation named in the article"},
    Field{.name = "place",
          .prefix = "XPLACE",
          .kind = FieldKind::names,
          .source = FieldSource::entities,
          .entity = EntityType::place,
          .facet = "place",
          .description = "place named in the article"},
    Field{.name = "entity",
          .kind = FieldKind::names,
          .source = FieldSource::entities,
          .in_default = true,
          .description = "person, organisation or place named in the article"},
    Field{.name = "quote",
          .prefix = "XQUOTE",
          .source = FieldSource::quotes,
          .weight = 1,
          .description = "text of a direct quotation (a phrase must lie inside one quote)"},
    Field{.name = "speaker",
          .prefix = "XSPEAKER",
          .kind = FieldKind::names,
          .source = FieldSource::speakers,
          .facet = "speaker",
          .description = "speaker of a quotation"},
};

namespace detail {
constexpr std::size_t facet_count() {
    std::size_t n = 0;
    for (const Field& f : kFields) {
        n += f.facet.empty() ? 0 : 1;
    }
    return n;
}
} // namespace detail

/// The facet names, in the order results list them: the rows' that have one, in table order.
inline constexpr auto kFacetNames = [] {
    std::array<std::string_view, detail::facet_count()> names{};
    std::size_t i = 0;
    for (const Field& f : kFields) {
        if (!f.facet.empty()) {
            names[i++] = f.facet;
        }
    }
    return names;
}();

/// The row named `name` (or aliased so), if any.
constexpr const Field* find_field(std::string_view name) {
    auto it = std::find_if(kFields.begin(), kFields.end(), [&](const Field& f) {
        return f.name == name || (!f.alias.empty() && f.alias == name);
    });
    return it == kFields.end() ? nullptr : &*it;
}

/// The row named `name`; for names the library itself uses, checked at compile time.
consteval const Field& field(std::string_view name) {
    for (const Field& f : kFields) {
        if (f.name == name) {
            return f;
        }
    }
    throw "no such field in newsq::kFields";
}

/// The first row whose values come from `source`, checked at compile time.
consteval const Field& field_of(FieldSource source) {
    for (const Field& f : kFields) {
        if (f.source == source) {
            return f;
        }
    }
    throw "no field in newsq::kFields takes its values from this source";
}

namespace detail {
constexpr bool unique_names_and_prefixes() {
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        for (std::size_t j = i + 1; j < kFields.size(); ++j) {
            const Field& a = kFields[i];
            const Field& b = kFields[j];
            if ((a.prefix == b.prefix && !a.prefix.empty()) || a.name == b.name ||
                find_field(b.name) != &b || (!b.alias.empty() && find_field(b.alias) != &b)) {
                return false;
            }
        }
    }
    return true;
}
} // namespace detail
static_assert(detail::unique_names_and_prefixes(), "field names and prefixes must be unique");

/// The filter term for `value` of boolean or names field `f`: the prefix plus the value folded
/// to lower case (unless the field is exact; a language tag as its code, see language_code),
/// cut to `kMaxTermBytes` with a hash suffix when longer. std::invalid_argument for a field
/// without a prefix, which has no filter terms.
std::string boolean_term(const Field& f, std::string_view value);

/// The filter term of the file at absolute `path`, cut like boolean_term when long.
std::string origin_term(std::string_view path);

/// The longest prefix of `path` that every origin term of a file under it starts with.
std::string origin_term_prefix(std::string_view path);

} // namespace newsq
