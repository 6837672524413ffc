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

/// The quoted stretches of each paragraph. The opening mark decides which marks end the
/// quotation; any other mark inside it is text:
///  - English "…" and “…”, in any mix: " or “ opens, " or ” closes;
///  - German, Czech, Polish… „…“ and „…”: „ opens, “ or ” closes;
///  - German single ‚…‘: ‚ opens when text follows it, only ‘ closes (never the apostrophe ’);
///  - French, Spanish, Russian… «…»: « opens, » closes; spaces, no-break spaces (U+00A0) and
///    narrow no-break spaces (U+202F) inside the marks (« Oui ») are not part of the text;
///  - German, Danish »…« (and Swedish, Finnish »…»): » opens when text follows it, « or »
///    closes. These count only in an article whose first guillemet able to open a quotation
///    is such a », and there « opens nothing;
///  - Chinese, Japanese 「…」 and 『…』.
/// One left open at the end of a paragraph continues when the next paragraph opens with a mark
/// of the same kind (its parts joined by a space), and otherwise ends with its paragraph.
std::vector<QuoteSpan> find_spans(std::span<const std::string_view> paragraphs);

/// Whether a quoted stretch is a quotation worth keeping: short ones nobody is said to have
/// said are scare quotes, and short title-case ones name works ("The Boats of Santurce").
/// Short is under four words, words being runs of anything but spaces, where Chinese and
/// Japanese characters (Han, kana), written without spaces, count two to a word and their
/// punctuation separates words: 「…」 of eight such characters or more is long enough.
bool is_quotation(const QuoteSpan& s, bool attributed);

} // namespace newsq::detail
