// Searcher::quotes: only the quotes that match themselves are listed.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/search.hpp>

#include "temp_dir.hpp"

using newsq::Article;
using newsq::QuoteRequest;
using newsq::Searcher;
using newsq::test::TempDir;

namespace {

// Quotes as the analysis would give them; the body holds them in this order.
Article article(std::string id, std::string section, std::string published,
                std::vector<newsq::Quote> quotes) {
    std::string body;
    for (const newsq::Quote& q : quotes) {
        body += "\u201c" + q.text + "\u201d said " + (q.speaker.empty() ? "someone" : q.speaker) +
                ".\n\n";
    }
    std::string title = "Title of " + id;
    return {.id = std::move(id),
            .title = std::move(title),
            .section = std::move(section),
            .source = "Test Wire",
            .published = std::move(published),
            .body = std::move(body),
            .quotes = std::move(quotes)};
}

void build(const TempDir& dir) {
    newsq::Index index = newsq::Index::open(dir.path());
    index.add(article("a", "World", "2022-03-17",
                      {{"We saw war crimes in the town.", "Antony Blinken"},
                       {"The war is not over.", "Antony Blinken"},
                       {"These are crimes of war.", "Maria Lindqvist"},
                       {"Nobody knows.", ""}}));
    index.add(article(
        "b", "Politics", "2023-01-12",
        {{"War crimes must be punished.", "Maria Lindqvist"}, {"We agree.", "Antony Blinken"}}));
    index.commit();
}

// "article-id:quote text" of each listed quote.
std::vector<std::string> listed(Searcher& searcher, QuoteRequest request) {
    std::vector<std::string> out;
    for (const newsq::QuoteHit& q : searcher.quotes(request).quotes) {
        out.push_back(q.id + ":" + q.text.text);
    }
    return out;
}

using List = std::vector<std::string>;

} // namespace

TEST_CASE("a phrase must lie inside one quote, plain words must all be in it") {
    TempDir dir;
    build(dir);
    Searcher s(dir.path());
    CHECK(listed(s, {.query = "\"war crimes\"", .sort = newsq::SortOrder::date}) ==
          List{"b:War crimes must be punished.", "a:We saw war crimes in the town."});
    CHECK(listed(s, {.query = "war crimes", .sort = newsq::SortOrder::date}) ==
          List{"b:War crimes must be punished.", "a:We saw war crimes in the town.",
               "a:These are crimes of war."});
    // "over." ends one quote and "These" starts the next: no phrase across them.
    CHECK(listed(s, {.query = "\"over these\""}).empty());
    CHECK(listed(s, {.query = "town"}) == List{"a:We saw war crimes in the town."});
}

TEST_CASE("the speaker filter holds per quote, by surname or full name") {
    TempDir dir;
    build(dir);
    Searcher s(dir.path());
    const List blinken_war = {"a:We saw war crimes in the town.", "a:The war is not over."};
    CHECK(listed(s, {.query = "war", .speaker = "Blinken"}) == blinken_war);
    CHECK(listed(s, {.query = "war", .speaker = "antony  BLINKEN"}) == blinken_war);
    CHECK(listed(s, {.query = "war speaker:blinken"}) == blinken_war);
    CHECK(listed(s, {.query = "war", .speaker = "Maria Blinken"}).empty());
    CHECK(listed(s, {.speaker = "Lindqvist", .sort = newsq::SortOrder::date}) ==
          List{"b:War crimes must be punished.", "a:These are crimes of war."});
}

TEST_CASE("article filters apply to the quote's article") {
    TempDir dir;
    build(dir);
    Searcher s(dir.path());
    CHECK(listed(s, {.query = "war section:politics"}) == List{"b:War crimes must be punished."});
    CHECK(listed(s, {.query = "war", .until = "2022"}).size() == 3);
    CHECK(listed(s, {.query = "war", .filters = {{"section", "Politics"}}}).size() == 1);
}

TEST_CASE("an empty query lists every quote, paged") {
    TempDir dir;
    build(dir);
    Searcher s(dir.path());
    const newsq::QuoteResults all = s.quotes({.sort = newsq::SortOrder::date});
    CHECK(all.quotes.size() == 6);
    CHECK(!all.more);
    const newsq::QuoteResults page =
        s.quotes({.sort = newsq::SortOrder::date, .offset = 1, .limit = 2});
    REQUIRE(page.quotes.size() == 2);
    CHECK(page.more);
    CHECK(page.quotes[0].rank == 2);
    CHECK(page.quotes[0].text.text == "We agree.");
    CHECK(page.quotes[1].text.text == "We saw war crimes in the town.");
    CHECK(page.quotes[1].title == "Title of a");
    CHECK(page.quotes[1].published == "2022-03-17");
}

TEST_CASE("listed quotes are highlighted where they match") {
    TempDir dir;
    build(dir);
    Searcher s(dir.path());
    const auto quotes = s.quotes({.query = "\"war crimes\"", .speaker = "Lindqvist"}).quotes;
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].speaker == "Maria Lindqvist");
    CHECK(quotes[0].text.highlights == std::vector<std::pair<std::size_t, std::size_t>>{{0, 10}});
}

TEST_CASE("a speaker without a name is refused") {
    TempDir dir;
    build(dir);
    Searcher s(dir.path());
    for (const char* speaker : {"", "  ", "--"}) {
        INFO(speaker);
        try {
            s.quotes({.speaker = speaker});
            FAIL("no error");
        } catch (const newsq::Error& e) {
            CHECK(e.code() == newsq::ErrorCode::invalid_argument);
        }
    }
}
