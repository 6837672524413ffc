#include "analysis/quote_spans.hpp"
#include <algorithm>
#include <array>

#include "analysis/tokens.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

// Which guillemets an article quotes with: French «…» or German »…«. Kinds of quotation that
// use neither are `any`.
enum class Guillemets { any, french, german };

// A kind of quotation: the marks that open it, those that end it, and how they stand.
struct Kind {
    std::array<std::string_view, 2> opens;
    std::array<std::string_view, 2> closes;
    bool attached = false; // opens only right before text: a lone » or ‚ quotes nothing
    bool spaced = false;   // spaces inside the marks are not part of the text: « Oui »
    Guillemets guillemets = Guillemets::any;
};

// The kinds of quotation, as find_spans (quote_spans.hpp) lists them.
constexpr std::array kKinds = {
    Kind{.opens = {"\"", "\u201C"}, .closes = {"\"", "\u201D"}},
    Kind{.opens = {"\u201E"}, .closes = {"\u201C", "\u201D"}},
    Kind{.opens = {"\u201A"}, .closes = {"\u2018"}, .attached = true},
    Kind{.opens = {"\u00AB"},
         .closes = {"\u00BB"},
         .spaced = true,
         .guillemets = Guillemets::french},
    Kind{.opens = {"\u00BB"},
         .closes = {"\u00AB", "\u00BB"},
         .attached = true,
         .guillemets = Guillemets::german},
    Kind{.opens = {"\u300C"}, .closes = {"\u300D"}},
    Kind{.opens = {"\u300E"}, .closes = {"\u300F"}},
};

// Whether byte `c` may start a quotation mark: all others are passed over quickly. (The marks
// are taken by reference: GCC 12 cannot copy them here in a constant expression.)
constexpr bool may_start_mark(char c) {
    return std::ranges::any_of(kKinds, [c](const Kind& k) {
        const auto starts = [c](const std::string_view& m) { return m.starts_with(c); };
        return std::ranges::any_of(k.opens, starts) || std::ranges::any_of(k.closes, starts);
    });
}

// The bytes that may start a quotation mark, by value.
constexpr std::array<bool, 256> kMarkStarts = [] {
    std::array<bool, 256> starts{};
    for (std::size_t b = 0; b < starts.size(); ++b) {
        starts[b] = may_start_mark(static_cast<char>(b));
    }
    return starts;
}();

// Whether a quotation mark may stand at byte `i` of `text`.
bool mark_may_start(std::string_view text, std::size_t i) {
    return kMarkStarts[static_cast<unsigned char>(text[i])];
}

// Spaces that may stand between a quotation mark and the quoted text.
constexpr std::array<std::string_view, 5> kSpaces = {" ", "\t", "\u00A0", "\u202F", "\u2009"};

// Length of whichever of `marks` stands at byte `i` of `text`, or 0.
std::size_t mark_length(std::string_view text, std::size_t i,
                        std::span<const std::string_view> marks) {
    for (const std::string_view m : marks) {
        if (!m.empty() && text.substr(i).starts_with(m)) {
            return m.size();
        }
    }
    return 0;
}

// Whether text, not a space or the paragraph end, stands at byte `i` of `text`.
bool text_at(std::string_view text, std::size_t i) {
    return i < text.size() && mark_length(text, i, kSpaces) == 0;
}

// A quotation mark that opens a quotation, and its length.
struct Opening {
    const Kind* kind = nullptr;
    std::size_t length = 0;
};

// The mark that opens a quotation at byte `i` of `text`, in an article quoting with `used`
// guillemets (`any`: with whichever stands there).
Opening opening_at(std::string_view text, std::size_t i, Guillemets used) {
    if (i >= text.size() || !mark_may_start(text, i)) {
        return {};
    }
    for (const Kind& k : kKinds) {
        const std::size_t length = mark_length(text, i, k.opens);
        const bool usable =
            k.guillemets == Guillemets::any || used == Guillemets::any || k.guillemets == used;
        if (length > 0 && usable && (!k.attached || text_at(text, i + length))) {
            return {&k, length};
        }
    }
    return {};
}

// The guillemets an article quotes with: those of its first guillemet that may open a
// quotation, French when it has none.
Guillemets guillemets_of(std::span<const std::string_view> paragraphs) {
    for (const std::string_view text : paragraphs) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const Opening o = opening_at(text, i, Guillemets::any);
            if (o.kind != nullptr && o.kind->guillemets != Guillemets::any) {
                return o.kind->guillemets;
            }
        }
    }
    return Guillemets::french;
}

// `piece` of a quotation of kind `k`, without the spaces it keeps inside spaced marks.
std::string_view inner(std::string_view piece, const Kind& k) {
    bool trimmed = k.spaced;
    while (trimmed) {
        trimmed = false;
        for (const std::string_view space : kSpaces) {
            if (piece.starts_with(space)) {
                piece.remove_prefix(space.size());
                trimmed = true;
            }
            if (piece.ends_with(space)) {
                piece.remove_suffix(space.size());
                trimmed = true;
            }
        }
    }
    return piece;
}

// Goes through an article's paragraphs in order, collecting their quoted stretches.
class SpanFinder {
public:
    explicit SpanFinder(Guillemets used)
        : used_(used) {}

    void paragraph(std::size_t p, std::string_view text) {
        p_ = p;
        text_ = text;
        part_ = 0;
        const Opening first = opening_at(text, 0, used_);
        if (open_ != nullptr && first.kind == open_) {
            spans_.back().text += ' ';
            part_ = first.length;
        } else {
            open_ = nullptr;
        }
        for (std::size_t i = part_; i < text.size();) {
            i += open_ == nullptr ? try_open(i) : try_close(i);
        }
        if (open_ != nullptr) {
            spans_.back().text += inner(text.substr(part_), *open_);
            spans_.back().close = {p, text.size()};
        }
    }

    std::vector<QuoteSpan> take() { return std::move(spans_); }

private:
    // Opens a quotation if a mark at byte `i` does; the bytes to go on by.
    std::size_t try_open(std::size_t i) {
        const Opening o = opening_at(text_, i, used_);
        if (o.kind == nullptr) {
            return 1;
        }
        spans_.push_back({{}, {p_, i}, {p_, text_.size()}});
        open_ = o.kind;
        part_ = i + o.length;
        return o.length;
    }

    // Closes the open quotation if a mark of its kind stands at byte `i`; the bytes to go on by.
    std::size_t try_close(std::size_t i) {
        const std::size_t length =
            mark_may_start(text_, i) ? mark_length(text_, i, open_->closes) : 0;
        if (length == 0) {
            return 1;
        }
        spans_.back().text += inner(text_.substr(part_, i - part_), *open_);
        spans_.back().close = {p_, i + length};
        open_ = nullptr;
        return length;
    }

    Guillemets used_;
    std::vector<QuoteSpan> spans_;
    const Kind* open_ = nullptr; // the kind of the quotation open, if one is
    std::size_t p_ = 0;          // the paragraph, its text and where its open part starts
    std::string_view text_;
    std::size_t part_ = 0;
};

// Han characters and kana, which Chinese and Japanese write without spaces between words.
bool is_cjk_letter(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// CJK punctuation and the ideographic space, and the fullwidth punctuation ，！？：；.
bool is_cjk_gap(char32_t c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20);
}

// Runs of anything but spaces, and Chinese and Japanese characters two to a word.
std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    std::size_t cjk = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = decode_utf8(text, i);
        const bool letter = is_cjk_letter(c);
        const bool gap = c == ' ' || letter || is_cjk_gap(c);
        cjk += letter ? 1 : 0;
        words += !gap && !in_word ? 1 : 0;
        in_word = !gap;
    }
    return words + cjk / 2;
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
    SpanFinder finder(guillemets_of(paragraphs));
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        finder.paragraph(p, paragraphs[p]);
    }
    return finder.take();
}

bool is_quotation(const QuoteSpan& s, bool attributed) {
    const std::size_t words = word_count(s.text);
    if (words < 8 && is_title_case(s.text)) {
        return false;
    }
    return words >= 4 || attributed;
}

} // namespace newsq::detail
