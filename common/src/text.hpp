#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// Byte offset of the first invalid UTF-8 sequence, if any.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

/// Whether byte `c` is ASCII (a character of its own in UTF-8).
constexpr bool is_ascii(char c) {
    return static_cast<unsigned char>(c) < 0x80;
}

/// Whether byte `c` continues a UTF-8 sequence (10xxxxxx) rather than starting a character.
constexpr bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The length of the UTF-8 sequence that `lead` starts, read from its high bits alone: 1 for
/// ASCII and for a byte that starts none (a continuation byte), else 2, 3 or 4.
constexpr std::size_t utf8_length(char lead) {
    const auto b = static_cast<unsigned char>(lead);
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/// Characters in `text`: its bytes that start one (no continuation byte).
std::size_t utf8_chars(std::string_view text);

/// The code point at byte `pos` of `text`, moving `pos` past it. Invalid UTF-8 reads as Xapian
/// reads it (Xapian::Utf8Iterator): a byte that starts no valid sequence is one character, the
/// code point of its value (ISO-8859-1).
char32_t decode_utf8(std::string_view text, std::size_t& pos);

/// Whether `c` is a Chinese, Japanese or Korean word character, which the term generator's
/// FLAG_CJK_NGRAM indexes as unigrams and bigrams.
bool is_cjk(char32_t c);

/// Which apostrophes join two runs of word characters into one word ("don't").
enum class Apostrophes { straight, straight_and_curly };

/// The words of `text` as Xapian splits text into terms: runs of word characters (letters,
/// digits, marks, "_": Xapian::Unicode::is_wordchar), an apostrophe between two of them kept
/// ("don't"). The term generator, which indexes the text, also joins across ’
/// (Apostrophes::straight_and_curly).
std::vector<std::string_view> split_words(std::string_view text, Apostrophes joining);

/// The next word split_words would give at or after byte `pos` of `text`, moving `pos` past
/// it; empty when there is none. For callers that go through a long text word by word.
std::string_view next_word(std::string_view text, std::size_t& pos, Apostrophes joining);

/// 1-based line number of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// `text` folded to lower case (Unicode-aware).
std::string fold_case(std::string_view text);

/// 32 lower-case hex digits of a 128-bit non-cryptographic hash of `text`.
std::string hash_hex(std::string_view text);

/// A 64-bit non-cryptographic hash of `text`.
std::uint64_t hash64(std::string_view text);

/// Lines of `text` without their line ends ("\n" or "\r\n").
std::vector<std::string_view> split_lines(std::string_view text);

} // namespace newsq::detail
