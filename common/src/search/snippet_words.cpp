#include "search/snippet_words.hpp"
#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include "text.hpp"

namespace newsq::detail {

namespace {

constexpr std::string_view kCurly = "\u2019";

// `word` as the term generator indexes it: lower case, with a straight apostrophe.
std::string term_of(std::string_view word) {
    if (std::all_of(word.begin(), word.end(), is_ascii)) {
        std::string lower(word);
        for (char& c : lower) {
            c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return lower;
    }
    std::string straight;
    for (auto at = word.find(kCurly); at != std::string_view::npos; at = word.find(kCurly)) {
        straight.append(word.substr(0, at)) += '\'';
        word.remove_prefix(at + kCurly.size());
    }
    straight += word;
    return fold_case(straight);
}

// Whether `word` may hold a CJK character: all of them are 3 or 4 bytes from a lead byte of
// 0xE2 up, so most words are known to hold none without decoding.
bool may_hold_cjk(std::string_view word) {
    return std::any_of(word.begin(), word.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0xE2; });
}

// The length of the apostrophe at the start of `s`, if one is there.
std::size_t leading_apostrophe(std::string_view s) {
    return s.starts_with('\'') ? 1 : s.starts_with(kCurly) ? kCurly.size() : 0;
}

std::size_t trailing_apostrophe(std::string_view s) {
    return s.ends_with('\'') ? 1 : s.ends_with(kCurly) ? kCurly.size() : 0;
}

// Adds text[begin, end), the letters between CJK characters, as one word without apostrophes at
// its ends: the term generator splits "谈判's" into 谈, 判 and "s".
void add_between(std::string_view text, std::size_t begin, std::size_t end,
                 std::vector<Word>& words) {
    std::string_view piece = text.substr(begin, end - begin);
    while (const std::size_t n = leading_apostrophe(piece)) {
        piece.remove_prefix(n);
    }
    while (const std::size_t n = trailing_apostrophe(piece)) {
        piece.remove_suffix(n);
    }
    if (!piece.empty()) {
        const auto at = static_cast<std::size_t>(piece.data() - text.data());
        words.push_back({at, at + piece.size(), term_of(piece), false});
    }
}

// Adds the word text[begin, end) that may hold CJK characters: each of those a word of its own.
void add_split(std::string_view text, std::size_t begin, std::size_t end,
               std::vector<Word>& words) {
    std::size_t between = begin;
    for (std::size_t pos = begin; pos < end;) {
        const std::size_t at = pos;
        if (!is_cjk(decode_utf8(text, pos))) {
            continue;
        }
        add_between(text, between, at, words);
        words.push_back({at, pos, fold_case(text.substr(at, pos - at)), true});
        between = pos;
    }
    add_between(text, between, end, words);
}

} // namespace

std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    std::size_t pos = 0;
    for (std::string_view w = next_word(text, pos, Apostrophes::straight_and_curly); !w.empty();
         w = next_word(text, pos, Apostrophes::straight_and_curly)) {
        const auto begin = static_cast<std::size_t>(w.data() - text.data());
        if (may_hold_cjk(w)) {
            add_split(text, begin, begin + w.size(), words);
        } else {
            words.push_back({begin, begin + w.size(), term_of(w), false});
        }
    }
    return words;
}

std::vector<std::string> cjk_chars(std::string_view term) {
    std::vector<std::string> chars;
    for (std::size_t pos = 0; pos < term.size();) {
        const std::size_t at = pos;
        if (!is_cjk(decode_utf8(term, pos))) {
            return {};
        }
        chars.emplace_back(term.substr(at, pos - at));
    }
    return chars;
}

bool keeps_first_byte(const Xapian::Stem& stem) {
    // Checked on every word of large word lists of many languages (Armenian and Finnish: in
    // their Snowball rules only, which change nothing before a word's second letter). Italian
    // turns a first "á" into "à", the same first byte; "english" removes a leading apostrophe,
    // which no word here has. The others remove prefixes (arabic, indonesian, irish,
    // kraaij_pohlmann), accents of a first letter (catalan, dutch, french, german, german2,
    // spanish: "über" → "uber"), change a short word's only letter or leave none (earlyenglish,
    // lovins, nepali, porter, turkish: "bini" → "p") or were not checked on words of their
    // language (tamil).
    static const std::set<std::string, std::less<>> kKeeping = {
        "armenian",   "basque",    "danish",     "english",  "finnish", "hungarian", "italian",
        "lithuanian", "norwegian", "portuguese", "romanian", "russian", "swedish"};
    constexpr std::string_view kOpen = "Xapian::Stem(";
    const std::string description = stem.get_description();
    if (!description.starts_with(kOpen) || !description.ends_with(')')) {
        return false;
    }
    const std::string_view name =
        std::string_view(description).substr(kOpen.size(), description.size() - kOpen.size() - 1);
    return kKeeping.contains(name);
}

} // namespace newsq::detail
