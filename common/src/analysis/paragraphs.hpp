#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// The paragraphs of an article body: its non-blank lines, trimmed (Article::body keeps one
/// paragraph a line, with blank lines between them).
std::vector<std::string_view> split_paragraphs(std::string_view body);

/// Paragraphs joined with one blank line between them, as Article::body keeps them.
std::string join_paragraphs(const std::vector<std::string_view>& paragraphs);

} // namespace newsq::detail
