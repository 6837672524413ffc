#include <array>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <newsq/reader.hpp>

#include "article_fields.hpp"
#include "checks.hpp"
#include "text.hpp"

namespace newsq {

namespace {

using Json = nlohmann::json;

std::string_view type_name(const Json& value) {
    return value.type_name();
}

// nlohmann's message without its "[json.exception…] parse error at line 1, column 5: " lead.
std::string_view parse_problem(std::string_view what) {
    const auto colon = what.find(": ");
    return colon == std::string_view::npos ? what : what.substr(colon + 2);
}

BadRecord bad(std::string reason) {
    return BadRecord{"", 1, std::move(reason)};
}

// Reads the string fields; null counts as absent, any other non-string type is an error.
std::optional<BadRecord> read_fields(const Json& object, Article& article) {
    for (const detail::ArticleField& field : detail::kArticleFields) {
        const auto it = object.find(field.name);
        if (it == object.end() || it->is_null()) {
            continue;
        }
        if (!it->is_string()) {
            return bad(
                fmt::format("field \"{}\" must be a string, not {}", field.name, type_name(*it)));
        }
        article.*field.member = detail::trim(it->get_ref<const std::string&>());
    }
    if (article.published.empty()) {
        return std::nullopt;
    }
    auto date = normalise_published(article.published);
    if (!date) {
        return bad(fmt::format("field \"published\": unrecognised date \"{}\" (expected ISO "
                               "8601, e.g. 2022-03-17T09:30:00Z)",
                               article.published));
    }
    article.published = std::move(*date);
    return std::nullopt;
}

} // namespace

ParseResult parse_json_article(std::string_view line, const ReadOptions& options) {
    if (auto problem = detail::check_raw_input(line, options)) {
        problem->line = 1;
        return *problem;
    }
    Json object;
    try {
        object = Json::parse(line);
    } catch (const Json::parse_error& e) {
        return bad(fmt::format("malformed JSON at byte {}: {}", e.byte, parse_problem(e.what())));
    }
    if (!object.is_object()) {
        return bad(fmt::format("expected a JSON object, found {}", type_name(object)));
    }
    Article article;
    if (auto problem = read_fields(object, article)) {
        return *problem;
    }
    if (article.body.empty()) {
        return bad("empty article: no \"body\" text");
    }
    return article;
}

} // namespace newsq
