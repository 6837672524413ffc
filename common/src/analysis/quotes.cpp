#include "analysis/quotes.hpp"
#include <algorithm>
#include <array>
#include <optional>

#include "analysis/tokens.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

constexpr std::string_view kLeftDouble = "\u201C";
constexpr std::string_view kRightDouble = "\u201D";

// A place in the text: paragraph and byte offset.
struct Position {
    std::size_t paragraph = 0;
    std::size_t offset = 0;
    auto operator<=>(const Position&) const = default;
};

// A quotation as found: its text and where its marks stand.
struct Span {
    std::string text;
    Position open;  // at the opening mark
    Position close; // just after the closing mark (or the paragraph end)
    std::string speaker{};
    bool attributed = false;
};

constexpr std::array<std::string_view, 30> kSpeechVerbs = {
    "said",     "says",      "told",      "tells",     "added",    "adds",
    "asked",    "explained", "warned",    "argued",    "wrote",    "writes",
    "noted",    "insisted",  "stressed",  "continued", "replied",  "recalled",
    "observes", "observed",  "mentioned", "informed",  "declared", "urged",
    "admitted", "announced", "claimed",   "cautioned", "conceded", "acknowledged"};

constexpr std::array<std::string_view, 9> kNamingVerbs = {"called",    "calls",    "described",
                                                          "describes", "dubbed",   "termed",
                                                          "branded",   "labelled", "labeled"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_speech(std::string_view folded) {
    return among(kSpeechVerbs, folded) || among(kNamingVerbs, folded);
}

bool is_person_pronoun(std::string_view folded) {
    return folded == "he" || folded == "she";
}

// Length of the quotation mark at `i` and whether it can open / close a quotation.
struct Mark {
    std::size_t length = 0;
    bool opens = false;
    bool closes = false;
};

Mark mark_at(std::string_view text, std::size_t i) {
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

// Finds the quotations of each paragraph. One left open at the end of a paragraph continues
// when the next paragraph opens with a quotation mark (its parts joined by a space), and
// otherwise ends with its paragraph.
std::vector<Span> find_spans(std::span<const std::string_view> paragraphs) {
    std::vector<Span> spans;
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

class Attributor {
public:
    Attributor(std::span<const std::vector<Token>> tokens, const EntityFindings& entities,
               const std::vector<Span>& spans)
        : tokens_(tokens)
        , entities_(entities)
        , spans_(spans) {}

    // The speaker of `s`, if the sentence around it says who spoke.
    std::optional<std::string> speaker(const Span& s) const {
        if (auto after = attribution(s.close.paragraph, after_region(s.close))) {
            return after;
        }
        return attribution(s.open.paragraph, before_region(s.open));
    }

    // Whom "he" or "she" before `at` refers to: the last person named outside quotations
    // as the speaker of a sentence, or failing that the last person named.
    std::string last_person(Position at) const {
        std::string speaker;
        std::string named;
        for (const Mention& m : entities_.mentions) {
            const Position pos{m.paragraph, m.begin};
            if (pos >= at) {
                break;
            }
            if (m.entity.type == EntityType::person && !inside_quote(pos)) {
                named = m.entity.name;
                if (speaks(m)) {
                    speaker = m.entity.name;
                }
            }
        }
        return speaker.empty() ? named : speaker;
    }

private:
    std::span<const std::vector<Token>> tokens_;
    const EntityFindings& entities_;
    const std::vector<Span>& spans_;

    using Range = std::pair<std::size_t, std::size_t>; // token indexes [first, last)

    // Whether `m` is the first person named in a sentence that reports speech.
    bool speaks(const Mention& m) const {
        const std::vector<Token>& t = tokens_[m.paragraph];
        std::size_t k = 0;
        while (k < t.size() && t[k].begin < m.begin) {
            ++k;
        }
        std::size_t first = k;
        while (first > 0 && !t[first].sentence_start) {
            --first;
        }
        for (const Mention& other : entities_.mentions) {
            if (other.paragraph == m.paragraph && other.entity.type == EntityType::person &&
                other.begin >= t[first].begin && other.begin < m.begin) {
                return false;
            }
        }
        for (std::size_t j = first; j < t.size() && (j == first || !t[j].sentence_start); ++j) {
            if (!t[j].in_quote &&
                (is_speech(fold_case(t[j].text)) || fold_case(t[j].text) == "according")) {
                return true;
            }
        }
        return false;
    }

    bool inside_quote(Position pos) const {
        return std::any_of(spans_.begin(), spans_.end(),
                           [&](const Span& s) { return s.open <= pos && pos < s.close; });
    }

    // The words after a closing mark, to the end of the sentence.
    Range after_region(Position close) const {
        const std::vector<Token>& t = tokens_[close.paragraph];
        std::size_t first = 0;
        while (first < t.size() && t[first].begin < close.offset) {
            ++first;
        }
        std::size_t last = first;
        while (last < t.size() && !t[last].in_quote && (last == first || !t[last].sentence_start)) {
            ++last;
        }
        if (first < t.size() && t[first].sentence_start && !t[first].in_quote) {
            // "…” He said" is a new sentence but still the attribution.
            return {first, std::min(last, first + 6)};
        }
        return {first, last};
    }

    // The words from the start of the sentence to an opening mark.
    Range before_region(Position open) const {
        const std::vector<Token>& t = tokens_[open.paragraph];
        std::size_t last = 0;
        while (last < t.size() && t[last].end <= open.offset) {
            ++last;
        }
        std::size_t first = last;
        while (first > 0 && !t[first - 1].in_quote) {
            --first;
            if (t[first].sentence_start) {
                break;
            }
        }
        return {first, last};
    }

    std::optional<std::string> attribution(std::size_t paragraph, Range r) const {
        const std::vector<Token>& t = tokens_[paragraph];
        for (std::size_t k = r.first; k < r.second; ++k) {
            const std::string f = fold_case(t[k].text);
            const bool according =
                f == "according" && k + 1 < r.second && fold_case(t[k + 1].text) == "to";
            if (!is_speech(f) && !according) {
                continue;
            }
            if (according) {
                return name_in(paragraph, t[k + 1].end, t[r.second - 1].end, false);
            }
            if (k > r.first && is_pronoun(t[k - 1].text)) {
                return is_person_pronoun(fold_case(t[k - 1].text))
                           ? last_person({paragraph, t[r.first].begin})
                           : std::string();
            }
            if (auto before = name_in(paragraph, t[r.first].begin, t[k].begin, true)) {
                return before;
            }
            if (auto after = name_in(paragraph, t[k].end, t[r.second - 1].end, false)) {
                return after;
            }
            return last_person({paragraph, t[r.first].begin});
        }
        return std::nullopt;
    }

    static bool is_pronoun(std::string_view word) {
        const std::string f = fold_case(word);
        return f == "he" || f == "she" || f == "they" || f == "it" || f == "we" || f == "i";
    }

    // The person (or failing that, organisation) named within [begin, end) of a paragraph:
    // the last one when `closest_last`, else the first.
    std::optional<std::string> name_in(std::size_t paragraph, std::size_t begin, std::size_t end,
                                       bool closest_last) const {
        const Mention* person = nullptr;
        const Mention* organization = nullptr;
        for (const Mention& m : entities_.mentions) {
            if (m.paragraph != paragraph || m.begin < begin || m.end > end) {
                continue;
            }
            const Mention*& slot = m.entity.type == EntityType::person ? person : organization;
            if (m.entity.type != EntityType::place && (slot == nullptr || closest_last)) {
                slot = &m;
            }
        }
        const Mention* found = person != nullptr ? person : organization;
        return found != nullptr ? std::optional(found->entity.name) : std::nullopt;
    }
};

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

// Short quotations nobody is said to have said are scare quotes, and short title-case
// ones name works ("The Boats of Santurce"): neither is a quote.
bool is_quotation(const Span& s, std::size_t words) {
    if (words < 8 && is_title_case(s.text)) {
        return false;
    }
    return words >= 4 || s.attributed;
}

} // namespace

std::vector<Quote> find_quotes(std::span<const std::string_view> paragraphs,
                               std::span<const std::vector<Token>> tokens,
                               const EntityFindings& entities) {
    std::vector<Span> spans = find_spans(paragraphs);
    const Attributor attributor(tokens, entities, spans);
    std::vector<Quote> quotes;
    const Span* previous = nullptr;
    for (Span& s : spans) {
        if (auto speaker = attributor.speaker(s)) {
            s.speaker = std::move(*speaker);
            s.attributed = true;
        } else if (previous != nullptr && s.open.paragraph <= previous->close.paragraph + 1) {
            s.speaker = previous->speaker;
        } else {
            s.speaker = attributor.last_person(s.open);
        }
        if (!is_quotation(s, word_count(s.text))) {
            continue;
        }
        quotes.push_back({s.text, s.speaker});
        previous = &s;
    }
    return quotes;
}

} // namespace newsq::detail
