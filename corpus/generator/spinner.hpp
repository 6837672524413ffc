// Near-duplicates of an article for testing duplicate detection: spun copies, made the way a
// dictionary spinner makes them, and lightly edited copies.
#pragma once

#include <cstddef>
#include <cstdint>

#include <newsq/article.hpp>

namespace newsq::spin {

/// How a spun copy is made.
struct SpinOptions {
    double rate = 0.4;          ///< share of the body's content words to replace, 0 to 1
    bool drop_headline = false; ///< leave out the title and the section
    std::uint64_t seed = 1;     ///< the same seed and article give the same copy
};

/// A spun copy and what was done to make it.
struct SpinResult {
    Article article;
    std::size_t content_words = 0; ///< content words of the body outside quotations
    std::size_t replaced = 0;      ///< of which replaced by a synonym
};

/// Replaces `options.rate` of the body's content words outside quotations by synonyms from the
/// built-in dictionary (or all it has synonyms for, when there are fewer). Content words are the
/// lower-case words that are not function words, plus a sentence's capitalised first word when
/// the dictionary lists it; quotations and other capitalised words (names) stay verbatim.
/// The copy's id gets the suffix "#spun-SEED" and its URL is cleared. Throws newsq::Error
/// (invalid_argument) when the rate is outside [0, 1].
SpinResult spin(const Article& original, const SpinOptions& options);

/// How a lightly edited copy is made.
struct EditOptions {
    std::uint64_t seed = 1;          ///< the same seed and article give the same copy
    std::size_t changed_words = 3;   ///< words anywhere replaced by a synonym
    bool drop_sentence = true;       ///< drop one sentence of a paragraph that has several
    bool insert_sentence = true;     ///< add one stock sentence to a paragraph
    bool trim_last_paragraph = true; ///< drop the last paragraph of a body of three or more
};

/// A lightly edited copy of `original`: its id gets the suffix "#edit-SEED", its URL is cleared.
Article light_edit(const Article& original, const EditOptions& options);

} // namespace newsq::spin
