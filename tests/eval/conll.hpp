#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/ner_labels.hpp"
#include "analysis/tokens.hpp"

// CoNLL-2003 named-entity data (../shared/data/conll2003/README.md) as the analysis reads an
// article: each sentence's text rebuilt from its tokens and tokenised by newsq, the gold tags
// carried over to newsq's words, and names found by newsq carried back to CoNLL tokens to be
// scored as conlleval scores them (exact span and type).
namespace newsq::eval::conll {

/// A token of the data: the word and its IOB2 entity tag ("B-ORG", "I-ORG", "O").
struct Token {
    std::string word;
    std::string tag;
};

/// One story: its sentences (headline, byline, dateline, body), each a paragraph of newsq's.
/// Its tokens view its paragraphs, so it moves but is not copied.
struct Document {
    Document() = default;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;
    Document(Document&&) = default;
    Document& operator=(Document&&) = default;
    ~Document() = default;

    std::vector<std::vector<Token>> sentences;
    std::vector<std::string> paragraphs; ///< each sentence's text, tokens joined as written
    /// For each sentence, each token's byte range in its paragraph.
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> offsets;
    std::vector<std::vector<detail::Token>> tokens; ///< newsq's words of each paragraph

    std::vector<std::string_view> paragraph_views() const;
};

/// Every document of a CoNLL file, its paragraphs tokenised. Throws std::runtime_error when
/// the file cannot be read or a line is malformed.
std::vector<Document> read(const std::filesystem::path& file);

/// A name as conlleval counts it: tokens [begin, end) of a sentence, and its type.
struct Mention {
    std::size_t sentence = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    detail::ner::NameType type = detail::ner::NameType::none;

    auto operator<=>(const Mention&) const = default;
};

/// The gold names of `doc` (a new name at B-X, and at I-X after O or another type).
std::vector<Mention> gold_mentions(const Document& doc);

/// The name written at bytes [begin, end) of a paragraph: the tokens inside that range, less
/// a possessive ending. Type none when no token is inside.
Mention mention_at(const Document& doc, std::size_t paragraph, std::size_t begin, std::size_t end,
                   detail::ner::NameType type);

/// The gold label of each of newsq's words, in document order.
std::vector<detail::ner::Label> gold_labels(const Document& doc);

/// "PER Antony Blinken": a mention's type and words, for error listings.
std::string describe(const Document& doc, const Mention& m);

/// Precision, recall and F1 of found names per type (person, organisation, place, misc).
struct Score {
    struct Counts {
        std::size_t gold = 0;
        std::size_t found = 0;
        std::size_t correct = 0;

        double precision() const;
        double recall() const;
        double f1() const;
    };
    std::array<Counts, detail::ner::kTypes> types{}; ///< by NameType; [0] over all types

    void add(std::span<const Mention> gold, std::span<const Mention> found);
    /// The table, one line per type with any gold or found name, then all types together.
    std::string table() const;
};

} // namespace newsq::eval::conll
