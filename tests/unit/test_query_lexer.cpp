#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/error.hpp>

#include "search/query_lexer.hpp"

using newsq::detail::lex_query;
using newsq::detail::QueryToken;
using Kind = newsq::detail::QueryTokenKind;

namespace {

struct Expected {
    Kind kind;
    std::string_view text;
    std::size_t offset;
    bool quoted;
};

void check_tokens(std::string_view query, const std::vector<Expected>& expected) {
    CAPTURE(query);
    const std::vector<QueryToken> tokens = lex_query(query);
    REQUIRE(tokens.size() == expected.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        CAPTURE(i);
        CHECK(tokens[i].kind == expected[i].kind);
        CHECK(tokens[i].text == expected[i].text);
        CHECK(tokens[i].offset == expected[i].offset);
        CHECK(tokens[i].quoted == expected[i].quoted);
    }
}

} // namespace

TEST_CASE("the query lexer gives parentheses, operators and terms with their byte offsets") {
    check_tokens("title:\"war crimes\"~3 AND (peace OR -truce)",
                 {{Kind::term, "title:\"war crimes\"~3", 0, true},
                  {Kind::op, "AND", 21, false},
                  {Kind::open, "(", 25, false},
                  {Kind::term, "peace", 26, false},
                  {Kind::op, "OR", 32, false},
                  {Kind::term, "-truce", 35, false},
                  {Kind::close, ")", 41, false}});
    check_tokens("  \"a (b) c\"\tx",
                 {{Kind::term, "\"a (b) c\"", 2, true}, {Kind::term, "x", 12, false}});
    check_tokens("war NEAR/5 crimes NEARBY ADJ XOR NOT", {{Kind::term, "war", 0, false},
                                                          {Kind::op, "NEAR/5", 4, false},
                                                          {Kind::term, "crimes", 11, false},
                                                          {Kind::term, "NEARBY", 18, false},
                                                          {Kind::op, "ADJ", 25, false},
                                                          {Kind::op, "XOR", 29, false},
                                                          {Kind::op, "NOT", 33, false}});
    check_tokens("", {});
}

TEST_CASE("an operator in punctuation is an operator, with a sign or a quote a term") {
    const std::vector<QueryToken> tokens = lex_query("x .AND, +OR \u00e9;NOT \"AND\" and");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[1].kind == Kind::op);
    CHECK(tokens[1].core == "AND");
    CHECK(tokens[1].core_offset == 3);
    CHECK(tokens[2].kind == Kind::term);
    CHECK(tokens[2].core == "+OR");
    CHECK(tokens[3].kind == Kind::term);
    CHECK(tokens[3].core == "\u00e9;NOT");
    CHECK(tokens[4].kind == Kind::term);
    CHECK(tokens[4].quoted);
    CHECK(tokens[5].kind == Kind::term);
}

TEST_CASE("an unclosed quote is an error at its character position") {
    CHECK_THROWS_WITH_AS(lex_query("war \"crimes"), "unclosed quote (query position 5)",
                         newsq::Error);
    CHECK_THROWS_WITH_AS(lex_query("\u00e9t\u00e9 x\"y"), "unclosed quote (query position 6)",
                         newsq::Error);
}

TEST_CASE("find_phrase finds quoted phrases and their proximity") {
    using newsq::detail::find_phrase;
    const std::string_view q = "x \"a b\"~12 \"c\" ~2 \"d";
    const auto first = find_phrase(q, 0);
    REQUIRE(first);
    CHECK(first->open == 2);
    CHECK(first->close == 6);
    CHECK(first->distance == "12");
    CHECK(first->end() == 10);
    CHECK(first->inside(q) == "a b");
    const auto second = find_phrase(q, first->end());
    REQUIRE(second);
    CHECK(second->open == 11);
    CHECK(second->close == 13);
    CHECK(second->distance.empty());
    CHECK(second->end() == 14);
    CHECK_FALSE(find_phrase(q, second->end()));
}

TEST_CASE("field_value_end skips a field's value") {
    using newsq::detail::field_value_end;
    CHECK(field_value_end("title:\"a b\" c", 6) == 11);
    CHECK(field_value_end("org:(a b) c", 4) == 9);
    CHECK(field_value_end("section:World) x", 8) == 13);
    CHECK(field_value_end("title:\"a b", 6) == 10);
    CHECK(field_value_end("host:x", 5) == 6);
}

TEST_CASE("the operator words of the query syntax") {
    using newsq::detail::is_operator_word;
    for (std::string_view op :
         {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/3", "ADJ/x", "NEAR/"}) {
        CAPTURE(op);
        CHECK(is_operator_word(op));
    }
    for (std::string_view word : {"and", "Or", "NEARBY", "ADJUST", "ANDY", "", "+AND"}) {
        CAPTURE(word);
        CHECK_FALSE(is_operator_word(word));
    }
}
