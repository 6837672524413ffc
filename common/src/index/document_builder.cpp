#include "index/document_builder.hpp"
#include <algorithm>

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

void add_date(Xapian::Document& doc, const Field& f, std::string_view published) {
    const std::string digits = date_value(published);
    doc.add_boolean_term(std::string(kDayPrefix) + digits.substr(0, 8));
    doc.add_boolean_term(std::string(kMonthPrefix) + digits.substr(0, 6));
    doc.add_boolean_term(std::string(kYearPrefix) + digits.substr(0, 4));
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
        }
    }
    if (const std::string host = url_host(article.url); !host.empty()) {
        doc.add_boolean_term(boolean_term(field("host"), host));
    }
    doc.set_data(encode_article(article));
    return doc;
}

std::string encode_article(const Article& a) {
    const Json object = {
        {"id", a.id},         {"title", a.title}, {"section", a.section},     {"source", a.source},
        {"author", a.author}, {"url", a.url},     {"published", a.published}, {"body", a.body}};
    return object.dump();
}

Article decode_article(std::string_view data) {
    try {
        const Json object = Json::parse(data);
        return Article{object.at("id"),        object.at("title"),  object.at("section"),
                       object.at("source"),    object.at("author"), object.at("url"),
                       object.at("published"), object.at("body")};
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
