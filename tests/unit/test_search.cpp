// Searcher features over the analysis: stored articles, hits with entities and quotes, facets
// and timelines over the whole matching set. Articles carry hand-made entities and quotes (as
// the analysis would give them), so these tests do not depend on the extraction.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/index.hpp>
#include <newsq/search.hpp>

#include "temp_dir.hpp"

using newsq::Article;
using newsq::EntityType;
using newsq::FacetValue;
using newsq::Searcher;
using newsq::SearchRequest;
using newsq::TimelineBucket;
using newsq::test::TempDir;

namespace {

Article blinken(std::string id, std::string published) {
    return {.id = std::move(id),
            .title = "Minister speaks in Oslo",
            .section = "World",
            .source = "Harbor Herald",
            .published = std::move(published),
            .body = "Antony Blinken spoke in Oslo. \u201cWe saw war crimes in the town,\u201d "
                    "Blinken said. \u201cThe talks will go on,\u201d he added.",
            .entities = {{EntityType::person, "Antony Blinken"}, {EntityType::place, "Oslo"}},
            .quotes = {{"We saw war crimes in the town,", "Antony Blinken"},
                       {"The talks will go on,", "Antony Blinken"}}};
}

Article lindqvist(std::string id, std::string published) {
    return {.id = std::move(id),
            .title = "Harbour reopens",
            .section = "Business",
            .source = "Valley Ledger",
            .published = std::move(published),
            .body = "\u201cThe harbour is open again,\u201d Maria Lindqvist said in Norway.",
            .entities = {{EntityType::person, "Maria Lindqvist"}, {EntityType::place, "Norway"}},
            .quotes = {{"The harbour is open again,", "Maria Lindqvist"}}};
}

// Three Blinken articles (two in March 2022, one in May 2022), two Lindqvist ones (one
// undated), one article without analysis.
void build(const TempDir& dir) {
    newsq::Index index = newsq::Index::open(dir.path());
    index.add(blinken("b1", "2022-03-17"));
    index.add(blinken("b2", "2022-03-30T10:00:00Z"));
    index.add(blinken("b3", "2022-05-02"));
    index.add(lindqvist("l1", "2022-04-01"));
    index.add(lindqvist("l2", ""));
    index.add({.id = "plain", .title = "Weather", .body = "Rain all week in the town."});
    index.commit();
}

} // namespace

TEST_CASE("article() returns the stored article with its analysis, or nothing") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const auto found = searcher.article("l1");
    REQUIRE(found);
    CHECK(*found == lindqvist("l1", "2022-04-01"));
    CHECK(!searcher.article("L1"));
    CHECK(!searcher.article("nope"));
    CHECK(!searcher.article(""));
}

TEST_CASE("hits carry entities and quotes, marked where they hold a match") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const auto hits = searcher.search({.query = "crimes id:b1"}).hits;
    REQUIRE(hits.size() == 1);
    const newsq::Hit& hit = hits[0];
    CHECK(hit.entities == blinken("b1", "").entities);
    REQUIRE(hit.quotes.size() == 2);
    CHECK(hit.quotes[0].matched);
    CHECK(hit.quotes[0].speaker == "Antony Blinken");
    CHECK(hit.quotes[0].text.text == "We saw war crimes in the town,");
    CHECK(hit.quotes[0].text.highlights ==
          std::vector<std::pair<std::size_t, std::size_t>>{{11, 17}});
    CHECK(!hit.quotes[1].matched);
    CHECK(hit.quotes[1].text.highlights.empty());
}

TEST_CASE("quote: terms highlight quotes, not the snippet, phrases must stand together") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const auto hits = searcher.search({.query = "quote:talks id:b2"}).hits;
    REQUIRE(hits.size() == 1);
    CHECK(!hits[0].quotes[0].matched);
    CHECK(hits[0].quotes[1].matched);
    CHECK(hits[0].snippet.highlights.empty());

    const auto phrase = searcher.search({.query = "\"town talks\" OR \"war crimes\" id:b2"}).hits;
    REQUIRE(phrase.size() == 1);
    CHECK(phrase[0].quotes[0].matched);
    CHECK(!phrase[0].quotes[1].matched);
}

TEST_CASE("long quotes are cut around their match when asked") {
    TempDir dir;
    {
        newsq::Index index = newsq::Index::open(dir.path());
        std::string text;
        for (int i = 0; i < 40; ++i) {
            text += "Filler words here. ";
        }
        text += "The evidence of war crimes is clear.";
        index.add(
            {.id = "long", .body = "\u201c" + text + "\u201d she said.", .quotes = {{text, ""}}});
        index.commit();
    }
    Searcher searcher(dir.path());
    const auto hits = searcher.search({.query = "evidence", .quote_chars = 80}).hits;
    REQUIRE(hits.size() == 1);
    const newsq::Snippet& cut = hits[0].quotes[0].text;
    CHECK(cut.text.starts_with("… "));
    CHECK(cut.text.size() <= 80 + 10);
    REQUIRE(cut.highlights.size() == 1);
    CHECK(cut.text.substr(cut.highlights[0].first,
                          cut.highlights[0].second - cut.highlights[0].first) == "evidence");
}

TEST_CASE("facets count the whole matching set, not the page") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const newsq::SearchResults r = searcher.search({.limit = 1, .facets = 10});
    CHECK(r.hits.size() == 1);
    REQUIRE(r.facets.size() == 7);
    CHECK(r.facets[0].name == "section");
    CHECK(r.facets[0].values == std::vector<FacetValue>{{"World", 3}, {"Business", 2}});
    CHECK(r.facets[2].name == "language");
    CHECK(r.facets[2].values.empty()); // added without a language
    CHECK(r.facets[3].name == "person");
    CHECK(r.facets[3].values ==
          std::vector<FacetValue>{{"Antony Blinken", 3}, {"Maria Lindqvist", 2}});
    CHECK(r.facets[6].name == "speaker");
    CHECK(r.facets[6].values ==
          std::vector<FacetValue>{{"Antony Blinken", 3}, {"Maria Lindqvist", 2}});

    const newsq::SearchResults none = searcher.search({.query = "zeppelin", .facets = 10});
    CHECK(none.facets.size() == 7);
    CHECK(none.facets[0].values.empty());
    CHECK(searcher.search({.query = "town"}).facets.empty());
}

TEST_CASE("the timeline counts the whole matching set per period") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const newsq::SearchResults r = searcher.search({.query = "person:blinken OR person:lindqvist",
                                                    .limit = 0,
                                                    .timeline = newsq::TimeUnit::month});
    REQUIRE(r.timeline);
    CHECK(r.timeline->unit == newsq::TimeUnit::month);
    CHECK(r.timeline->buckets ==
          std::vector<TimelineBucket>{{"2022-03", 2}, {"2022-04", 1}, {"2022-05", 1}});
    CHECK(r.timeline->undated == 1);
    CHECK(!searcher.search({.query = "town"}).timeline);
}
