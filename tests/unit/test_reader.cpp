#include <string>
#include <variant>

#include <doctest/doctest.h>

#include <newsq/reader.hpp>

using newsq::Article;
using newsq::BadRecord;

namespace {

Article text_article(std::string_view text) {
    auto parsed = newsq::parse_text_article(text);
    REQUIRE(std::holds_alternative<Article>(parsed));
    return std::get<Article>(parsed);
}

BadRecord text_error(std::string_view text, const newsq::ReadOptions& options = {}) {
    auto parsed = newsq::parse_text_article(text, options);
    REQUIRE(std::holds_alternative<BadRecord>(parsed));
    return std::get<BadRecord>(parsed);
}

BadRecord json_error(std::string_view line) {
    auto parsed = newsq::parse_json_article(line);
    REQUIRE(std::holds_alternative<BadRecord>(parsed));
    return std::get<BadRecord>(parsed);
}

} // namespace

TEST_CASE("plain text: header, section, headline and body") {
    const Article a = text_article("Date: 2023-04-18\n"
                                   "Source: Harbor Herald\n"
                                   "URL: https://harbor.example/a\n"
                                   "Author: Maria Lind\n"
                                   "\n"
                                   "World\n"
                                   "\n"
                                   "Ministers meet in Oslo over grain corridor\n"
                                   "\n"
                                   "Foreign ministers met on Tuesday.\n"
                                   "\n"
                                   "\"We are close,\" Lind said.\n");
    CHECK(a.published == "2023-04-18");
    CHECK(a.source == "Harbor Herald");
    CHECK(a.url == "https://harbor.example/a");
    CHECK(a.author == "Maria Lind");
    CHECK(a.section == "World");
    CHECK(a.title == "Ministers meet in Oslo over grain corridor");
    CHECK(a.body == "Foreign ministers met on Tuesday.\n\n\"We are close,\" Lind said.");
    CHECK(a.id.empty());
}

TEST_CASE("plain text: a body-only article (a spun copy) has no section or headline") {
    const Article a = text_article("The minister mentioned Thursday that talks would resume.\n\n"
                                   "He additionally mentioned the port.\n");
    CHECK(a.section.empty());
    CHECK(a.title.empty());
    CHECK(a.body.starts_with("The minister mentioned Thursday"));
}

TEST_CASE("plain text: headline without a section line") {
    const Article a = text_article("Markets rally after rate pause\n\nShares rose on Monday.\n");
    CHECK(a.section.empty());
    CHECK(a.title == "Markets rally after rate pause");
}

TEST_CASE("plain text: a known section followed directly by the body") {
    const Article a = text_article("Business\n\nShares rose on Monday.\n\nBonds fell.\n");
    CHECK(a.section == "Business");
    CHECK(a.title.empty());
    CHECK(a.body == "Shares rose on Monday.\n\nBonds fell.");
}

TEST_CASE("plain text: a headline ending in a quote is still a headline") {
    const Article a =
        text_article("World\n\nEnvoy: attacks on civilians a \u2018war crime\u2019\n\n"
                     "The envoy spoke on Friday.\n");
    CHECK(a.title == "Envoy: attacks on civilians a \u2018war crime\u2019");
}

TEST_CASE("plain text: wrapped paragraph lines are joined, CRLF and a BOM are accepted") {
    const Article a = text_article("\xEF\xBB\xBFWorld\r\n\r\nA headline here\r\n\r\nFirst line\r\n"
                                   "second line.\r\n");
    CHECK(a.section == "World");
    CHECK(a.body == "First line second line.");
}

TEST_CASE("plain text: bad input is reported with its line") {
    CHECK(text_error("").reason.find("empty") != std::string::npos);
    CHECK(text_error("\n  \n\t\n").reason.find("empty") != std::string::npos);
    CHECK(text_error("Date: 2023-01-01\nSource: X\n").reason.find("empty") != std::string::npos);

    const BadRecord utf8 = text_error("World\n\nok line\nbad \xC3\x28 byte\n");
    CHECK(utf8.line == 4);
    CHECK(utf8.reason == "invalid UTF-8 at column 5");

    const BadRecord binary = text_error(std::string("one\ntwo\0three", 13));
    CHECK(binary.line == 2);
    CHECK(binary.reason.find("binary") != std::string::npos);

    const BadRecord date = text_error("Source: X\nDate: 17 March 2022\n\nBody text.\n");
    CHECK(date.line == 2);
    CHECK(date.reason.find("17 March 2022") != std::string::npos);

    newsq::ReadOptions small;
    small.max_article_bytes = 10;
    CHECK(text_error("A body longer than ten bytes.", small).reason.find("limit") !=
          std::string::npos);
}

TEST_CASE("JSON Lines: fields, unknown fields ignored, date normalised") {
    auto parsed = newsq::parse_json_article(
        R"({"id":"a1","url":"https://x.example/1","title":"T","section":"World",)"
        R"("published":"2022-03-17T09:30:00+02:00","source":"S","author":null,)"
        R"("body":"Para one.\n\nPara two.","tags":["x"],"extra":{"y":1}})");
    REQUIRE(std::holds_alternative<Article>(parsed));
    const Article& a = std::get<Article>(parsed);
    CHECK(a.id == "a1");
    CHECK(a.published == "2022-03-17T07:30:00Z");
    CHECK(a.author.empty());
    CHECK(a.body == "Para one.\n\nPara two.");
}

TEST_CASE("JSON Lines: bad records say why") {
    struct Case {
        std::string_view line;
        std::string_view reason;
    };
    const Case cases[] = {
        {R"({"title": "x", "body": )", "malformed JSON"},
        {R"(["body"])", "expected a JSON object, found array"},
        {R"({"title": 42, "body": "b"})", "field \"title\" must be a string, not number"},
        {R"({"title": "t"})", "empty article"},
        {R"({"title": "t", "body": "   "})", "empty article"},
        {R"({"body": "b", "published": "yesterday"})", "unrecognised date \"yesterday\""},
        {"{\"body\": \"b \xFF\"}", "invalid UTF-8"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.line);
        const BadRecord bad = json_error(c.line);
        CHECK(bad.line == 1);
        CHECK(bad.reason.find(c.reason) != std::string::npos);
    }
}

TEST_CASE("published dates are validated and normalised") {
    using newsq::normalise_published;
    CHECK(normalise_published("2022-03-17") == "2022-03-17");
    CHECK(normalise_published("2022-03-17T23:30:00-01:00") == "2022-03-18T00:30:00Z");
    CHECK(normalise_published("2022-03-17T09:30Z") == "2022-03-17T09:30:00Z");
    CHECK(normalise_published("2022-03-17 09:30:12.250") == "2022-03-17T09:30:12Z");
    CHECK_FALSE(normalise_published("2022-02-30"));
    CHECK_FALSE(normalise_published("2022-3-7"));
    CHECK_FALSE(normalise_published("17/03/2022"));
    CHECK_FALSE(normalise_published("2022-03-17T25:00:00Z"));
    CHECK_FALSE(normalise_published(""));
}

TEST_CASE("content ids are stable and depend on the text") {
    Article a{.title = "T", .body = "B"};
    Article b = a;
    CHECK(newsq::content_id(a) == newsq::content_id(b));
    CHECK(newsq::content_id(a).starts_with("hash:"));
    CHECK(newsq::content_id(a).size() == 5 + 32);
    b.body = "B2";
    CHECK(newsq::content_id(a) != newsq::content_id(b));
}
