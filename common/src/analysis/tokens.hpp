#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsq::detail {

struct Gazetteer;

/// A word of a paragraph, with what the entity and quote finders need to know about it.
struct Token {
    std::string_view text;       ///< the word, without a possessive "'s"
    std::size_t begin = 0;       ///< byte offsets in the paragraph
    std::size_t end = 0;         ///< end of the word, possessive included
    bool capitalised = false;    ///< first letter upper case
    bool sentence_start = false; ///< first word of a sentence, a paragraph or a quotation
    bool in_quote = false;       ///< inside double quotation marks
    bool possessive = false;     ///< followed by "'s" / "’s"
    bool joined = false;         ///< only spaces since the previous word
};

/// The words of `paragraph`. Abbreviations listed as titles or organisation words ("Dr.",
/// "Inc.") and initials ("J.") keep their full stop and do not end a sentence.
std::vector<Token> tokenize(std::string_view paragraph, const Gazetteer& gazetteer);

/// Whether the code point starting at `text[i]` is a letter or digit, and its length.
bool is_word_start(std::string_view text, std::size_t i);

/// Whether `text` has an upper-case first letter.
bool starts_upper(std::string_view text);

/// Whether `text` has no lower-case letters and at least two letters ("NATO", "U.S.").
bool is_all_caps(std::string_view text);

} // namespace newsq::detail
