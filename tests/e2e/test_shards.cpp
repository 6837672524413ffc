// `newsindex` over an index of several shards, run as built: rebuilding with --shards and
// --jobs, stats and check, updates routed to the shards, and bad shard counts refused.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <string>

#include <doctest/doctest.h>

#include "support.hpp"

using e2e::contains;
using e2e::kArticles;
using e2e::newsindex;
using e2e::newsq;

TEST_CASE("rebuild --shards 3 --jobs 2 makes an index of three shards that searches as one") {
    const e2e::TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles, "--index", index, "-q"}).status == 0);
    const e2e::Result one = newsq({"--index", index, "--format", "ids", "--all", "war crimes"});
    REQUIRE(one.status == 0);

    const e2e::Result rebuilt =
        newsindex({"rebuild", kArticles, "--index", index, "--shards", "3", "--jobs", "2"});
    CHECK(rebuilt.status == 0);
    const e2e::Result stats = newsindex({"stats", "--index", index});
    CHECK(contains(stats.out, "gen-2, 3 shards (rollback to gen-1)"));
    const e2e::Result json = newsindex({"stats", "--index", index, "--json"});
    CHECK(contains(json.out, "\"shards\": 3"));
    CHECK(newsindex({"check", "--index", index}).status == 0);
    CHECK(newsq({"--index", index, "--format", "ids", "--all", "war crimes"}).out == one.out);

    // An update reads the same files again: nothing changed, nothing written.
    const e2e::Result update = newsindex({"update", kArticles, "--index", index});
    CHECK(update.status == 0);
    CHECK(contains(update.out, "0 added, 0 updated"));
    CHECK(newsindex({"stats", "--index", index}).out == stats.out);
}

TEST_CASE("a shard count out of range is refused, naming the option") {
    const e2e::TempDir dir;
    for (const char* count : {"0", "257", "two"}) {
        const e2e::Result r =
            newsindex({"rebuild", kArticles, "--index", dir / "index", "--shards", count});
        CHECK(r.status == 2);
        CHECK(contains(r.err, "--shards"));
    }
    CHECK(newsindex({"add", kArticles, "--index", dir / "index", "--jobs", "0"}).status == 2);
}
