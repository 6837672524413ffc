#include "dedup/shingles.hpp"
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <newsq/dedup.hpp>

#include "text.hpp"

namespace newsq::detail {
namespace {

// The ASCII letter each code point of U+00C0..U+017F folds to, in upper case where the code
// point is upper case ("É" → 'E', "ł" → 'l', "ß" → 's'); '*' marks × and ÷, which are not letters.
constexpr char32_t kLatinFirst = 0xC0;
constexpr std::string_view kLatinBase = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTs"
                                        "aaaaaaaceeeeiiiidnooooo*ouuuuyty"
                                        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg"
                                        "GgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
                                        "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSs"
                                        "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// Words that say little on their own, even inside a quotation: a shingle of only these
// ("it is not") is common to many unrelated articles.
constexpr std::array<std::string_view, 150> kFunctionWords = {
    "a",       "about",    "above",  "after",    "again",   "against",   "all",        "also",
    "am",      "an",       "and",    "any",      "are",     "as",        "at",         "be",
    "because", "been",     "before", "being",    "between", "both",      "but",        "by",
    "can",     "can't",    "could",  "couldn't", "did",     "didn't",    "do",         "does",
    "doesn't", "doing",    "don't",  "down",     "during",  "each",      "even",       "ever",
    "every",   "few",      "for",    "from",     "further", "had",       "has",        "have",
    "haven't", "having",   "he",     "he's",     "her",     "here",      "hers",       "herself",
    "him",     "himself",  "his",    "how",      "i",       "i'm",       "i've",       "if",
    "in",      "into",     "is",     "isn't",    "it",      "it's",      "its",        "itself",
    "just",    "let's",    "me",     "more",     "most",    "much",      "my",         "myself",
    "no",      "nor",      "not",    "now",      "of",      "off",       "on",         "once",
    "only",    "or",       "other",  "our",      "ours",    "ourselves", "out",        "over",
    "own",     "same",     "she",    "should",   "so",      "some",      "such",       "than",
    "that",    "that's",   "the",    "their",    "theirs",  "them",      "themselves", "then",
    "there",   "there's",  "these",  "they",     "they're", "this",      "those",      "through",
    "to",      "too",      "under",  "until",    "up",      "very",      "was",        "wasn't",
    "we",      "we're",    "we've",  "were",     "weren't", "what",      "when",       "where",
    "which",   "while",    "who",    "whom",     "why",     "will",      "with",       "won't",
    "would",   "wouldn't", "you",    "you're",   "your",    "yours",
};

// Spinners turn "four" into "4" and back; both read as the digits. "one" is left out: it is
// as often a pronoun.
struct NumberWord {
    std::string_view word;
    std::string_view digits;
};
constexpr std::array<NumberWord, 30> kNumberWords = {{
    {"billion", "1000000000"},
    {"eight", "8"},
    {"eighteen", "18"},
    {"eighty", "80"},
    {"eleven", "11"},
    {"fifteen", "15"},
    {"fifty", "50"},
    {"five", "5"},
    {"forty", "40"},
    {"four", "4"},
    {"fourteen", "14"},
    {"hundred", "100"},
    {"million", "1000000"},
    {"nine", "9"},
    {"nineteen", "19"},
    {"ninety", "90"},
    {"seven", "7"},
    {"seventeen", "17"},
    {"seventy", "70"},
    {"six", "6"},
    {"sixteen", "16"},
    {"sixty", "60"},
    {"ten", "10"},
    {"thirteen", "13"},
    {"thirty", "30"},
    {"thousand", "1000"},
    {"three", "3"},
    {"twelve", "12"},
    {"twenty", "20"},
    {"two", "2"},
}};

// Longer words are hashed by their first bytes.
constexpr std::size_t kMaxWordBytes = 48;

enum class Kind : std::uint8_t {
    letter,
    digit,
    space,
    newline,
    open_quote,
    close_quote,
    straight_quote,
    apostrophe,
    sentence_end,
    joiner,
    other,
};

// One character of the body: what it is, its length in bytes, and for a letter the ASCII
// letter it folds to (0 when its own bytes stand for it).
struct Glyph {
    Kind kind = Kind::other;
    std::uint8_t length = 1;
    char folded = 0;
    bool upper = false;
};

constexpr Glyph classify_ascii(char c) {
    if (c >= 'a' && c <= 'z') {
        return {Kind::letter, 1, c, false};
    }
    if (c >= 'A' && c <= 'Z') {
        return {Kind::letter, 1, static_cast<char>(c - 'A' + 'a'), true};
    }
    if (c >= '0' && c <= '9') {
        return {Kind::digit, 1, c, false};
    }
    switch (c) {
    case ' ':
    case '\t':
    case '\r':
        return {Kind::space};
    case '\n':
        return {Kind::newline};
    case '"':
        return {Kind::straight_quote};
    case '\'':
        return {Kind::apostrophe};
    case '.':
    case '!':
    case '?':
        return {Kind::sentence_end};
    case '-':
        return {Kind::joiner};
    default:
        return {Kind::other};
    }
}

constexpr std::array<Glyph, 128> kAscii = [] {
    std::array<Glyph, 128> table{};
    for (std::size_t c = 0; c < table.size(); ++c) {
        table[c] = classify_ascii(static_cast<char>(c));
    }
    return table;
}();

constexpr Glyph sized(Kind kind, std::size_t length) {
    return {kind, static_cast<std::uint8_t>(length)};
}

Glyph classify_latin(char32_t code_point) {
    if (code_point == 0xA0) {
        return sized(Kind::space, 2);
    }
    if (code_point == 0xAB) {
        return sized(Kind::open_quote, 2);
    }
    if (code_point == 0xBB) {
        return sized(Kind::close_quote, 2);
    }
    if (code_point < kLatinFirst) {
        return sized(Kind::other, 2);
    }
    if (code_point >= kLatinFirst + kLatinBase.size()) {
        return sized(Kind::letter, 2);
    }
    const char base = kLatinBase[code_point - kLatinFirst];
    if (base == '*') {
        return sized(Kind::other, 2);
    }
    const Glyph ascii = classify_ascii(base);
    return {Kind::letter, 2, ascii.folded, ascii.upper};
}

// U+2000..U+206F: spaces, dashes, quotation marks, ellipsis.
Glyph classify_punctuation(unsigned char third) {
    switch (third) {
    case 0x9C: // “
    case 0x9E: // „
        return sized(Kind::open_quote, 3);
    case 0x9D: // ”
        return sized(Kind::close_quote, 3);
    case 0x99: // ’
        return sized(Kind::apostrophe, 3);
    case 0x90: // ‐
    case 0x91: // ‑
        return sized(Kind::joiner, 3);
    default:
        return sized(third <= 0x8A || third == 0xAF ? Kind::space : Kind::other, 3);
    }
}

// Other scripts count as letters without case; symbols and emoji as punctuation.
Glyph classify_multibyte(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_length(text[i]);
    if (length == 1 || length > text.size() - i) {
        return {};
    }
    if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 1),
                     text.begin() + static_cast<std::ptrdiff_t>(i + length),
                     is_utf8_continuation)) {
        return {}; // invalid UTF-8: the lead byte alone, the next byte read on its own
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (length == 2) {
        std::size_t end = i;
        const char32_t code = decode_utf8(text, end);
        // Overlong forms of ASCII (C0, C1) read as a byte of their own: no Latin letter.
        return classify_latin(end == i + length ? code : 0);
    }
    if (length == 3 && lead == 0xE2 && second == 0x80) {
        return classify_punctuation(static_cast<unsigned char>(text[i + 2]));
    }
    const bool symbols = lead == 0xE2 || (lead == 0xE3 && second == 0x80) || length == 4;
    return sized(symbols ? Kind::other : Kind::letter, length);
}

// Small enough to inline: most of a body is ASCII.
inline Glyph classify(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    return is_ascii(text[i]) ? kAscii[lead] : classify_multibyte(text, i);
}

bool is_word_char(Kind kind) {
    return kind == Kind::letter || kind == Kind::digit;
}

// A word of the body, folded: lower case, without diacritics, straight apostrophes.
struct Word {
    std::uint64_t hash = 0;
    bool capitalised = false;
    bool numeric = false;
    bool function_word = false;
};

class WordBuffer {
public:
    void append(std::string_view text, std::size_t i, const Glyph& glyph) {
        if (glyph.folded != 0) {
            push(glyph.folded);
            return;
        }
        for (std::size_t k = 0; k < glyph.length; ++k) {
            push(text[i + k]);
        }
    }
    void push(char c) {
        if (size_ < bytes_.size()) {
            bytes_[size_++] = c;
        }
    }
    std::string_view view() const { return {bytes_.data(), std::min(size_, bytes_.size())}; }

private:
    std::array<char, kMaxWordBytes> bytes_; // only the first size_ are ever read
    std::size_t size_ = 0;
};

std::uint64_t hash_word(std::string_view word) {
    return XXH3_64bits(word.data(), word.size());
}

// A set of word hashes with a value each, open addressing with linear probing: one probe for
// most lookups, where a binary search would mispredict a branch at every step. 0 marks an empty
// slot (no word hashes to 0 in practice).
template <std::size_t Slots>
class HashTable {
public:
    void insert(std::uint64_t key, std::uint64_t value) {
        std::size_t i = key & (Slots - 1);
        while (keys_[i] != 0 && keys_[i] != key) {
            i = (i + 1) & (Slots - 1);
        }
        keys_[i] = key;
        values_[i] = value;
    }

    std::optional<std::uint64_t> find(std::uint64_t key) const {
        for (std::size_t i = key & (Slots - 1); keys_[i] != 0; i = (i + 1) & (Slots - 1)) {
            if (keys_[i] == key) {
                return values_[i];
            }
        }
        return std::nullopt;
    }

private:
    static_assert(std::has_single_bit(Slots));
    std::array<std::uint64_t, Slots> keys_{};
    std::array<std::uint64_t, Slots> values_{};
};

// The function words and the number words (to their digits) by hash, at most a quarter full.
struct WordTables {
    HashTable<1024> function_words;
    HashTable<128> numbers;

    WordTables() {
        for (const std::string_view word : kFunctionWords) {
            function_words.insert(hash_word(word), 1);
        }
        for (const NumberWord& n : kNumberWords) {
            numbers.insert(hash_word(n.word), hash_word(n.digits));
        }
    }
};

const WordTables& word_tables() {
    static const WordTables tables;
    return tables;
}

Word make_word(std::string_view folded, bool capitalised, bool numeric) {
    const WordTables& tables = word_tables();
    Word word{hash_word(folded), capitalised, numeric, false};
    if (!numeric) {
        if (const auto digits = tables.numbers.find(word.hash)) {
            word.hash = *digits;
            word.numeric = true;
        }
    }
    word.function_word = tables.function_words.find(word.hash).has_value();
    return word;
}

// Rolls the window of the last kShingleWords stable words and writes each full one.
class ShingleWriter {
public:
    explicit ShingleWriter(std::vector<std::uint64_t>& out)
        : out_(out) {}

    void add(const Word& word) {
        std::shift_left(hashes_.begin(), hashes_.end(), 1);
        std::shift_left(function_.begin(), function_.end(), 1);
        hashes_.back() = word.hash;
        function_.back() = word.function_word;
        ++count_;
        if (count_ >= kShingleWords) {
            write(kShingleWords);
        }
    }

    void finish() {
        if (count_ > 0 && count_ < kShingleWords) {
            write(count_);
        }
    }

private:
    void write(std::size_t words) {
        const std::size_t first = kShingleWords - words;
        if (std::all_of(function_.begin() + static_cast<std::ptrdiff_t>(first), function_.end(),
                        [](bool f) { return f; })) {
            return;
        }
        out_.push_back(XXH3_64bits(hashes_.data() + first, words * sizeof(std::uint64_t)));
    }

    std::vector<std::uint64_t>& out_;
    std::array<std::uint64_t, kShingleWords> hashes_{};
    std::array<bool, kShingleWords> function_{};
    std::size_t count_ = 0;
};

// Walks the body once, tracking quotations, sentence starts and punctuation between words, and
// passes the stable words on.
class StableWordScanner {
public:
    explicit StableWordScanner(ShingleWriter& writer)
        : writer_(writer) {}

    void scan(std::string_view body) {
        for (std::size_t i = 0; i < body.size();) {
            const Glyph glyph = classify(body, i);
            if (is_word_char(glyph.kind)) {
                i = read_word(body, i, glyph.upper);
            } else {
                on_mark(glyph.kind);
                i += glyph.length;
            }
        }
    }

private:
    std::size_t read_word(std::string_view body, std::size_t i, bool capitalised) {
        WordBuffer buffer;
        bool numeric = false;
        while (i < body.size()) {
            const Glyph glyph = classify(body, i);
            if (is_word_char(glyph.kind)) {
                numeric = numeric || glyph.kind == Kind::digit;
                buffer.append(body, i, glyph);
            } else if (glyph.kind == Kind::apostrophe && i + glyph.length < body.size() &&
                       is_word_char(classify(body, i + glyph.length).kind)) {
                buffer.push('\'');
            } else {
                break;
            }
            i += glyph.length;
        }
        on_word(make_word(buffer.view(), capitalised, numeric));
        return i;
    }

    void on_word(const Word& word) {
        if (pending_) {
            if (word.capitalised && !gap_ && !in_quote_) {
                writer_.add(*pending_);
            }
            pending_.reset();
        }
        if (in_quote_ || word.numeric) {
            writer_.add(word);
        } else if (word.capitalised) {
            // A sentence's first word is capitalised whatever it is: it counts only as part
            // of a name ("Annelies Vermeulen said"), which the next word shows.
            if (sentence_start_) {
                pending_ = word;
            } else {
                writer_.add(word);
            }
        }
        sentence_start_ = false;
        gap_ = false;
        line_empty_ = false;
    }

    void on_mark(Kind kind) {
        switch (kind) {
        case Kind::space:
        case Kind::joiner:
        case Kind::apostrophe:
            return;
        case Kind::newline:
            // A blank line ends the paragraph and any quotation left open in it; a single line
            // break is a space.
            if (line_empty_) {
                in_quote_ = false;
                sentence_start_ = true;
                gap_ = true;
            }
            line_empty_ = true;
            return;
        case Kind::open_quote:
            open_quote();
            break;
        case Kind::close_quote:
            in_quote_ = false;
            break;
        case Kind::straight_quote:
            if (in_quote_) {
                in_quote_ = false;
            } else {
                open_quote();
            }
            break;
        case Kind::sentence_end:
            sentence_start_ = true;
            break;
        default:
            break;
        }
        gap_ = true;
        line_empty_ = false;
    }

    void open_quote() {
        in_quote_ = true;
        sentence_start_ = true;
    }

    ShingleWriter& writer_;
    std::optional<Word> pending_;
    bool in_quote_ = false;
    bool sentence_start_ = true;
    bool gap_ = true;
    bool line_empty_ = true;
};

} // namespace

void stable_shingles(std::string_view body, std::vector<std::uint64_t>& out) {
    ShingleWriter writer{out};
    StableWordScanner{writer}.scan(body);
    writer.finish();
}

} // namespace newsq::detail
