#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsq::detail {

/// A word of a text, as the term generator indexes it.
struct Word {
    std::size_t begin; ///< byte offsets in the text
    std::size_t end;
    std::string lower; ///< the term: lower case, with a straight apostrophe
    bool cjk;          ///< a CJK character, which the index keeps as a word of its own
};

/// The words of `text` as the term generator with FLAG_CJK_NGRAM splits it: each CJK character
/// a word of its own.
std::vector<Word> words_of(std::string_view text);

/// The characters of `term` when it is CJK text, else none.
std::vector<std::string> cjk_chars(std::string_view term);

/// Whether `stem` is known to keep the first byte of every word it stems.
bool keeps_first_byte(const Xapian::Stem& stem);

} // namespace newsq::detail
