#pragma once

#include <compare>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// A place in an article's text: paragraph and byte offset.
struct Position {
    std::size_t paragraph = 0;
    std::size_t offset = 0;
    auto operator<=>(const Position&) const = default;
};

/// A quotation as found: its text and where its marks stand.
struct QuoteSpan {
    std::string text;
    Position open;  ///< at the opening mark
    Position close; ///< just after the closing mark (or the paragraph end)
};

/// The double-quoted stretches of each paragraph. One left open at the end of a paragraph
/// continues when the next paragraph opens with a quotation mark (its parts joined by a
/// space), and otherwise ends with its paragraph.
std::vector<QuoteSpan> find_spans(std::span<const std::string_view> paragraphs);

/// Whether a quoted stretch is a quotation worth keeping: short ones nobody is said to have
/// said are scare quotes, and short title-case ones name works ("The Boats of Santurce").
bool is_quotation(const QuoteSpan& s, bool attributed);

} // namespace newsq::detail
