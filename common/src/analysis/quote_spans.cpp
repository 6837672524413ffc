#include "analysis/quote_spans.hpp"
#include <algorithm>

#include "analysis/tokens.hpp"

namespace newsq::detail {

namespace {

constexpr std::string_view kLeftDouble = "\u201C";
constexpr std::string_view kRightDouble = "\u201D";

// Length of the quotation mark at `i` and whether it can open / close a quotation.
struct Mark {
    std::size_t length = 0;
    bool opens = false;
    bool closes = false;
};

Mark mark_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) {
        return {};
    }
    if (text[i] == '"') {
        return {1, true, true};
    }
    if (text.substr(i, 3) == kLeftDouble) {
        return {3, true, false};
    }
    if (text.substr(i, 3) == kRightDouble) {
        return {3, false, true};
    }
    return {};
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

// Whether every word of four letters or more is capitalised, as in a title.
bool is_title_case(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end - start >= 4 && !starts_upper(text.substr(start, end - start))) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

} // namespace

std::vector<QuoteSpan> find_spans(std::span<const std::string_view> paragraphs) {
    std::vector<QuoteSpan> spans;
    bool open = false;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const std::string_view text = paragraphs[p];
        std::size_t part = 0;
        open = open && mark_at(text, 0).opens;
        if (open) {
            spans.back().text += ' ';
            part = mark_at(text, 0).length;
        }
        for (std::size_t i = part; i < text.size(); ++i) {
            const Mark m = mark_at(text, i);
            if (!open && m.opens) {
                spans.push_back({{}, {p, i}, {p, text.size()}});
                open = true;
                part = i + m.length;
            } else if (open && m.closes) {
                spans.back().text += text.substr(part, i - part);
                spans.back().close = {p, i + m.length};
                open = false;
            }
            i += m.length > 0 ? m.length - 1 : 0;
        }
        if (open) {
            spans.back().text += text.substr(part);
            spans.back().close = {p, text.size()};
        }
    }
    return spans;
}

bool is_quotation(const QuoteSpan& s, bool attributed) {
    const std::size_t words = word_count(s.text);
    if (words < 8 && is_title_case(s.text)) {
        return false;
    }
    return words >= 4 || attributed;
}

} // namespace newsq::detail
