#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsq {

/// How a field is indexed.
enum class FieldKind {
    text,    ///< free text with positions: words, phrases, NEAR
    boolean, ///< exact filter terms, one per value, matched case-insensitively
    date,    ///< publication date: D/M/Y terms plus a sortable value slot
    names,   ///< names found by the analysis: a filter term for each whole name and each
             ///< of its words, so `person:blinken` and `person:"Antony Blinken"` both match
};

/// One row of the schema: everything the indexer and the query parser need to agree on.
struct Field {
    std::string_view name;        ///< field name in queries (`section:World`) and stored data
    std::string_view alias;       ///< second query name, or empty
    std::string_view prefix;      ///< Xapian term prefix (Omega conventions; `X…` for our own)
    FieldKind kind;               ///< how it is indexed
    unsigned weight;              ///< wdf multiplier for text fields (0: not searchable as text)
    bool in_default;              ///< text also indexed without prefix, so plain words find it
    std::optional<unsigned> slot; ///< value slot, when sortable
    std::string_view description; ///< one line for the documentation and `--help`
};

/// Bumped whenever the terms, slots or stored data change meaning; stored in the index
/// metadata under `kSchemaVersionKey`.
inline constexpr std::string_view kSchemaVersion = "4";
inline constexpr std::string_view kSchemaVersionKey = "newsq.schema";

/// Value slot of the publication time, as "YYYYMMDDHHMMSS" (UTC), sortable as a string.
inline constexpr unsigned kDateSlot = 0;

/// Value slot of what facets count: one line per value, "<facet>\t<value>", where the facet is
/// section, source, person, organization, place or speaker.
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
inline constexpr std::string_view kBandPrefix = "XBAND";

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

/// The schema. Free-text words without a prefix come from the title and the body.
inline constexpr std::array kFields = {
    Field{"id", "", "Q", FieldKind::boolean, 0, false, {}, "unique article id"},
    Field{"title", "headline", "S", FieldKind::text, 3, true, {}, "headline"},
    Field{"body", "text", "", FieldKind::text, 1, true, {}, "article text"},
    Field{"author", "byline", "A", FieldKind::text, 1, false, {}, "byline"},
    Field{"section", "", "XSECTION", FieldKind::boolean, 0, false, {}, "newsroom section"},
    Field{"source", "", "XSOURCE", FieldKind::boolean, 0, false, {}, "publication name"},
    Field{"url", "", "U", FieldKind::boolean, 0, false, {}, "canonical URL"},
    Field{"host", "site", "H", FieldKind::boolean, 0, false, {}, "host name of the URL"},
    Field{"date", "published", "D", FieldKind::date, 0, false, kDateSlot, "publication date"},
    Field{"person", "", "XPERSON", FieldKind::names, 0, false, {}, "person named in the article"},
    Field{"org",
          "organization",
          "XORG",
          FieldKind::names,
          0,
          false,
          {},
          "organisation named in the article"},
    Field{"place", "", "XPLACE", FieldKind::names, 0, false, {}, "place named in the article"},
    Field{"entity",
          "",
          "XENTITY",
          FieldKind::names,
          0,
          false,
          {},
          "person, organisation or place named in the article"},
    Field{"quote",
          "",
          "XQUOTE",
          FieldKind::text,
          1,
          false,
          {},
          "text of a direct quotation (a phrase must lie inside one quote)"},
    Field{"speaker", "", "XSPEAKER", FieldKind::names, 0, false, {}, "speaker of a quotation"},
};

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

namespace detail {
constexpr bool unique_names_and_prefixes() {
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        for (std::size_t j = i + 1; j < kFields.size(); ++j) {
            const Field& a = kFields[i];
            const Field& b = kFields[j];
            if (a.prefix == b.prefix || a.name == b.name || find_field(b.name) != &b ||
                (!b.alias.empty() && find_field(b.alias) != &b)) {
                return false;
            }
        }
    }
    return true;
}
} // namespace detail
static_assert(detail::unique_names_and_prefixes(), "field names and prefixes must be unique");

/// The filter term for `value` of boolean field `f`: the prefix plus the value folded to lower
/// case (ids and URLs keep theirs), cut to `kMaxTermBytes` with a hash suffix when longer.
std::string boolean_term(const Field& f, std::string_view value);

/// The filter term of the file at absolute `path`, cut like boolean_term when long.
std::string origin_term(std::string_view path);

/// The longest prefix of `path` that every origin term of a file under it starts with.
std::string origin_term_prefix(std::string_view path);

} // namespace newsq
