#include "store/document.hpp"

#include <nlohmann/json.hpp>

#include <newsq/error.hpp>
#include <newsq/json.hpp>
#include <newsq/schema.hpp>

#include "article_fields.hpp"
#include "store/fields.hpp"
#include "store/slots.hpp"
#include "store/terms.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

using Json = nlohmann::json;

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
    set_text_stemming(generator_, language_);
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    if (article.language != language_) {
        language_ = article.language;
        set_text_stemming(generator_, language_);
    }
    Xapian::Document doc;
    generator_.set_document(doc);
    for (const Field& f : kFields) {
        index_field(doc, f, article);
    }
    doc.add_value(kFacetSlot, facet_value(article));
    doc.set_data(encode_article(article));
    // The generator keeps a handle on the document it indexes, and Xapian counts handles
    // without atomics: let go of it here, so the thread the document is handed to holds the
    // only one.
    generator_.set_document(Xapian::Document());
    return doc;
}

void DocumentBuilder::index_field(Xapian::Document& doc, const Field& f, const Article& article) {
    for (const std::string& value : field_values(article, f)) {
        switch (f.kind) {
        case FieldKind::text:
            index_text_value(generator_, f, value);
            break;
        case FieldKind::boolean:
            doc.add_boolean_term(boolean_term(f, value));
            break;
        case FieldKind::date:
            add_date(doc, f, value);
            break;
        case FieldKind::names:
            if (!f.prefix.empty()) {
                add_name_terms(doc, f, value);
            }
            if (f.in_default) {
                generator_.index_text_without_positions(value);
            }
            break;
        }
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

std::string encode_article(const Article& article) {
    return Json(article).dump();
}

Article decode_article(std::string_view data) {
    try {
        return Json::parse(data).get<Article>();
    } catch (const Json::exception& e) {
        throw Error(ErrorCode::index_corrupt,
                    std::string("stored article data is not newsq's: ") + e.what(),
                    "rebuild the index with `newsindex add`");
    }
}

} // namespace newsq::detail
