#include "analysis/tokens.hpp"
#include <algorithm>

#include <xapian.h>

#include "analysis/gazetteer.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

unsigned code_at(std::string_view text, std::size_t i) {
    return decode_utf8(text, i);
}

bool is_letter_or_digit(unsigned code) {
    using Xapian::Unicode::get_category;
    const auto c = get_category(code);
    return Xapian::Unicode::is_wordchar(code) && c != Xapian::Unicode::CONNECTOR_PUNCTUATION;
}

constexpr std::string_view kRightSingle = "\u2019";
constexpr std::string_view kLeftDouble = "\u201C";
constexpr std::string_view kRightDouble = "\u201D";

// Length of an apostrophe at `i` (straight or curly), or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
    if (text[i] == '\'') {
        return 1;
    }
    return text.substr(i, 3) == kRightSingle ? 3 : 0;
}

// End of the word starting at `i`: letters and digits, joined by inner apostrophes,
// hyphens and full stops ("O'Brien", "Henley-on-Thames", "U.S", "ver.di").
std::size_t word_end(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        if (is_word_start(text, i)) {
            i += utf8_length(text[i]);
            continue;
        }
        std::size_t joiner = apostrophe_at(text, i);
        if (joiner == 0 && (text[i] == '-' || text[i] == '.' || text[i] == '&')) {
            joiner = 1;
        }
        if (joiner == 0 || i + joiner >= text.size() || !is_word_start(text, i + joiner)) {
            break;
        }
        i += joiner;
    }
    return i;
}

// The possessive ending of `word`, if any: "'s", "’s".
std::size_t possessive_length(std::string_view word) {
    for (std::string_view ending : {"'s", "\u2019s"}) {
        if (word.size() > ending.size() && word.ends_with(ending)) {
            return ending.size();
        }
    }
    return 0;
}

struct Tokenizer {
    std::string_view text;
    const Gazetteer& gazetteer;
    std::vector<Token> tokens{};
    bool in_quote = false;
    bool sentence_start = true;
    bool joined = false;

    void word(std::size_t& i) {
        std::size_t end = word_end(text, i);
        std::string_view w = text.substr(i, end - i);
        const std::size_t possessive = possessive_length(w);
        w.remove_suffix(possessive);
        bool abbreviation = false;
        if (end < text.size() && text[end] == '.' && (abbreviates(w) || is_initials(w))) {
            w = text.substr(i, end + 1 - i);
            ++end;
            abbreviation = true;
        }
        tokens.push_back(
            {w, i, end, starts_upper(w), sentence_start, in_quote, possessive > 0, joined});
        sentence_start = false;
        joined = true;
        i = end;
        if (abbreviation && i < text.size() && text[i] != ' ') {
            sentence_start = true;
        }
    }

    // A title or a legal form written with a full stop: "Dr.", "Inc.".
    bool abbreviates(std::string_view w) const {
        const std::string abbreviation = fold_case(std::string(w) + '.');
        return gazetteer.titles.contains(abbreviation) ||
               gazetteer.organization_words.contains(abbreviation);
    }

    // "U.S", or one capital: a middle initial ("John F. Kennedy"), not a sentence's end.
    static bool is_initials(std::string_view w) {
        const bool initial = w.size() == utf8_length(w[0]) && starts_upper(w);
        return initial || (w.find('.') != std::string_view::npos && is_all_caps(w));
    }

    // "Workers' Union": an apostrophe right after a plural is a possessive.
    bool plural_possessive(std::size_t& i) {
        const std::size_t length = apostrophe_at(text, i);
        if (length == 0 || tokens.empty() || tokens.back().end != i ||
            !tokens.back().text.ends_with('s')) {
            return false;
        }
        tokens.back().possessive = true;
        tokens.back().end = i + length;
        i += length;
        return true;
    }

    // "GENEVA - The …": the dash after a dateline starts the first sentence.
    bool after_dateline() const {
        return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(),
                                              [](const Token& t) { return is_all_caps(t.text); });
    }

    void mark(std::size_t& i) {
        if (plural_possessive(i)) {
            return;
        }
        const char c = text[i];
        if (c == '"') {
            in_quote = !in_quote;
            sentence_start = sentence_start || in_quote;
        } else if (text.substr(i, 3) == kLeftDouble) {
            in_quote = true;
            sentence_start = true;
        } else if (text.substr(i, 3) == kRightDouble) {
            in_quote = false;
        } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
            sentence_start = c != ';';
        } else if (c == '(') {
            sentence_start = true;
        } else if (c == '-' || text.substr(i, 3) == "\u2013" || text.substr(i, 3) == "\u2014") {
            sentence_start = sentence_start || after_dateline();
        }
        // "(Russian President Vladimir) Putin": a name continues past the bracket.
        const bool name_bracket =
            c == ')' && !tokens.empty() && tokens.back().end == i && tokens.back().capitalised;
        joined = joined && (c == ' ' || name_bracket);
        i += utf8_length(c);
    }

    void run() {
        for (std::size_t i = 0; i < text.size();) {
            if (is_word_start(text, i)) {
                word(i);
            } else {
                mark(i);
            }
        }
    }
};

} // namespace

bool is_word_start(std::string_view text, std::size_t i) {
    if (i >= text.size()) {
        return false;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (is_ascii(text[i])) { // most of the text: Unicode's answer without decoding
        return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
               (byte >= 'A' && byte <= 'Z');
    }
    return is_letter_or_digit(code_at(text, i));
}

bool starts_upper(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const auto c = Xapian::Unicode::get_category(code_at(text, 0));
    return c == Xapian::Unicode::UPPERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER;
}

bool is_all_caps(std::string_view text) {
    std::size_t letters = 0;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        const auto c = Xapian::Unicode::get_category(*it);
        if (c == Xapian::Unicode::LOWERCASE_LETTER) {
            return false;
        }
        letters += c == Xapian::Unicode::UPPERCASE_LETTER;
    }
    return letters >= 2;
}

std::vector<Token> tokenize(std::string_view paragraph, const Gazetteer& gazetteer) {
    Tokenizer t{paragraph, gazetteer};
    t.run();
    return std::move(t.tokens);
}

} // namespace newsq::detail
