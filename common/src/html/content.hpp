#pragma once

#include <string>
#include <string_view>

#include <gumbo.h>

namespace newsq::detail::html {

/// The article text of a page's <body>, found by content scoring as Readability does: blocks
/// score by their text length, commas, link density and class names; the best container and
/// its siblings that score well are the article, cleared of link lists, forms and boilerplate
/// lines. Paragraphs are separated by blank lines; `title`, the headline, is left out. "" when
/// the page has no text.
std::string extract_body(const GumboNode* body, std::string_view title);

/// Paragraphs of plain or HTML text (a JSON-LD articleBody) as extract_body gives them.
std::string plain_paragraphs(std::string_view text);

} // namespace newsq::detail::html
