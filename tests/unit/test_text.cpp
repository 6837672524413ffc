#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "text.hpp"

using newsq::detail::Apostrophes;
using newsq::detail::decode_utf8;
using newsq::detail::split_words;

namespace {

struct Decoded {
    char32_t code;
    std::size_t next;
};

Decoded decoded(std::string_view text, std::size_t pos) {
    const char32_t code = decode_utf8(text, pos);
    return {code, pos};
}

} // namespace

TEST_CASE("decode_utf8 reads one code point and moves past it") {
    const std::string_view text = "a\u00e9\u20ac\U0001F600";
    CHECK(decoded(text, 0).code == U'a');
    CHECK(decoded(text, 0).next == 1);
    CHECK(decoded(text, 1).code == U'\u00e9');
    CHECK(decoded(text, 1).next == 3);
    CHECK(decoded(text, 3).code == U'\u20ac');
    CHECK(decoded(text, 3).next == 6);
    CHECK(decoded(text, 6).code == U'\U0001F600');
    CHECK(decoded(text, 6).next == 10);
}

TEST_CASE("decode_utf8 reads a byte that starts no valid sequence as one Latin-1 character") {
    // A stray continuation byte.
    CHECK(decoded("\x80x", 0).code == 0x80);
    CHECK(decoded("\x80x", 0).next == 1);
    // A sequence cut short by the end of the text, and one cut short by an ASCII byte.
    CHECK(decoded("\xe2\x82", 0).code == 0xE2);
    CHECK(decoded("\xe2\x82", 0).next == 1);
    CHECK(decoded("\xc3x", 0).code == 0xC3);
    CHECK(decoded("\xc3x", 0).next == 1);
    // An overlong form of NUL.
    CHECK(decoded("\xc0\x80", 0).code == 0xC0);
    CHECK(decoded("\xc0\x80", 0).next == 1);
}

TEST_CASE("UTF-8 byte classes and lengths") {
    using newsq::detail::is_ascii;
    using newsq::detail::is_utf8_continuation;
    using newsq::detail::utf8_length;
    CHECK(is_ascii('z'));
    CHECK_FALSE(is_ascii('\xc3'));
    CHECK(is_utf8_continuation('\x80'));
    CHECK(is_utf8_continuation('\xbf'));
    CHECK_FALSE(is_utf8_continuation('\xc3'));
    CHECK_FALSE(is_utf8_continuation('a'));
    CHECK(utf8_length('a') == 1);
    CHECK(utf8_length('\x80') == 1);
    CHECK(utf8_length('\xc3') == 2);
    CHECK(utf8_length('\xe2') == 3);
    CHECK(utf8_length('\xf0') == 4);
    CHECK(utf8_length('\xff') == 4);
}

TEST_CASE("utf8_chars counts the bytes that start a character") {
    using newsq::detail::utf8_chars;
    CHECK(utf8_chars("") == 0);
    CHECK(utf8_chars("a\u00f1\u20ac\U0001F600") == 4);
    CHECK(utf8_chars("\x80\x80") == 0);
    CHECK(utf8_chars("\xe2\x82x") == 2);
}

TEST_CASE("split_words splits text into words as Xapian's term generator does") {
    const std::string_view text = "Don't stop, rock\u2019n\u2019roll_2 caf\u00e9 'tis o' x";
    CHECK(split_words(text, Apostrophes::straight) ==
          std::vector<std::string_view>{"Don't", "stop", "rock", "n", "roll_2", "caf\u00e9", "tis",
                                        "o", "x"});
    CHECK(split_words(text, Apostrophes::straight_and_curly) ==
          std::vector<std::string_view>{"Don't", "stop", "rock\u2019n\u2019roll_2", "caf\u00e9",
                                        "tis", "o", "x"});
    CHECK(split_words("--", Apostrophes::straight).empty());
    CHECK(split_words("a''b", Apostrophes::straight) == std::vector<std::string_view>{"a", "b"});
}
