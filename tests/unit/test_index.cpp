#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/schema.hpp>
#include <newsq/search.hpp>

#include "temp_dir.hpp"

using newsq::Article;
using newsq::Index;
using newsq::Searcher;
using newsq::test::TempDir;

namespace {

Article article(std::string id, std::string title, std::string body, std::string published = {}) {
    return {.id = std::move(id),
            .title = std::move(title),
            .section = "World",
            .source = "Test Wire",
            .published = std::move(published),
            .body = std::move(body)};
}

std::string numbered(std::string prefix, int n) {
    prefix += std::to_string(n);
    return prefix;
}

std::vector<std::string> ids(Searcher& s, newsq::SearchRequest r) {
    std::vector<std::string> out;
    for (const auto& hit : s.search(r).hits) {
        out.push_back(hit.id);
    }
    return out;
}

} // namespace

TEST_CASE("adding the same id twice replaces the article") {
    TempDir dir;
    Index index = Index::open(dir.path());
    CHECK(index.add(article("a", "Port strike", "Dock workers walked out.")) ==
          newsq::Upsert::added);
    CHECK(index.add(article("a", "Port strike ends", "Dock workers returned.")) ==
          newsq::Upsert::replaced);
    index.commit();
    CHECK(index.size() == 1);
    Searcher searcher(dir.path());
    CHECK(ids(searcher, {.query = "returned"}) == std::vector<std::string>{"a"});
    CHECK(ids(searcher, {.query = "walked"}).empty());
}

TEST_CASE("remove deletes one article by id and says whether there was one") {
    TempDir dir;
    Index index = Index::open(dir.path());
    index.add(article("a", "Port strike", "Dock workers walked out."));
    index.add(article("b", "Port strike ends", "Dock workers returned."));
    index.commit();
    CHECK(index.remove("a"));
    CHECK_FALSE(index.remove("a"));
    CHECK_FALSE(index.remove("never-added"));
    index.commit();
    CHECK(index.size() == 1);
    Searcher searcher(dir.path());
    CHECK(ids(searcher, {.query = "dock"}) == std::vector<std::string>{"b"});
    CHECK_FALSE(searcher.article("a"));
}

TEST_CASE("a query with words the index lacks gets a spelling suggestion") {
    TempDir dir;
    Index index = Index::open(dir.path());
    index.add(article("a", "Harbour strike", "Dock workers walked out over pensions."));
    index.add(article("b", "Tribunal", "Investigators gathered evidence of war crimes."));
    index.commit();
    Searcher searcher(dir.path());
    using Suggestion = std::optional<std::string>;
    CHECK(searcher.search({.query = "pensoins"}).suggestion == Suggestion("pensions"));
    CHECK(searcher.search({.query = "\"war crimse\" -harbour"}).suggestion ==
          Suggestion("\"war crimes\" -harbour"));
    // Field values, operators and known words stay as typed.
    CHECK(searcher.search({.query = "section:wrld OR evidence"}).suggestion == std::nullopt);
    CHECK(searcher.search({.query = "title:harbor"}).suggestion == std::nullopt);
    CHECK(searcher.search({.query = "war AND crimes"}).suggestion == std::nullopt);
    CHECK(searcher.search({.query = "xylophone"}).suggestion == std::nullopt);
    // A word found through its stem is not misspelt; a capital and curly quotes are kept.
    CHECK(searcher.search({.query = "investigator"}).suggestion == std::nullopt);
    CHECK(searcher.search({.query = "Pensoins"}).suggestion == Suggestion("Pensions"));
    CHECK(searcher.search({.query = "\u201cwar crimse\u201d \u2014 evidence"}).suggestion ==
          Suggestion("\u201cwar crimes\u201d \u2014 evidence"));
    // Words with apostrophes or digits are not in the dictionary, so they are left alone; a
    // short word is corrected by one edit at most.
    CHECK(searcher.search({.query = "workers' crimse"}).suggestion ==
          Suggestion("workers' crimes"));
    CHECK(searcher.search({.query = "d0ck"}).suggestion == std::nullopt);
    CHECK(searcher.search({.query = "dxcc"}).suggestion == std::nullopt);
    CHECK(searcher.search({.query = "dokc"}).suggestion == Suggestion("dock"));

    // Words of a removed article leave the dictionary.
    index.remove("a");
    index.commit();
    CHECK(searcher.search({.query = "pensoins"}).suggestion == std::nullopt);
}

TEST_CASE("an article without an id is refused") {
    TempDir dir;
    Index index = Index::open(dir.path());
    CHECK_THROWS_AS(index.add(article("", "T", "B")), newsq::Error);
}

TEST_CASE("readers see committed articles, date sort and range work") {
    TempDir dir;
    {
        Index index = Index::open(dir.path());
        index.add(article("old", "Grain talks", "Grain exports resumed.", "2021-05-01"));
        index.add(
            article("new", "Grain talks again", "Grain exports stalled.", "2023-02-10T08:00:00Z"));
        index.add(article("undated", "Grain", "Grain prices."));
        index.commit();
    }
    Searcher searcher(dir.path());
    CHECK(searcher.size() == 3);
    CHECK(ids(searcher, {.query = "grain", .sort = newsq::SortOrder::date}).front() == "new");
    CHECK(ids(searcher, {.query = "grain date:..2022"}) == std::vector<std::string>{"old"});
    CHECK(ids(searcher, {.query = "grain", .since = "2022-01-01"}) ==
          std::vector<std::string>{"new"});
    CHECK(ids(searcher, {.query = "grain", .until = "2021-05"}) == std::vector<std::string>{"old"});
}

TEST_CASE("filters from the request") {
    TempDir dir;
    {
        Index index = Index::open(dir.path());
        Article a = article("a", "Strike", "Workers struck.");
        Article b = article("b", "Strike", "Workers struck again.");
        b.section = "Business";
        index.add(a);
        index.add(b);
        index.commit();
    }
    Searcher searcher(dir.path());
    newsq::SearchRequest r{.query = "strike"};
    r.filters = {{"section", "business"}};
    CHECK(ids(searcher, r) == std::vector<std::string>{"b"});
    r.filters = {{"section", "business"}, {"section", "WORLD"}};
    CHECK(ids(searcher, r).size() == 2);
    r.filters = {{"title", "x"}};
    CHECK_THROWS_AS(searcher.search(r), newsq::Error);
}

TEST_CASE("for_each_hit pages through the matches, up to the limit") {
    TempDir dir;
    {
        Index index = Index::open(dir.path());
        for (int i = 0; i < 2500; ++i) {
            index.add(article(numbered("n", i), "Item", "Common word."));
        }
        index.commit();
    }
    Searcher searcher(dir.path());
    std::size_t seen = 0;
    const auto count = [&](const newsq::Hit&) { ++seen; };
    const std::size_t all = std::numeric_limits<std::size_t>::max();
    CHECK(searcher.for_each_hit({.query = "common", .offset = 100, .limit = all}, count) == 2400);
    CHECK(seen == 2400);
    seen = 0;
    CHECK(searcher.for_each_hit({.query = "common", .limit = 1500}, count) == 1500);
    CHECK(seen == 1500);
    seen = 0;
    CHECK(searcher.for_each_hit({.query = "common", .offset = 2499, .limit = 5}, count) == 1);
}

TEST_CASE("errors name the index and say what to do") {
    TempDir dir;
    SUBCASE("missing index") {
        try {
            Searcher searcher(dir.path() / "nowhere");
            FAIL("opened a missing index");
        } catch (const newsq::Error& e) {
            CHECK(e.code() == newsq::ErrorCode::index_not_found);
            CHECK(std::string(e.what()).find("nowhere") != std::string::npos);
            CHECK(e.hint().find("newsindex add") != std::string::npos);
        }
    }
    SUBCASE("second writer") {
        Index first = Index::open(dir.path());
        try {
            Index second = Index::open(dir.path());
            FAIL("two writers");
        } catch (const newsq::Error& e) {
            CHECK(e.code() == newsq::ErrorCode::index_locked);
        }
    }
    SUBCASE("another schema version") {
        {
            Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
            db.set_metadata(std::string(newsq::kSchemaVersionKey), "0");
            db.commit();
        }
        CHECK_THROWS_WITH_AS(Searcher(dir.path()), doctest::Contains("schema version 0"),
                             newsq::Error);
        CHECK_THROWS_AS(Index::open(dir.path()), newsq::Error);
    }
    SUBCASE("not an index at all") {
        std::filesystem::create_directories(dir.path() / "plain");
        CHECK_THROWS_AS(Searcher(dir.path() / "plain"), newsq::Error);
    }
}

TEST_CASE("a reader survives a writer committing under it") {
    TempDir dir;
    Index index = Index::open(dir.path());
    index.add(article("a0", "Grain", "Grain talks."));
    index.commit();
    Searcher searcher(dir.path());
    for (int round = 1; round <= 5; ++round) {
        for (int i = 0; i < 200; ++i) {
            index.add(
                article(numbered(numbered("r", round) + "-", i), "Grain", "Grain talks continue."));
        }
        index.commit();
        const auto results = searcher.search({.query = "grain", .limit = 5});
        CHECK(results.total_estimate == static_cast<std::size_t>(1 + 200 * round));
    }
}
