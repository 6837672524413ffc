#include "index/document_builder.hpp"
#include <algorithm>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

#include "article_fields.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

using Json = nlohmann::json;

// The article member a schema row reads (by the row's name or alias), if any.
std::string_view value_of(const Article& a, const Field& f) {
    for (const ArticleField& af : kArticleFields) {
        if (af.name == f.name || af.name == f.alias) {
            return a.*af.member;
        }
    }
    return {};
}

// The values a `names` field takes from the analysis.
std::vector<std::string_view> names_of(const Article& a, const Field& f) {
    std::vector<std::string_view> names;
    if (f.name == "speaker") {
        for (const Quote& q : a.quotes) {
            if (!q.speaker.empty()) {
                names.push_back(q.speaker);
            }
        }
        return names;
    }
    const std::optional<EntityType> type = entity_type(f.name);
    for (const Entity& e : a.entities) {
        if (!type || e.type == *type) {
            names.push_back(e.name);
        }
    }
    return names;
}

// A term for the whole name and one for each of its words.
void add_names(Xapian::Document& doc, const Field& f, std::span<const std::string_view> names) {
    for (std::string_view name : names) {
        doc.add_boolean_term(boolean_term(f, name));
        std::size_t start = 0;
        while (start < name.size()) {
            const std::size_t end = std::min(name.find(' ', start), name.size());
            if (end > start && end - start < name.size()) {
                doc.add_boolean_term(boolean_term(f, name.substr(start, end - start)));
            }
            start = end + 1;
        }
    }
}

// One line per facet value, "<facet>\t<value>" (see kFacetSlot).
std::string facet_lines(const Article& a) {
    std::string lines;
    const auto add = [&](std::string_view facet, std::string_view value) {
        if (!value.empty()) {
            lines.append(facet).append(1, '\t').append(value).append(1, '\n');
        }
    };
    add("section", a.section);
    add("source", a.source);
    for (const Entity& e : a.entities) {
        add(to_string(e.type), e.name);
    }
    std::vector<std::string_view> speakers = names_of(a, field("speaker"));
    std::sort(speakers.begin(), speakers.end());
    speakers.erase(std::unique(speakers.begin(), speakers.end()), speakers.end());
    for (std::string_view s : speakers) {
        add("speaker", s);
    }
    return lines;
}

void add_date(Xapian::Document& doc, const Field& f, std::string_view published) {
    const std::string digits = date_value(published);
    const std::string_view all = digits;
    for (const auto& [prefix, length] :
         {std::pair{kDayPrefix, 8}, std::pair{kMonthPrefix, 6}, std::pair{kYearPrefix, 4}}) {
        std::string term(prefix);
        term.append(all.substr(0, static_cast<std::size_t>(length)));
        doc.add_boolean_term(term);
    }
    doc.add_value(*f.slot, digits);
}

} // namespace

DocumentBuilder::DocumentBuilder() {
    generator_.set_stemmer(Xapian::Stem("english"));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    generator_.set_document(doc);
    for (const Field& f : kFields) {
        const std::string_view value = value_of(article, f);
        if (f.kind == FieldKind::text && !value.empty()) {
            const std::string text(value);
            if (!f.prefix.empty()) {
                generator_.index_text(text, 1, std::string(f.prefix));
            }
            if (f.in_default) {
                generator_.index_text(text, f.weight);
            }
            generator_.increase_termpos(100);
        } else if (f.kind == FieldKind::boolean && !value.empty()) {
            doc.add_boolean_term(boolean_term(f, value));
        } else if (f.kind == FieldKind::date && !value.empty()) {
            add_date(doc, f, value);
        } else if (f.kind == FieldKind::names) {
            add_names(doc, f, names_of(article, f));
        }
    }
    index_quotes(article.quotes);
    index_names(article.entities);
    if (const std::string host = url_host(article.url); !host.empty()) {
        doc.add_boolean_term(boolean_term(field("host"), host));
    }
    doc.add_value(kFacetSlot, facet_lines(article));
    doc.set_data(encode_article(article));
    return doc;
}

// Each quote apart from the next, so that a phrase never spans two quotes.
void DocumentBuilder::index_quotes(const std::vector<Quote>& quotes) {
    const std::string prefix(field("quote").prefix);
    for (const Quote& q : quotes) {
        generator_.index_text(q.text, 1, prefix);
        generator_.increase_termpos(100);
    }
}

// Canonical names as words too (without positions: the body has them for phrases), so
// "Biden Joe" finds an article that says only "President Biden" and "Mr Joe Biden".
void DocumentBuilder::index_names(const std::vector<Entity>& entities) {
    for (const Entity& e : entities) {
        generator_.index_text_without_positions(e.name);
    }
}

std::string content_hash(const Article& article, std::string_view tag) {
    std::string text(tag);
    for (const ArticleField& f : kArticleFields) {
        // Without a language, the hash is the one stored before articles had one.
        if (f.member != &Article::language || !article.language.empty()) {
            text.append(1, '\x1f').append(article.*f.member);
        }
    }
    return hash_hex(text);
}

void stamp(Xapian::Document& doc, std::string_view hash, std::string_view origin) {
    doc.add_value(kHashSlot, std::string(hash));
    if (!origin.empty()) {
        doc.add_value(kOriginSlot, std::string(origin));
        doc.add_boolean_term(origin_term(origin));
    }
}

std::string encode_article(const Article& a) {
    Json entities = Json::array();
    for (const Entity& e : a.entities) {
        entities.push_back({{"type", to_string(e.type)}, {"name", e.name}});
    }
    Json quotes = Json::array();
    for (const Quote& q : a.quotes) {
        quotes.push_back({{"text", q.text}, {"speaker", q.speaker}});
    }
    const Json object = {{"id", a.id},
                         {"title", a.title},
                         {"section", a.section},
                         {"source", a.source},
                         {"author", a.author},
                         {"url", a.url},
                         {"published", a.published},
                         {"body", a.body},
                         {"language", a.language},
                         {"entities", std::move(entities)},
                         {"quotes", std::move(quotes)}};
    return object.dump();
}

Article decode_article(std::string_view data) {
    try {
        const Json object = Json::parse(data);
        Article a{object.at("id"),
                  object.at("title"),
                  object.at("section"),
                  object.at("source"),
                  object.at("author"),
                  object.at("url"),
                  object.at("published"),
                  object.at("body"),
                  object.value("language", ""),
                  {},
                  {}};
        for (const Json& e : object.at("entities")) {
            const auto type = entity_type(e.at("type").get<std::string>());
            if (!type) {
                throw Error(ErrorCode::index_corrupt, "unknown entity type in stored data");
            }
            a.entities.push_back({*type, e.at("name")});
        }
        for (const Json& q : object.at("quotes")) {
            a.quotes.push_back({q.at("text"), q.at("speaker")});
        }
        return a;
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::index_corrupt,
                    std::string("stored article data is not newsq's: ") + e.what(),
                    "rebuild the index with `newsindex add`");
    }
}

std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    url = url.substr(url.find('@') == std::string_view::npos ? 0 : url.find('@') + 1);
    url = url.substr(0, url.find(':'));
    return fold_case(url);
}

std::string date_value(std::string_view published) {
    std::string digits;
    std::copy_if(published.begin(), published.end(), std::back_inserter(digits),
                 [](char c) { return c >= '0' && c <= '9'; });
    digits.resize(14, '0');
    return digits;
}

} // namespace newsq::detail
