#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <newsq/article.hpp>

// Scores what the analysis found in one article against its gold annotation (tests/gold), and
// sums the scores over many articles (micro-averaging).
namespace newsq::eval {

/// The entities and quotes of one article, gold or found; an empty speaker means unknown.
struct Annotation {
    std::vector<Entity> entities;
    std::vector<Quote> quotes;
};

/// Matches, false positives and false negatives of one measure.
struct Counts {
    std::size_t matched = 0;
    std::size_t spurious = 0; ///< found, not in the gold
    std::size_t missed = 0;   ///< in the gold, not found

    std::size_t gold() const { return matched + missed; }
    std::size_t found() const { return matched + spurious; }
    double precision() const; ///< 1 when nothing was found
    double recall() const;    ///< 1 when the gold has nothing
    double f1() const;
    Counts& operator+=(const Counts& other);
};

/// A quote matched by text whose speaker differs from the gold's.
struct WrongSpeaker {
    std::string text;
    std::string gold;  ///< empty: the gold has no speaker (null)
    std::string found; ///< empty: none found
};

/// How one article's analysis compares with its gold annotation, errors included.
struct ArticleScore {
    std::array<Counts, 3> entities{}; ///< indexed by EntityType
    Counts quotes;
    std::size_t right_speakers = 0; ///< matched quotes whose speaker equals the gold's
    std::vector<Entity> spurious_entities;
    std::vector<Entity> missed_entities;
    std::vector<std::string> spurious_quotes;
    std::vector<std::string> missed_quotes;
    std::vector<WrongSpeaker> wrong_speakers;
};

/// Sums of article scores: micro-averaged figures over the articles added.
struct Totals {
    std::size_t articles = 0;
    std::array<Counts, 3> entities{}; ///< indexed by EntityType
    Counts quotes;
    std::size_t right_speakers = 0;

    void add(const ArticleScore& score);
    /// Share of matched quotes with the gold's speaker; 1 when no quote matched.
    double speaker_accuracy() const;
};

/// Entity and speaker names as compared: curly apostrophes (’ ‘) made straight.
std::string normalise_name(std::string_view name);

/// Quote text as compared: apostrophes straight, curly and low double quotes (“ ” „) straight,
/// every run of white space (no-break space included) one space, none at either end.
std::string normalise_quote(std::string_view text);

/// Scores `found` against `gold`. Entities are (type, normalised name) pairs, each counted once
/// per article. A found quote matches a gold quote of equal normalised text, each used at most
/// once; pairs that also agree on the speaker are matched first, so duplicate texts cannot cost
/// speaker accuracy.
ArticleScore score(const Annotation& gold, const Annotation& found);

} // namespace newsq::eval
