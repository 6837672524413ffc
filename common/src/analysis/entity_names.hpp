#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/gazetteer.hpp"
#include "analysis/search_names.hpp"
#include "analysis/tokens.hpp"

// What the stages of the entity finder share: a name found in the text (a candidate until
// the whole article is read), and a paragraph's words as names are written, with what the
// gazetteer knows about them.
namespace newsq::detail {

enum class Kind { person, organization, place, unknown };

Kind kind_of(EntityType type);

/// A run of name words and what is known of its kind.
struct Candidate {
    std::vector<std::string> words; ///< as written, straight apostrophes, no possessive
    Kind kind = Kind::unknown;
    std::string canonical{}; ///< set when known (gazetteer or resolution)
    std::size_t paragraph = 0;
    std::size_t begin = 0; ///< bytes [begin, end) of the paragraph
    std::size_t end = 0;
    std::size_t first = 0; ///< tokens [first, last) of the paragraph
    std::size_t last = 0;
    bool strong = false;  ///< its own words say what it is: a gazetteer name, an organisation word
    bool tagged = false;  ///< found by the statistical tagger
    bool initial = false; ///< opens a sentence

    std::string text() const;
};

/// Whether a lower-cased word is a company's legal form ("inc", "gmbh"), which the canonical
/// name leaves out.
bool is_legal_form(std::string_view folded);

/// An organisation's name without the legal forms that end it: "Acme Widget" for "Acme Widget
/// Corp", "Acme Widget, Inc.".
std::string without_legal_form(std::string_view name);

/// Whether a lower-case word may stand inside a name between capitalised words: "de", "van",
/// "bin".
bool is_name_particle(std::string_view folded);

/// `word` lower-cased, with straight apostrophes.
std::string fold(std::string_view word);

/// A name without a lower-case hyphenated ending: "Lisbon" for "Lisbon-based".
std::string_view without_suffix(std::string_view word);

/// The article's text, straight apostrophes, joined on first use: whether it uses a name.
class ArticleText {
public:
    explicit ArticleText(std::span<const std::string_view> paragraphs)
        : paragraphs_(paragraphs) {}

    bool contains(std::string_view name) const;

private:
    std::span<const std::string_view> paragraphs_;
    mutable std::string text_{};
};

/// One paragraph's words as names are written, and what the gazetteer says of them.
class ParagraphNames {
public:
    ParagraphNames(std::size_t paragraph, std::string_view text, std::span<const Token> tokens,
                   const Gazetteer& gazetteer, const ArticleText& article);

    std::size_t paragraph() const { return paragraph_; }
    std::string_view text() const { return text_; }
    std::span<const Token> tokens() const { return tokens_; }
    std::size_t size() const { return tokens_.size(); }
    const Gazetteer& gazetteer() const { return g_; }

    /// Token i as a name word: straight apostrophes, without "-based" or "-born".
    const std::string& word(std::size_t i) const { return spelled(i).word; }
    /// Token i lower-cased, straight apostrophes.
    const std::string& folded(std::size_t i) const { return spelled(i).folded; }
    /// Token i as written, possessive included.
    std::string_view written(std::size_t i) const;

    /// The gazetteer's name spelled by words [i, i + n), as written or, in capitals, in
    /// title case ("OSLO"), under the name the article uses for it (see as_used).
    std::optional<KnownName> known(std::size_t i, std::size_t n) const;
    /// Words in the longest gazetteer name starting at i and ending by `end`, or 0.
    std::size_t known_length(std::size_t i, std::size_t end) const;
    /// Words in the longest title starting at i and ending by `end`, or 0.
    std::size_t title_length(std::size_t i, std::size_t end) const;
    bool is_given_name(std::size_t i) const { return g_.given_names.contains(folded(i)); }
    bool is_organization_word(std::size_t i) const {
        return g_.organization_words.contains(folded(i));
    }

    /// Whether word i, in the possessive, ends a whole organisation's name: "University's" in
    /// "Oxford University's Energy Institute", not the plural "Workers'" of "Workers' Union".
    bool owned_by_name(std::size_t i) const {
        return tokens_[i].possessive && is_organization_word(i) && !folded(i).ends_with('s');
    }
    /// "LONDON (Meridian Wire) - …": the bytes of the newsroom's credit after a dateline,
    /// which names no entity; {0, 0} when there is none.
    std::pair<std::size_t, std::size_t> credit() const;
    /// Whether a name ending with word i names a law, an event, a work or a prize ("Chips
    /// Act", "Commonwealth Games"): no entity.
    bool names_other(std::size_t i) const;

    /// Words [i, end) joined by spaces.
    std::string rest_text(std::size_t i, std::size_t end) const;
    /// The candidate named by words [i, end).
    Candidate candidate(std::size_t i, std::size_t end, Kind kind,
                        std::string canonical = {}) const;

private:
    std::size_t paragraph_;
    std::string_view text_;
    std::span<const Token> tokens_;
    const Gazetteer& g_;
    const ArticleText& article_;
    struct Spelled {
        bool done = false;
        std::string word;
        std::string folded;
    };
    mutable std::vector<Spelled> spelled_; // made on first use: most words are never asked

    const Spelled& spelled(std::size_t i) const;

    KnownName as_used(const KnownName& k, const std::string& written) const;
};

} // namespace newsq::detail
