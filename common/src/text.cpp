#include "text.hpp"
#include <algorithm>
#include <iterator>
#include <utility>

#include <xapian.h>

#define XXH_INLINE_ALL
#include <fmt/format.h>
#include <xxhash.h>

namespace newsq::detail {

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid one
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + length > text.size() || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(k) < 0x80 || byte(k) > 0xBF) {
            return 0;
        }
    }
    return length;
}

// Whether a surrogate (U+D800..U+DFFF), which UTF-8 does not allow and Xapian reads anyway,
// starts at text[i].
bool is_surrogate(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    return i + 3 <= text.size() && byte(0) == 0xED && byte(1) >= 0xA0 && byte(1) <= 0xBF &&
           is_utf8_continuation(text[i + 2]);
}

// A word character; ASCII, most of any English text, without asking Xapian.
bool is_word_char(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }
    return Xapian::Unicode::is_wordchar(c);
}

// The character at byte `pos`, moving `pos` past it; ASCII, most of any news text, without
// decoding.
char32_t next_char(std::string_view text, std::size_t& pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
        ++pos;
        return byte;
    }
    return decode_utf8(text, pos);
}

bool joins(char32_t c, Apostrophes joining) {
    return c == '\'' || (joining == Apostrophes::straight_and_curly && c == 0x2019);
}

// End of the word starting at byte `i`.
std::size_t word_end(std::string_view text, std::size_t i, Apostrophes joining) {
    while (i < text.size()) {
        std::size_t next = i;
        const char32_t c = next_char(text, next);
        if (!is_word_char(c)) {
            std::size_t after = next;
            if (!joins(c, joining) || next >= text.size() ||
                !is_word_char(next_char(text, after))) {
                break;
            }
        }
        i = next;
    }
    return i;
}

} // namespace

std::string_view next_word(std::string_view text, std::size_t& pos, Apostrophes joining) {
    while (pos < text.size()) {
        std::size_t next = pos;
        if (is_word_char(next_char(text, next))) {
            const std::size_t begin = pos;
            pos = word_end(text, pos, joining);
            return text.substr(begin, pos - begin);
        }
        pos = next;
    }
    return {};
}

std::vector<std::string_view> split_words(std::string_view text, Apostrophes joining) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    for (std::string_view w = next_word(text, pos, joining); !w.empty();
         w = next_word(text, pos, joining)) {
        words.push_back(w);
    }
    return words;
}

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::size_t utf8_chars(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !is_utf8_continuation(c); }));
}

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const std::size_t valid = utf8_sequence_length(text, pos);
    const std::size_t length = valid > 0 ? valid : is_surrogate(text, pos) ? 3 : 1;
    if (length == 1) {
        ++pos;
        return lead;
    }
    char32_t code = lead & (0x7FU >> length);
    for (std::size_t k = 1; k < length; ++k) {
        code = (code << 6U) | (static_cast<unsigned char>(text[pos + k]) & 0x3FU);
    }
    pos += length;
    return code;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    return 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

std::string fold_case(std::string_view text) {
    std::string folded(text);
    for (char& c : folded) {
        if (!is_ascii(c)) {
            return Xapian::Unicode::tolower(std::string(text));
        }
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return folded;
}

std::uint64_t hash64(std::string_view text) {
    return XXH3_64bits(text.data(), text.size());
}

std::string hash_hex(std::string_view text) {
    const XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool is_cjk(char32_t c) {
    // The ranges of Xapian 1.4's CJK::codepoint_is_cjk, which FLAG_CJK_NGRAM asks.
    static constexpr std::pair<char32_t, char32_t> kRanges[] = {
        {0x2E80, 0x2EFF}, {0x3000, 0x9FFF}, {0xA700, 0xA71F},   {0xAC00, 0xD7AF},  {0xF900, 0xFAFF},
        {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF}, {0x20000, 0x2A6DF}, {0x2F800, 0x2FA1F}};
    if (c < kRanges[0].first) {
        return false;
    }
    const bool in_range = std::any_of(std::begin(kRanges), std::end(kRanges),
                                      [c](const auto& r) { return c >= r.first && c <= r.second; });
    return in_range && Xapian::Unicode::is_wordchar(c);
}

} // namespace newsq::detail
