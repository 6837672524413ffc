#include "spinner.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <newsq/error.hpp>

#include "sampling.hpp"

namespace newsq::detail::embedded {
extern const std::string_view synonyms_txt;
} // namespace newsq::detail::embedded

namespace newsq::spin {
namespace {

using gen::Rng;

// Never replaced and not counted as content words.
constexpr auto kFunctionWords = std::to_array<std::string_view>({
    "a",     "about",   "above",  "across", "after", "against", "all",    "along",   "already",
    "also",  "am",      "among",  "an",     "and",   "another", "any",    "are",     "around",
    "as",    "at",      "away",   "back",   "be",    "been",    "before", "behind",  "being",
    "below", "between", "beyond", "both",   "but",   "by",      "can",    "could",   "did",
    "do",    "does",    "down",   "during", "each",  "either",  "even",   "ever",    "every",
    "few",   "for",     "from",   "had",    "has",   "have",    "he",     "her",     "here",
    "hers",  "him",     "his",    "how",    "i",     "if",      "in",     "into",    "is",
    "it",    "its",     "just",   "least",  "less",  "many",    "may",    "me",      "might",
    "more",  "most",    "much",   "must",   "my",    "neither", "never",  "no",      "nor",
    "not",   "of",      "off",    "on",     "once",  "one",     "only",   "onto",    "or",
    "other", "our",     "ours",   "out",    "over",  "own",     "per",    "same",    "shall",
    "she",   "should",  "since",  "so",     "some",  "still",   "such",   "than",    "that",
    "the",   "their",   "theirs", "them",   "then",  "there",   "these",  "they",    "this",
    "those", "through", "to",     "too",    "under", "until",   "up",     "upon",    "us",
    "very",  "via",     "was",    "we",     "were",  "what",    "when",   "where",   "which",
    "who",   "whom",    "whose",  "why",    "will",  "with",    "within", "without", "would",
    "yet",   "you",     "your",   "yours",
});
static_assert(std::ranges::is_sorted(kFunctionWords));

// Sentences an editor adds; written for this project.
constexpr auto kStockSentences = std::to_array<std::string_view>({
    "The figures could not be independently verified.",
    "Further details were expected later in the week.",
    "A spokesperson declined to comment further on the matter.",
    "Additional reporting by the Associated Press.",
    "This article has been updated with more information.",
    "Officials said a fuller statement would follow.",
});

class Synonyms {
public:
    explicit Synonyms(std::string_view text) {
        std::size_t line_number = 0;
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            ++line_number;
            add_line(text.substr(start, end - start), line_number);
            start = end + 1;
        }
    }

    const std::vector<std::string>* find(std::string_view word) const {
        const auto it = table_.find(word);
        return it == table_.end() ? nullptr : &it->second;
    }

private:
    void add_line(std::string_view line, std::size_t line_number) {
        if (line.empty() || line.starts_with('#')) {
            return;
        }
        const std::size_t colon = line.find(": ");
        if (colon == std::string_view::npos || colon == 0) {
            throw Error(ErrorCode::internal, "synonyms.txt:" + std::to_string(line_number) +
                                                 ": expected \"word: synonym, synonym\"");
        }
        std::vector<std::string>& entry = table_[std::string(line.substr(0, colon))];
        for (std::size_t start = colon + 2; start < line.size();) {
            const std::size_t end = std::min(line.find(", ", start), line.size());
            entry.emplace_back(line.substr(start, end - start));
            start = end + 2;
        }
    }

    std::map<std::string, std::vector<std::string>, std::less<>> table_;
};

const Synonyms& synonyms() {
    static const Synonyms table{detail::embedded::synonyms_txt};
    return table;
}

bool is_function_word(std::string_view word) {
    return std::ranges::binary_search(kFunctionWords, word);
}

// --- splitting a paragraph into words, the text between them, quotations and sentences ---

struct Piece {
    std::string text;
    bool word = false;
    bool in_quote = false;
    bool sentence_start = false;
    std::size_t sentence = 0;
};

using Paragraph = std::vector<Piece>;

std::size_t glyph_length(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return std::min(length, text.size() - i);
}

bool is_letter_or_digit(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
        return std::isalnum(lead) != 0;
    }
    // Two-byte letters from U+00C0 on, and three-byte scripts other than U+2000..U+2FFF
    // (punctuation and symbols).
    return (lead >= 0xC3 && lead <= 0xDF) || (lead >= 0xE0 && lead <= 0xEF && lead != 0xE2);
}

bool is_joiner(std::string_view glyph) {
    return glyph == "'" || glyph == "-" || glyph == "’";
}

// Length of the word starting at `i` ("company’s", "long-term"), 0 if none starts there.
std::size_t word_length(std::string_view text, std::size_t i) {
    std::size_t end = i;
    while (end < text.size()) {
        const std::size_t length = glyph_length(text, end);
        if (is_letter_or_digit(text, end)) {
            end += length;
        } else if (end > i && is_joiner(text.substr(end, length)) && end + length < text.size() &&
                   is_letter_or_digit(text, end + length)) {
            end += length;
        } else {
            break;
        }
    }
    return end - i;
}

class ParagraphParser {
public:
    Paragraph parse(std::string_view text) {
        for (std::size_t i = 0; i < text.size();) {
            if (const std::size_t word = word_length(text, i); word > 0) {
                add_word(text.substr(i, word));
                i += word;
            } else {
                const std::size_t glyph = glyph_length(text, i);
                add_mark(text.substr(i, glyph));
                i += glyph;
            }
        }
        return std::move(pieces_);
    }

private:
    void add_word(std::string_view word) {
        pieces_.push_back({std::string(word), true, in_quote_, sentence_start_, sentence_});
        sentence_start_ = false;
        ended_ = false;
    }

    void add_mark(std::string_view glyph) {
        if (pieces_.empty() || pieces_.back().word || pieces_.back().sentence != sentence_) {
            pieces_.push_back({"", false, in_quote_, false, sentence_});
        }
        pieces_.back().text.append(glyph);
        const bool after_stop = last_was_stop_;
        last_was_stop_ = glyph == "." || glyph == "!" || glyph == "?";
        if (glyph == "“" || glyph == "„" || glyph == "«" || (glyph == "\"" && !in_quote_)) {
            in_quote_ = true;
            sentence_start_ = true;
        } else if (glyph == "”" || glyph == "»" || glyph == "\"") {
            in_quote_ = false;
            ended_ = ended_ || after_stop;
        } else if (last_was_stop_) {
            sentence_start_ = true;
            ended_ = ended_ || !in_quote_;
        } else if (glyph == " " && ended_ && !in_quote_) {
            // The space after a full stop closes the sentence; the next piece starts another.
            ++sentence_;
            ended_ = false;
        }
    }

    Paragraph pieces_;
    std::size_t sentence_ = 0;
    bool in_quote_ = false;
    bool sentence_start_ = true;
    bool ended_ = false;
    bool last_was_stop_ = false;
};

Paragraph parse_paragraph(std::string_view text) {
    return ParagraphParser{}.parse(text);
}

std::string join(const Paragraph& paragraph) {
    std::string text;
    for (const Piece& piece : paragraph) {
        text.append(piece.text);
    }
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

std::vector<std::string> split_paragraphs(std::string_view body) {
    std::vector<std::string> paragraphs;
    for (std::size_t start = 0; start < body.size();) {
        const std::size_t end = std::min(body.find("\n\n", start), body.size());
        if (end > start) {
            paragraphs.emplace_back(body.substr(start, end - start));
        }
        start = end + 2;
    }
    return paragraphs;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string body;
    for (const std::string& p : paragraphs) {
        if (!body.empty()) {
            body.append("\n\n");
        }
        body.append(p);
    }
    return body;
}

// --- replacing words ---

// The dictionary form of a word: straight apostrophes, and lower case for a capitalised first
// word of a sentence.
std::string dictionary_key(const Piece& piece) {
    std::string key;
    for (std::size_t i = 0; i < piece.text.size(); ++i) {
        if (piece.text.compare(i, 3, "’") == 0) {
            key.push_back('\'');
            i += 2;
        } else {
            key.push_back(piece.text[i]);
        }
    }
    if (piece.sentence_start && !key.empty()) {
        key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
    }
    return key;
}

bool starts_lower(std::string_view word) {
    return !word.empty() && word[0] >= 'a' && word[0] <= 'z';
}

bool starts_upper(std::string_view word) {
    return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

// A content word outside quotations: lower case and not a function word, or a capitalised first
// word of a sentence that the dictionary lists (a name is never listed).
bool is_content_word(const Piece& piece, std::string_view key) {
    if (!piece.word || piece.in_quote || is_function_word(key)) {
        return false;
    }
    if (starts_lower(piece.text)) {
        return std::ranges::none_of(key, [](char c) { return c >= '0' && c <= '9'; });
    }
    return starts_upper(piece.text) && piece.sentence_start && synonyms().find(key) != nullptr;
}

void replace_word(Piece& piece, std::string_view key, Rng& rng) {
    const std::vector<std::string>& options = *synonyms().find(key);
    std::string replacement = options[rng.below(options.size())];
    if (starts_upper(piece.text)) {
        replacement[0] =
            static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
    }
    piece.text = std::move(replacement);
}

struct WordRef {
    std::size_t paragraph;
    std::size_t piece;
    std::string key;
};

template <typename T>
void shuffle(std::vector<T>& items, Rng& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[rng.below(i)]);
    }
}

// Replaces up to `count` of `words`, chosen at random.
void replace_some(std::vector<Paragraph>& paragraphs, std::vector<WordRef> words, std::size_t count,
                  Rng& rng) {
    shuffle(words, rng);
    words.resize(std::min(count, words.size()));
    for (const WordRef& w : words) {
        replace_word(paragraphs[w.paragraph][w.piece], w.key, rng);
    }
}

std::uint64_t mix_seed(std::uint64_t seed, std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a
    for (const char c : id) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    return gen::splitmix64(seed ^ h);
}

std::vector<Paragraph> parse_body(std::string_view body) {
    std::vector<Paragraph> paragraphs;
    for (const std::string& p : split_paragraphs(body)) {
        paragraphs.push_back(parse_paragraph(p));
    }
    return paragraphs;
}

std::string write_body(const std::vector<Paragraph>& paragraphs) {
    std::vector<std::string> texts;
    texts.reserve(paragraphs.size());
    for (const Paragraph& p : paragraphs) {
        texts.push_back(join(p));
    }
    return join_paragraphs(texts);
}

// --- light edits ---

void drop_sentence(std::vector<std::string>& paragraphs, Rng& rng) {
    std::vector<std::size_t> several;
    std::vector<Paragraph> parsed;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        parsed.push_back(parse_paragraph(paragraphs[i]));
        if (!parsed.back().empty() && parsed.back().back().sentence > 0) {
            several.push_back(i);
        }
    }
    if (several.empty()) {
        return;
    }
    const std::size_t p = several[rng.below(several.size())];
    const std::size_t sentence = rng.below(parsed[p].back().sentence + 1);
    std::erase_if(parsed[p], [&](const Piece& piece) { return piece.sentence == sentence; });
    paragraphs[p] = join(parsed[p]);
}

void insert_sentence(std::vector<std::string>& paragraphs, Rng& rng) {
    const std::string_view sentence = kStockSentences[rng.below(kStockSentences.size())];
    if (paragraphs.empty()) {
        paragraphs.emplace_back(sentence);
        return;
    }
    std::string& paragraph = paragraphs[rng.below(paragraphs.size())];
    paragraph.push_back(' ');
    paragraph.append(sentence);
}

void change_words(std::vector<std::string>& paragraphs, std::size_t count, Rng& rng) {
    std::vector<Paragraph> parsed;
    std::vector<WordRef> words;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        parsed.push_back(parse_paragraph(paragraphs[p]));
        for (std::size_t i = 0; i < parsed[p].size(); ++i) {
            const Piece& piece = parsed[p][i];
            if (piece.word && starts_lower(piece.text)) {
                std::string key = dictionary_key(piece);
                if (synonyms().find(key) != nullptr) {
                    words.push_back({p, i, std::move(key)});
                }
            }
        }
    }
    replace_some(parsed, std::move(words), count, rng);
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        paragraphs[p] = join(parsed[p]);
    }
}

} // namespace

SpinResult spin(const Article& original, const SpinOptions& options) {
    if (!(options.rate >= 0.0 && options.rate <= 1.0)) {
        throw Error(ErrorCode::invalid_argument,
                    "spin rate " + std::to_string(options.rate) + " is not between 0 and 1");
    }
    Rng rng{mix_seed(options.seed, original.id)};
    std::vector<Paragraph> paragraphs = parse_body(original.body);
    SpinResult result;
    std::vector<WordRef> candidates;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        for (std::size_t i = 0; i < paragraphs[p].size(); ++i) {
            std::string key = dictionary_key(paragraphs[p][i]);
            if (!is_content_word(paragraphs[p][i], key)) {
                continue;
            }
            ++result.content_words;
            if (synonyms().find(key) != nullptr) {
                candidates.push_back({p, i, std::move(key)});
            }
        }
    }
    const auto wanted = static_cast<std::size_t>(
        std::llround(options.rate * static_cast<double>(result.content_words)));
    result.replaced = std::min(wanted, candidates.size());
    replace_some(paragraphs, std::move(candidates), wanted, rng);

    result.article = original;
    result.article.body = write_body(paragraphs);
    result.article.id.append("#spun-").append(std::to_string(options.seed));
    result.article.url.clear();
    if (options.drop_headline) {
        result.article.title.clear();
        result.article.section.clear();
    }
    return result;
}

Article light_edit(const Article& original, const EditOptions& options) {
    Rng rng{mix_seed(options.seed, original.id)};
    std::vector<std::string> paragraphs = split_paragraphs(original.body);
    if (options.trim_last_paragraph && paragraphs.size() >= 3) {
        paragraphs.pop_back();
    }
    if (options.drop_sentence) {
        drop_sentence(paragraphs, rng);
    }
    if (options.insert_sentence) {
        insert_sentence(paragraphs, rng);
    }
    change_words(paragraphs, options.changed_words, rng);

    Article copy = original;
    copy.body = join_paragraphs(paragraphs);
    copy.id.append("#edit-").append(std::to_string(options.seed));
    copy.url.clear();
    return copy;
}

} // namespace newsq::spin
