#pragma once

#include <array>
#include <string>
#include <string_view>

#include <newsq/article.hpp>

namespace newsq::detail {

/// An Article member with the name it has in JSON Lines input and in the stored data.
struct ArticleField {
    std::string_view name;
    std::string Article::*member;
};

inline constexpr std::array<ArticleField, 9> kArticleFields = {{
    {"id", &Article::id},
    {"title", &Article::title},
    {"section", &Article::section},
    {"source", &Article::source},
    {"author", &Article::author},
    {"url", &Article::url},
    {"published", &Article::published},
    {"body", &Article::body},
    {"language", &Article::language},
}};

} // namespace newsq::detail
