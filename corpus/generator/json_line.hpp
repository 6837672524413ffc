#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace newsq::gen {

/// One JSON Lines record of an article (any type with the article fields), newline-terminated.
template <class Article>
std::string to_json_line(const Article& article) {
    const nlohmann::ordered_json object = {
        {"id", article.id},
        {"url", article.url},
        {"title", article.title},
        {"section", article.section},
        {"published", article.published},
        {"source", article.source},
        {"author", article.author},
        {"body", article.body},
    };
    std::string line = object.dump(-1, ' ', false);
    line += '\n';
    return line;
}

} // namespace newsq::gen
