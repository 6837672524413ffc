#include <string>

#include <nlohmann/json.hpp>

#include <newsq/error.hpp>
#include <newsq/json.hpp>

#include "article_fields.hpp"

namespace newsq {

namespace {

using Json = nlohmann::json;
using detail::ArticleField;

// The member's name in the object `options` describe.
std::string_view name_of(const ArticleField& f, const ArticleJsonOptions& options) {
    return f.member == &Article::published ? options.published_name : f.name;
}

// Whether the object `options` describe has the member `f`, whose value is `value`.
bool written(const ArticleField& f, const std::string& value, const ArticleJsonOptions& options) {
    if (f.member == &Article::body) {
        return options.body;
    }
    return f.member == &Article::id || !options.omit_empty || !value.empty();
}

} // namespace

Json article_json(const Article& article, const ArticleJsonOptions& options) {
    Json out = Json::object();
    for (const ArticleField& f : detail::kArticleFields) {
        const std::string& value = article.*f.member;
        if (written(f, value, options)) {
            out[std::string(name_of(f, options))] = value;
        }
    }
    out["entities"] = article.entities;
    out["quotes"] = article.quotes;
    return out;
}

void to_json(Json& json, const Entity& entity) {
    json = {{"type", to_string(entity.type)}, {"name", entity.name}};
}

void to_json(Json& json, const Quote& quote) {
    json = {{"text", quote.text}, {"speaker", quote.speaker}};
}

void to_json(Json& json, const Article& article) {
    json = article_json(article);
}

void from_json(const Json& json, Entity& entity) {
    const std::optional<EntityType> type = entity_type(json.at("type").get<std::string>());
    if (!type) {
        throw Error(ErrorCode::index_corrupt, "unknown entity type in stored data");
    }
    entity = {*type, json.at("name")};
}

void from_json(const Json& json, Quote& quote) {
    quote = {json.at("text"), json.at("speaker")};
}

void from_json(const Json& json, Article& article) {
    for (const ArticleField& f : detail::kArticleFields) {
        const std::string name(f.name);
        // Data stored before articles had a language has none.
        article.*f.member = f.member == &Article::language ? json.value(name, "")
                                                           : json.at(name).get<std::string>();
    }
    article.entities.clear();
    for (const Json& e : json.at("entities")) {
        article.entities.push_back(e.get<Entity>());
    }
    article.quotes.clear();
    for (const Json& q : json.at("quotes")) {
        article.quotes.push_back(q.get<Quote>());
    }
}

} // namespace newsq
