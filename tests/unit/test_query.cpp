#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include <newsq/error.hpp>

#include "search/dates.hpp"
#include "search/query_builder.hpp"

using namespace std::chrono;
using newsq::detail::QueryBuilder;

namespace {

const sys_days kToday = sys_days{2024y / March / 31};

std::string parsed(std::string_view query) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder builder(db, kToday);
    return builder.parse(query).get_description();
}

std::string syntax_error(std::string_view query) {
    try {
        parsed(query);
    } catch (const newsq::Error& e) {
        CHECK(e.code() == newsq::ErrorCode::query_syntax);
        return e.what();
    }
    FAIL("no error for: " << query);
    return {};
}

} // namespace

TEST_CASE("queries parse to the expected Xapian queries") {
    struct Case {
        std::string_view query;
        std::string_view description;
    };
    const Case cases[] = {
        {"war crimes", "Query(((Zwar@1 AND Zcrime@2) AND_MAYBE (war@1 PHRASE 2 crimes@2)))"},
        {"war AND crimes", "Query((Zwar@1 AND Zcrime@2))"},
        {"\"war crimes\"", "Query((war@1 PHRASE 2 crimes@2))"},
        {"war OR peace", "Query((Zwar@1 OR Zpeac@2))"},
        {"strike", "Query(Zstrike@1)"},
        {"war -peace", "Query((Zwar@1 AND_NOT Zpeac@2))"},
        {"war -#peace", "Query((Zwar@1 AND_NOT Zpeac@2))"},
        // A quote inside a filter's unquoted value opens no phrase.
        {"strike source:o\"neil \"a b\"~3",
         "Query(((Zstrike@1 AND (a@2 NEAR 4 b@3)) FILTER XSOURCEo\"neil))"},
        {"war -. peace", "Query(((Zwar@1 AND Zpeac@2) AND_MAYBE (war@1 PHRASE 2 peace@2)))"},
        {"title:strike", "Query(ZSstrike@1)"},
        {"headline:\"port strike\"", "Query((Sport@1 PHRASE 2 Sstrike@2))"},
        {"war NEAR/3 crimes", "Query((war@1 NEAR 4 crimes@2))"},
        {"\"war crimes\"~5", "Query((war@1 NEAR 6 crimes@2))"},
        {"title:\"port strike\"~2", "Query((Sport@1 NEAR 3 Sstrike@2))"},
        {"section:World", "Query(0 * XSECTIONworld)"},
        {"source:\"Harbor Herald\"", "Query(0 * XSOURCEharbor herald)"},
        {"strike section:World section:Business",
         "Query((Zstrike@1 FILTER (XSECTIONworld OR XSECTIONbusiness)))"},
        {"date:2022-03-01..2022-03-31", "Query(VALUE_RANGE 0 20220301000000 20220331235959)"},
        {"date:2022-02", "Query(VALUE_RANGE 0 20220201000000 20220228235959)"},
        {"date:2022..", "Query(VALUE_GE 0 20220101000000)"},
        {"date:..2022", "Query(VALUE_LE 0 20221231235959)"},
        {"date:3m..", "Query(VALUE_GE 0 20231231000000)"},
        {"date:today..", "Query(VALUE_GE 0 20240331000000)"},
        {"date:yesterday", "Query(VALUE_RANGE 0 20240330000000 20240330235959)"},
        {"date:2w..", "Query(VALUE_GE 0 20240317000000)"},
        {"", "Query(<alldocuments>)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(parsed(c.query) == c.description);
    }
}

TEST_CASE("malformed queries are errors that name the problem and position") {
    struct Case {
        std::string_view query;
        std::string_view message;
    };
    const Case cases[] = {
        {"\"war crimes", "unclosed quote (query position 1)"},
        {"war \"crimes", "unclosed quote (query position 5)"},
        {"(war OR peace", "unclosed parenthesis (query position 1)"},
        {"war)", "unmatched closing parenthesis (query position 4)"},
        {"war AND", "AND without a right-hand side (query position 5)"},
        {"AND war", "AND without a left-hand side (query position 1)"},
        {"war OR OR peace", "OR without a left-hand side (query position 8)"},
        {"(war NOT)", "NOT without a right-hand side (query position 6)"},
        {"war NEAR/x crimes",
         "NEAR takes a distance like NEAR/5, not \"NEAR/x\" (query position 5)"},
        {"sectoin:World", "unknown field \"sectoin\""},
        {"strike section:", "field \"section:\" has no value (query position 8)"},
        {"écrit titel:x",
         "unknown field \"titel\" (fields: id, title, body, author, section, "
         "source, language, url, host, date, person, org, place, entity, quote, speaker) "
         "(query position 7)"},
        {"war date:2022-13-01", "bad date \"2022-13-01\""},
        {"war date:2022-02-30..", "bad date \"2022-02-30\""},
        {"war date:..", "bad date \"..\""},
        {"strike -section:\"a b\"~5",
         "a proximity (~5) needs words of the text, and \"section:\" is a filter (query "
         "position 22)"},
        {"-/section:\"a b\"~5",
         "a proximity (~5) needs words of the text, and \"section:\" is a filter (query "
         "position 16)"},
        {"-section:x(a NEAR/5 s)",
         "a group right after the value of \"section:\": put a space between them (query "
         "position 11)"},
        // A filter's value without quotes around it ends at white space, quotes and all.
        {"-entity:i\"~5 s\"~5", "unclosed quote (query position 15)"},
        {"-entity:u\"a NEAR/5 b",
         "NEAR/5 needs a single word on each side, without a sign (for a phrase, use \"a b\"~N) "
         "(query position 13)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(syntax_error(c.query).find(c.message) != std::string::npos);
    }
}

TEST_CASE("a bad value in a signed field is an error, not a crash of Xapian's parser") {
    struct Case {
        std::string_view query;
        std::string_view problem;
        std::string_view position;
    };
    const Case cases[] = {
        {"-date:2022-02-30", "bad date \"2022-02-30\":", "(query position 7)"},
        {"+date:9999-99-99", "bad date \"9999-99-99\":", "(query position 7)"},
        {"-date:2022-13-01", "bad date \"2022-13-01\":", "(query position 7)"},
        {"+date:9999-99-99id:", "bad date \"9999-99-99id:\":", "(query position 7)"},
        {"war -date:2022-13-01 +title:x", "bad date \"2022-13-01\":", "(query position 11)"},
        {"(war -date:2022..2022-13)",
         "bad date \"2022-13\" in \"2022..2022-13\":", "(query position 12)"},
        {"NOT date:2022-13 OR -date:x", "bad date \"2022-13\":", "(query position 10)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        const std::string message = syntax_error(c.query);
        CHECK(message.find(c.problem) != std::string::npos);
        CHECK(message.ends_with(c.position));
    }
}

TEST_CASE("what Xapian's parser would read as an operator is checked or made a word") {
    // Each once reached Xapian's parser as a syntax error, which leaks memory there.
    CHECK(syntax_error(".AND x") == "AND without a left-hand side (query position 2)");
    CHECK(syntax_error("AND, x") == "AND without a left-hand side (query position 1)");
    CHECK(syntax_error("; AND x") == "AND without a left-hand side (query position 3)");
    CHECK(syntax_error("\"\" AND x") == "AND without a left-hand side (query position 4)");
    CHECK(syntax_error("(;) AND x") == "AND without a left-hand side (query position 5)");
    CHECK(syntax_error("a NOT NOT b") == "NOT without a right-hand side (query position 3)");
    CHECK(syntax_error("x \xff y") == "the query is not valid UTF-8 (query position 3)");
    // NEAR and ADJ join single words (with a sign or a phrase beside them, Xapian leaks).
    CHECK(syntax_error("-a NEAR/3 b-c").starts_with("NEAR/3 needs a single word on each side"));
    CHECK(syntax_error("-\"a b\" NEAR/3 c").ends_with("(query position 8)"));
    CHECK(syntax_error("(a) ADJ/3 b").starts_with("ADJ/3 needs a single word"));
    CHECK(parsed("title:strike NEAR/3 title:port") == "Query((Sstrike@1 NEAR 4 Sport@2))");
    // A sign before "a b"~N applies to the whole: Xapian takes no sign before a group.
    CHECK(parsed("peace -\"war crimes\"~5") == "Query((Zpeac@1 AND_NOT (war@2 NEAR 6 crimes@3)))");
    CHECK(parsed("+\"war crimes\"~5") == "Query((war@1 NEAR 6 crimes@2))");
    // Inside a word or a phrase, an operator is a word.
    CHECK(parsed("x a!OR") == "Query((Zx@1 AND Za@2 AND Zor@3))");
    CHECK(parsed("\" AND b\"~1") == "Query((and@1 NEAR 2 b@2))");
    CHECK(parsed("\"war \u2019AND crimes\"~3") == "Query((war@1 NEAR 5 and@2 NEAR 5 crimes@3))");
    CHECK(parsed("\"don't stop\"~2") == "Query((don't@1 NEAR 3 stop@2))");
    // A control character is a space.
    CHECK(parsed("war\x01"
                 "AND crimes") == parsed("war AND crimes"));
}

TEST_CASE("a builder whose query had a bad date parses the next query normally") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder builder(db, kToday);
    for (int k = 0; k < 3; ++k) {
        CHECK_THROWS_AS(builder.parse("-date:2022-02-30"), newsq::Error);
        CHECK(builder.parse("-date:2022-02 +section:World").get_description() ==
              "Query((0 * XSECTIONworld AND_NOT VALUE_RANGE 0 20220201000000 20220228235959))");
    }
}

TEST_CASE("names fields read a name as the analysis writes it") {
    struct Case {
        std::string_view query;
        std::vector<std::string_view> terms; // filter terms the query must hold
        std::vector<std::string_view> absent;
    };
    const Case cases[] = {
        {"person:blinken", {"XPERSONblinken", "blinken@1"}, {}},
        {"person:\"Secretary of State Antony Blinken's\"",
         {"XPERSONantony blinken", "(antony@1 PHRASE 2 blinken@2)"},
         {"secretary", "blinken's"}},
        {"org:\"Acme Widget Corp.\"", {"XORGacme widget"}, {"corp"}},
        {"org:\"Acme Widget, Inc.\"", {"XORGacme widget"}, {"inc"}},
        {"org:UN", {"XORGun", "XORGunited nations"}, {}},
        {"organization:\"red cross\"",
         {"XORGred cross", "XORGinternational committee of the red cross"},
         {}},
        // Any type: the typed rows' terms, as `entity` has none of its own.
        {"place:Oslo entity:\"Maria Lindqvist\"",
         {"XPLACEoslo", "XPERSONmaria lindqvist", "XORGmaria lindqvist", "XPLACEmaria lindqvist"},
         {"XENTITY"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        const std::string description = parsed(c.query);
        for (std::string_view term : c.terms) {
            CHECK(description.find(term) != std::string::npos);
        }
        for (std::string_view term : c.absent) {
            CHECK(description.find(term) == std::string::npos);
        }
    }
    // A speaker is only what the analysis found: the text ranks, it does not match.
    CHECK(
        parsed("speaker:Blinken quote:\"war crime\"")
            .starts_with(
                "Query((((XQUOTEwar@1 PHRASE 2 XQUOTEcrime@2) FILTER XSPEAKERblinken) AND_MAYBE "));
}

TEST_CASE("a default prefix makes plain words and phrases search that field") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder builder(db, kToday);
    CHECK(builder.parse("war crimes", "XQUOTE").get_description() ==
          "Query(((ZXQUOTEwar@1 AND ZXQUOTEcrime@2) AND_MAYBE "
          "(XQUOTEwar@1 PHRASE 2 XQUOTEcrimes@2)))");
    CHECK(builder.parse("\"war crimes\" section:world", "XQUOTE").get_description() ==
          "Query(((XQUOTEwar@1 PHRASE 2 XQUOTEcrimes@2) FILTER XSECTIONworld))");
    CHECK(builder.parse("title:strike", "XQUOTE").get_description() == "Query(ZSstrike@1)");
}

TEST_CASE("words that only look like operators or fields are plain words") {
    CHECK(parsed("and war") == "Query(((Zand@1 AND Zwar@2) AND_MAYBE (and@1 PHRASE 2 war@2)))");
    CHECK(parsed("https://x.example/a") != "");
    CHECK(parsed("10:30 meeting").find("meet") != std::string::npos);
}

TEST_CASE("date points for --since and --until") {
    using newsq::detail::parse_date_point;
    CHECK(parse_date_point("2022-03", kToday).from == "20220301000000");
    CHECK(parse_date_point("2022-03", kToday).to == "20220331235959");
    CHECK(parse_date_point("1y", kToday).from == "20230331000000");
    CHECK(parse_date_point("1m", sys_days{2024y / May / 31}).from == "20240430000000");
    CHECK_THROWS_AS(parse_date_point("2022-03-01..", kToday), newsq::Error);
    CHECK_THROWS_AS(parse_date_point("soon", kToday), newsq::Error);
}
