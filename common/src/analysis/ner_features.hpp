#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/ner_labels.hpp"
#include "analysis/tokens.hpp"

// The features of the statistical name tagger. Training (tests/eval/train-ner) and tagging
// compute them with this same code, from the words of tokenize(), so that they agree.
namespace newsq::detail {
struct Gazetteer;
}

namespace newsq::detail::ner {

class Hasher;

/// A word of a document as the features see it.
struct Word {
    std::size_t paragraph = 0;
    std::size_t token = 0;    ///< index in the paragraph's tokens
    std::string_view written; ///< as the paragraph writes it
    /// The spellings: set for the candidates and the words next to them only.
    std::string text;          ///< straight apostrophes; upper case in a headline in title case
    std::string lower;         ///< `text` lower-cased
    std::string shape;         ///< "Xx", "XX", "X.X.", "d-d", "x"…
    std::string gap;           ///< the punctuation between the previous word and this one
    std::size_t run_begin = 0; ///< the capitalised words this one is among ("Bank of England")
    std::size_t run_end = 0;
    std::uint16_t tags = 0; ///< Tag bits: gazetteer and word lists
    bool upper = false;     ///< holds an upper-case letter
    bool first = false;     ///< starts its sentence, a quotation or a bracket
    bool possessive = false;
    bool quoted = false;
    bool candidate = false;     ///< may be part of a name: else it is tagged O unseen
    bool lower_case = false;    ///< starts with a lower-case letter
    bool digit = false;         ///< starts with a digit
    bool breaks = false;        ///< punctuation before it ends any name: a comma, a bracket
    bool inner_capital = false; ///< capitalised inside a sentence in mixed case
};

/// Word-list and gazetteer bits of a word.
enum Tag : std::uint16_t {
    kGiven = 1U << 0,
    kTitle = 1U << 1,
    kAfterTitle = 1U << 2,
    kDemonym = 1U << 3,
    kOrgWord = 1U << 4,
    kPlaceWord = 1U << 5,
    kCommon = 1U << 6,
    kPlaceBegin = 1U << 7,
    kPlaceInside = 1U << 8,
    kOrgBegin = 1U << 9,
    kOrgInside = 1U << 10,
};

/// Words [begin, end) of a document; `caps` when written in capitals (or title case).
struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool caps = false;
    bool table = false; ///< mostly numbers: a row of results or standings
};

/// Feature hashes per word, flat: word i's are hashes[offsets[i], offsets[i + 1]).
struct FeatureTable {
    std::vector<std::uint64_t> hashes;
    std::vector<std::size_t> offsets{0};

    std::span<const std::uint64_t> of(std::size_t word) const {
        return std::span(hashes).subspan(offsets[word], offsets[word + 1] - offsets[word]);
    }
};

/// An article (or a CoNLL document) prepared for tagging: its words, split into sentences,
/// and how the whole document writes each word. It views the paragraphs: they outlive it.
class Document {
public:
    Document(std::span<const std::string_view> paragraphs,
             std::span<const std::vector<Token>> tokens, const Gazetteer& gazetteer);
    Document(const Document&) = delete; // its maps view its words
    Document& operator=(const Document&) = delete;
    Document(Document&&) = default;
    Document& operator=(Document&&) = delete; // it refers to its gazetteer
    ~Document() = default;

    const std::vector<Word>& words() const { return words_; }
    const std::vector<Sentence>& sentences() const { return sentences_; }

    /// The features of every candidate word that do not depend on labels (none for the rest).
    FeatureTable observations() const;

    /// `first` with, for every candidate word, what the first-stage `labels` say about the
    /// document: the word's own label and its neighbours', and the types other mentions of it
    /// were given.
    FeatureTable with_document(const FeatureTable& first, std::span<const Label> labels) const;

    /// Whether the document writes word i nowhere else, in any case.
    bool once(std::size_t i) const;

    /// Whether word i stands in a sentence in mixed case that is no table row.
    bool plain(std::size_t i) const {
        const Sentence& s = sentences_[sentence_of_[i]];
        return !s.caps && !s.table;
    }

    /// The class of word i that the previous label is paired with (see label_feature).
    std::uint8_t label_context(std::size_t i) const;

private:
    // How the document writes a word.
    struct Spelling {
        std::uint32_t lower = 0;   ///< in lower case
        std::uint32_t capital = 0; ///< capitalised inside a sentence in mixed case
        std::uint32_t upper = 0;   ///< with a capital
        std::size_t first = 0;     ///< the first of those; next_ links the rest
    };

    std::vector<Word> words_;
    std::vector<Sentence> sentences_;
    std::vector<std::size_t> sentence_of_;
    std::vector<std::size_t> next_; ///< by word: the next capitalised one spelled alike
    std::unordered_map<std::string_view, Spelling> spellings_;
    const Gazetteer& g_;

    void add_paragraph(std::size_t p, std::string_view text, std::span<const Token> tokens);
    void split_sentences(std::span<const std::vector<Token>> tokens);
    void mark_caps(Sentence& s);
    void mark_candidates(const Sentence& s);
    void mark_lists(const Sentence& s);
    void mark_after_title(const Sentence& s, std::size_t i);
    bool is_common(const Word& w) const;
    void mark_names(const Sentence& s);
    void mark_runs(const Sentence& s);
    void spell_near_candidates();
    static std::string_view lower_form(const Word& w, std::string& buffer);
    void count_spellings();
    std::string spelling(std::size_t i) const;
    void word_features(std::size_t i, std::vector<std::uint64_t>& out) const;
    void sentence_features(std::size_t i, Hasher& h) const;
    void context_features(std::size_t i, Hasher& h) const;
    void run_features(std::size_t i, Hasher& h) const;
    using TypeCounts = std::unordered_map<std::string_view, std::array<std::uint32_t, kTypes>>;
    // What stage one says about the document's capitalised words, by lower-case form.
    struct Evidence {
        TypeCounts types;     ///< the types of all the word's mentions (O: none)
        TypeCounts in_longer; ///< of its mentions inside a name of two words or more
        std::unordered_map<std::string_view, std::size_t> first; ///< its first mention
        std::vector<bool> longer; ///< by word: inside a name of two words or more
    };
    Evidence evidence(std::span<const Label> labels) const;
    void document_features(std::size_t i, std::span<const Label> labels, const Evidence& evidence,
                           std::vector<std::uint64_t>& out) const;
};

/// Hash of the feature pairing the previous label (a label index or kStart) with a word's
/// label_context.
std::uint64_t label_feature(std::size_t previous, std::uint8_t context);

/// Hash of the bias feature, present for every word.
std::uint64_t bias_feature();

/// Number of distinct label_context values.
inline constexpr std::uint8_t kLabelContexts = 8;

} // namespace newsq::detail::ner
