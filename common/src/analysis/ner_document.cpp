#include <algorithm>
#include <array>
#include <numeric>

#include <xapian.h>

#include "analysis/gazetteer.hpp"
#include "analysis/ner_features.hpp"
#include "text.hpp"

namespace newsq::detail::ner {

namespace {

using Xapian::Unicode::get_category;

// How many words either side of a word its features look at.
constexpr std::size_t kReach = 2;

// Lower-case words inside names.
constexpr std::array<std::string_view, 16> kConnectors = {"of",  "and", "for", "the", "de", "del",
                                                          "der", "van", "von", "da",  "du", "la",
                                                          "le",  "y",   "di",  "al"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Longest punctuation kept between two words, in characters.
constexpr std::size_t kGap = 4;

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return detail::is_ascii(c); });
}

bool ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}

// `text` lower-cased: by byte when it is ASCII, the common case, which is faster.
std::string lower_of(std::string_view text) {
    if (!is_ascii(text)) {
        return fold_case(text);
    }
    std::string lower(text);
    for (char& c : lower) {
        c = ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return lower;
}

char ascii_shape(char c) {
    return ascii_upper(c) ? 'X' : ascii_lower(c) ? 'x' : c >= '0' && c <= '9' ? 'd' : c;
}

// The shape of a word: X for an upper-case letter, x for a lower-case one, d for a digit,
// punctuation as it is; a run of one class written once ("Xx", "X.X.", "d-d").
std::string shape_of(std::string_view text) {
    std::string shape;
    if (is_ascii(text)) {
        std::array<char, 32> out{};
        std::size_t n = 0;
        for (const char c : text) {
            const char s = ascii_shape(c);
            if ((n == 0 || out[n - 1] != s) && n < out.size()) {
                out[n++] = s;
            }
        }
        return std::string(out.data(), n);
    }
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const auto c = get_category(*it);
        char s = '?';
        if (c == Xapian::Unicode::UPPERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER) {
            s = 'X';
        } else if (c == Xapian::Unicode::LOWERCASE_LETTER || c == Xapian::Unicode::OTHER_LETTER ||
                   c == Xapian::Unicode::MODIFIER_LETTER) {
            s = 'x';
        } else if (c == Xapian::Unicode::DECIMAL_DIGIT_NUMBER) {
            s = 'd';
        } else if (*it < 0x80) {
            s = static_cast<char>(*it);
        }
        if (shape.empty() || shape.back() != s) {
            shape += s;
        }
    }
    return shape;
}

bool has_upper(std::string_view text) {
    if (is_ascii(text)) {
        return std::any_of(text.begin(), text.end(), ascii_upper);
    }
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const auto c = get_category(*it);
        if (c == Xapian::Unicode::UPPERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER) {
            return true;
        }
    }
    return false;
}

bool starts_lower(std::string_view text) {
    if (!text.empty() && detail::is_ascii(text[0])) {
        return ascii_lower(text[0]);
    }
    return !text.empty() && get_category(*Xapian::Utf8Iterator(text.data(), text.size())) ==
                                Xapian::Unicode::LOWERCASE_LETTER;
}

// The punctuation in `between`, without spaces, curly marks made straight: ", \"", "(".
std::string punctuation(std::string_view between) {
    if (is_ascii(between)) {
        std::string gap;
        for (const char c : between) {
            if (c > ' ' && gap.size() < kGap) {
                gap += c;
            }
        }
        return gap;
    }
    std::string gap;
    for (Xapian::Utf8Iterator it(between.data(), between.size());
         it != Xapian::Utf8Iterator() && gap.size() < kGap; ++it) {
        const unsigned c = *it;
        if (c == 0x201C || c == 0x201D || c == 0x201E) {
            gap += '"';
        } else if (c == 0x2018 || c == 0x2019) {
            gap += '\'';
        } else if (c == 0x2013 || c == 0x2014) {
            gap += '-';
        } else if (c < 0x80 && c > ' ') {
            gap += static_cast<char>(c);
        }
    }
    return gap;
}

// "New York" for "NEW YORK": each word with only its first letter upper case.
std::string title_case(std::string_view lower) {
    std::string out;
    bool start = true;
    for (Xapian::Utf8Iterator it(lower.data(), lower.size()); it != Xapian::Utf8Iterator(); ++it) {
        Xapian::Unicode::append_utf8(out, start ? Xapian::Unicode::toupper(*it) : *it);
        start = *it == ' ' || *it == '-';
    }
    return out;
}

} // namespace

Document::Document(std::span<const std::string_view> paragraphs,
                   std::span<const std::vector<Token>> tokens, const Gazetteer& gazetteer)
    : g_(gazetteer) {
    std::size_t count = 0;
    for (const std::vector<Token>& t : tokens) {
        count += t.size();
    }
    words_.reserve(count);
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        add_paragraph(p, paragraphs[p], tokens[p]);
    }
    split_sentences(tokens);
    for (Sentence& s : sentences_) {
        mark_candidates(s);
    }
    spell_near_candidates();
    count_spellings();
    for (Sentence& s : sentences_) {
        mark_lists(s);
        mark_names(s);
        mark_caps(s);
        mark_runs(s);
    }
}

// What every word needs: its capitals and the punctuation before it. The spellings only the
// words near a candidate need come later (spell_near_candidates).
void Document::add_paragraph(std::size_t p, std::string_view text, std::span<const Token> tokens) {
    std::size_t previous_end = 0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        Word& w = words_.emplace_back();
        w.paragraph = p;
        w.token = k;
        w.written = t.text;
        w.gap = punctuation(text.substr(previous_end, t.begin - previous_end));
        w.upper = has_upper(t.text);
        w.lower_case = starts_lower(t.text);
        w.digit = t.text[0] >= '0' && t.text[0] <= '9';
        w.breaks = w.gap.find_first_of(",;:\"()[]!?") != std::string::npos;
        w.first = t.sentence_start;
        w.possessive = t.possessive;
        w.quoted = t.in_quote;
        previous_end = t.end;
    }
}

// A sentence ends where the tokenizer starts one after a full stop, a question or exclamation
// mark, a colon or a dash ("GENEVA - The …"); not at a quotation mark or a bracket.
void Document::split_sentences(std::span<const std::vector<Token>> tokens) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i < words_.size(); ++i) {
        const Word& w = words_[i];
        const bool new_paragraph = i > 0 && w.paragraph != words_[i - 1].paragraph;
        const bool ends = w.token > 0 && tokens[w.paragraph][w.token].sentence_start &&
                          w.gap.find_first_of(".!?:-") != std::string::npos;
        if (i > begin && (new_paragraph || ends)) {
            sentences_.push_back({begin, i});
            begin = i;
        }
    }
    if (begin < words_.size()) {
        sentences_.push_back({begin, words_.size()});
    }
    sentence_of_.resize(words_.size());
    for (std::size_t s = 0; s < sentences_.size(); ++s) {
        std::fill(sentence_of_.begin() + static_cast<std::ptrdiff_t>(sentences_[s].begin),
                  sentence_of_.begin() + static_cast<std::ptrdiff_t>(sentences_[s].end), s);
    }
}

// The text, lower-case form and shape of the candidates and the words next to them.
void Document::spell_near_candidates() {
    for (std::size_t i = 0; i < words_.size(); ++i) {
        const std::size_t from = i - std::min(i, kReach);
        const std::size_t to = std::min(words_.size(), i + kReach + 1);
        if (std::none_of(words_.begin() + static_cast<std::ptrdiff_t>(from),
                         words_.begin() + static_cast<std::ptrdiff_t>(to),
                         [](const Word& w) { return w.candidate; })) {
            continue;
        }
        Word& w = words_[i];
        w.text = w.written.find('\xE2') == std::string_view::npos ? std::string(w.written)
                                                                  : straight_apostrophes(w.written);
        w.lower = lower_of(w.text);
        w.shape = shape_of(w.text);
    }
}

// A lower-case word's lower-case form, without copying it when it is plain ASCII.
std::string_view Document::lower_form(const Word& w, std::string& buffer) {
    if (!w.lower.empty() || w.written.empty()) {
        return w.lower;
    }
    if (is_ascii(w.written)) {
        return w.written;
    }
    buffer = lower_of(straight_apostrophes(w.written));
    return buffer;
}

// How the document writes each word it capitalises somewhere (the keys view words_, which
// no longer grows).
void Document::count_spellings() {
    next_.assign(words_.size(), words_.size());
    std::vector<std::size_t> last(words_.size()); // by first mention: the last one so far
    std::iota(last.begin(), last.end(), 0);
    for (const Sentence& s : sentences_) {
        const bool caps = std::none_of(words_.begin() + static_cast<std::ptrdiff_t>(s.begin),
                                       words_.begin() + static_cast<std::ptrdiff_t>(s.end),
                                       [](const Word& w) { return w.lower_case; });
        for (std::size_t i = s.begin; i < s.end; ++i) {
            Word& w = words_[i];
            if (w.upper) {
                w.inner_capital = !w.first && i > s.begin && !caps && !is_all_caps(w.text);
                const auto [it, added] = spellings_.try_emplace(w.lower, Spelling{0, 0, 0, i});
                it->second.capital += w.inner_capital;
                ++it->second.upper;
                if (!added) {
                    next_[last[it->second.first]] = i;
                }
                last[it->second.first] = i;
            }
        }
    }
    std::string buffer;
    for (const Word& w : words_) {
        if (w.lower_case && !w.upper) {
            if (const auto it = spellings_.find(lower_form(w, buffer)); it != spellings_.end()) {
                ++it->second.lower;
            }
        }
    }
}

// How the rest of the document writes word i: "l" in lower case, "c" capitalised inside a
// sentence, "lc" both, "-" neither.
std::string Document::spelling(std::size_t i) const {
    const Word& w = words_[i];
    const auto it = spellings_.find(w.lower);
    if (it == spellings_.end()) {
        return "x"; // never capitalised
    }
    const std::uint32_t lower = it->second.lower - (w.lower_case ? 1 : 0);
    const std::uint32_t capital = it->second.capital - (w.inner_capital ? 1 : 0);
    std::string out;
    out += lower > 0 ? "l" : "";
    out += capital > 0 ? "c" : "";
    return out.empty() ? "-" : out;
}

// A sentence in capitals ("MINISTER BACKS COACH"), or a headline in title case ("Minister
// Backs Coach Over Row"): capitals then say nothing about names. A title-case headline is
// written in capitals for the features, as the wire writes it.
void Document::mark_caps(Sentence& s) {
    const auto words = std::span(words_).subspan(s.begin, s.end - s.begin);
    std::size_t lettered = 0, capitalised = 0;
    bool mixed = false, lower = false;
    for (const Word& w : words) {
        if (!w.lower_case && !w.upper) {
            continue;
        }
        ++lettered;
        mixed = mixed || (w.upper && !is_all_caps(w.text) && w.text.size() > 1);
        lower = lower || (w.lower_case && w.text.size() > 3);
        capitalised += w.upper;
    }
    const auto numbers = static_cast<std::size_t>(
        std::count_if(words.begin(), words.end(), [](const Word& w) { return w.digit; }));
    s.table = numbers >= 2 && 3 * numbers >= words.size();
    const bool all_caps = lettered > 0 && !mixed && capitalised == lettered;
    const bool title = !all_caps && !lower && lettered >= 3 && capitalised >= 3 &&
                       std::any_of(words.begin() + 1, words.end(), [&](const Word& w) {
                           return w.upper && w.text.size() > 3 && is_common(w);
                       });
    s.caps = all_caps || title;
    if (title) {
        for (Word& w : words) {
            w.text = Xapian::Unicode::toupper(w.text);
            w.shape = shape_of(w.text);
        }
    }
}

// Whether a capitalised word is a common word, or written in lower case elsewhere.
bool Document::is_common(const Word& w) const {
    const auto it = spellings_.find(w.lower);
    return g_.common_words.contains(w.lower) || (it != spellings_.end() && it->second.lower > 0);
}

// Words with a capital may be names, and so may a digit or a lower-case word next to them
// ("Schalke 04", "Bank of England").
void Document::mark_candidates(const Sentence& s) {
    const auto upper_at = [&](std::size_t i, std::ptrdiff_t d) {
        const auto j = static_cast<std::ptrdiff_t>(i) + d;
        return j >= static_cast<std::ptrdiff_t>(s.begin) &&
               j < static_cast<std::ptrdiff_t>(s.end) && words_[static_cast<std::size_t>(j)].upper;
    };
    for (std::size_t i = s.begin; i < s.end; ++i) {
        Word& w = words_[i];
        const bool before = upper_at(i, -1) || upper_at(i, -2);
        const bool after = upper_at(i, 1) || upper_at(i, 2);
        w.candidate =
            w.upper || (before && after) || (w.digit && (upper_at(i, -1) || upper_at(i, 1)));
    }
}

// Capitalised words in a row, joined by nothing, "&" or a lower-case word names are made
// with ("Bank of England", "Douglas & Lomason", "Leonardo da Vinci").
void Document::mark_runs(const Sentence& s) {
    const auto joins = [&](std::size_t i) {
        const Word& w = words_[i];
        return w.upper ? w.gap.empty() || w.gap == "&"
                       : w.gap.empty() && among(kConnectors, w.lower) && i + 1 < s.end &&
                             words_[i + 1].upper && words_[i + 1].gap.empty();
    };
    for (std::size_t i = s.begin; i < s.end;) {
        std::size_t end = i + 1;
        if (words_[i].upper) {
            while (end < s.end && joins(end)) {
                ++end;
            }
        }
        for (std::size_t k = i; k < end; ++k) {
            words_[k].run_begin = i;
            words_[k].run_end = end;
        }
        i = end;
    }
}

// The word-list bits of the words a candidate's features look at, and the words after a
// title ("Secretary of State").
void Document::mark_lists(const Sentence& s) {
    const auto candidate_in = [&](std::size_t from, std::size_t to) {
        return std::any_of(words_.begin() + static_cast<std::ptrdiff_t>(std::max(from, s.begin)),
                           words_.begin() + static_cast<std::ptrdiff_t>(std::min(to, s.end)),
                           [](const Word& n) { return n.candidate; });
    };
    for (std::size_t i = s.begin; i < s.end; ++i) {
        const bool near = candidate_in(i - std::min(i, kReach), i + kReach + 1);
        const bool before = candidate_in(i + 1, i + g_.longest_title_words + 1);
        if (!near && !before) {
            continue;
        }
        Word& w = words_[i];
        const auto it = g_.word_lists.find(w.lower);
        const std::uint8_t lists = it == g_.word_lists.end() ? 0 : it->second;
        constexpr std::pair<WordList, Tag> bits[] = {
            {kGivenNames, kGiven},          {kTitles, kTitle},         {kDemonyms, kDemonym},
            {kOrganizationWords, kOrgWord}, {kPlaceWords, kPlaceWord}, {kCommonWords, kCommon}};
        for (const auto& [list, tag] : bits) {
            w.tags |= near && (lists & list) != 0 ? static_cast<std::uint16_t>(tag) : 0;
        }
        if ((lists & kTitleStarts) != 0) {
            mark_after_title(s, i);
        }
    }
}

void Document::mark_after_title(const Sentence& s, std::size_t i) {
    std::string title;
    for (std::size_t n = 1; n <= g_.longest_title_words && i + n < s.end; ++n) {
        title += n > 1 ? " " : "";
        title += words_[i + n - 1].lower;
        if (g_.titles.contains(title)) {
            words_[i + n].tags |= kAfterTitle;
        }
    }
}

// The longest gazetteer names, as written or, in capitals, in title case ("NEW YORK").
void Document::mark_names(const Sentence& s) {
    for (std::size_t i = s.begin; i < s.end;) {
        if (!words_[i].upper) {
            ++i;
            continue;
        }
        std::string written, titled;
        bool caps = false;
        std::size_t length = 0;
        const KnownName* found = nullptr;
        for (std::size_t n = 1; n <= g_.longest_name_words && i + n <= s.end; ++n) {
            const Word& w = words_[i + n - 1];
            if (n > 1 && (!w.gap.empty() || (!w.upper && !g_.name_lower_words.contains(w.lower)))) {
                break;
            }
            const bool all_caps = is_all_caps(w.text);
            caps = caps || all_caps;
            written += n > 1 ? " " : "";
            written += w.text;
            titled += n > 1 ? " " : "";
            titled += all_caps ? title_case(w.lower) : w.text;
            auto it = g_.names.find(written);
            if (it == g_.names.end() && caps) {
                it = g_.names.find(titled);
            }
            if (it != g_.names.end()) {
                length = n;
                found = &it->second;
            }
        }
        if (found == nullptr) {
            ++i;
            continue;
        }
        const bool place = found->type == EntityType::place;
        const bool person = found->type == EntityType::person;
        for (std::size_t k = 0; k < length && !person; ++k) {
            words_[i + k].tags |=
                place ? (k == 0 ? kPlaceBegin : kPlaceInside) : (k == 0 ? kOrgBegin : kOrgInside);
        }
        i += length;
    }
}

bool Document::once(std::size_t i) const {
    const auto it = spellings_.find(words_[i].lower);
    return it == spellings_.end() || it->second.lower + it->second.upper <= 1;
}

std::uint8_t Document::label_context(std::size_t i) const {
    const Word& w = words_[i];
    const Sentence& s = sentences_[sentence_of_[i]];
    return static_cast<std::uint8_t>((w.upper ? 1 : 0) | (w.first || i == s.begin ? 2 : 0) |
                                     (s.caps ? 4 : 0));
}

} // namespace newsq::detail::ner
