// Indexes of several shards: articles routed by a hash of their id, written in parallel, searched
// as one database with the answers a single database gives, duplicate clusters that span shards,
// and rebuilds that change the number of shards. Real Xapian databases in temporary directories.

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/maintenance.hpp>
#include <newsq/search.hpp>

#include "store/ids.hpp"
#include "temp_dir.hpp"

using newsq::Index;
using newsq::OpenOptions;
using newsq::Searcher;
using newsq::SearchRequest;
using newsq::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kSamples{NEWSQ_SAMPLES};

// The queries compared, each ranking its matches by score: words, a phrase, fields, OR, NOT and
// a date range. (Matches of equal score come in the order they are stored in, which the number
// of shards changes: a query of filters only is compared apart.)
const std::vector<std::string> kQueries{"strike",
                                        "\"prime minister\"",
                                        "election OR vote",
                                        "section:Business port",
                                        "climate -energy",
                                        "person:Holt",
                                        "date:2022-01-01..2022-12-31 government",
                                        "hospital nurses"};

// What a search shows of `query`, in text: every hit with its score, cluster and quotes, the
// totals, the facets and the timeline.
std::string answers(Searcher& searcher, const std::string& query, bool collapse) {
    SearchRequest request{.query = query, .limit = 200, .facets = 5};
    request.timeline = newsq::TimeUnit::month;
    request.collapse = collapse;
    const newsq::SearchResults r = searcher.search(request);
    std::string text = fmt::format("{} [{}, {}]\n", r.total_estimate, r.total_lower, r.total_upper);
    for (const newsq::Hit& h : r.hits) {
        text += fmt::format("{} {:.6f} {}\n", h.id, h.score, h.snippet.text);
        if (h.cluster) {
            text += fmt::format("  cluster {} of {}: {} {}\n", h.cluster->key, h.cluster->size,
                                h.cluster->canonical, fmt::join(h.cluster->copies, " "));
        }
    }
    for (const newsq::Facet& f : r.facets) {
        text += f.name + ':';
        for (const newsq::FacetValue& v : f.values) {
            text += fmt::format(" {}={}", v.value, v.count);
        }
        text += '\n';
    }
    for (const newsq::TimelineBucket& b : r.timeline->buckets) {
        text += fmt::format("{}={} ", b.period, b.count);
    }
    return text;
}

// Builds an index of the sample corpus in `dir` with `shards` shards.
void build(const fs::path& dir, std::size_t shards) {
    newsq::rebuild(dir, kSamples, {}, {}, OpenOptions{.shards = shards});
}

std::vector<std::string> stub_lines(const fs::path& dir) {
    std::ifstream in(dir / "XAPIANDB");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The ids stored in the glass database `shard`.
std::set<std::string> ids_in(const fs::path& shard) {
    const Xapian::Database db(shard.string());
    std::set<std::string> ids;
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
        ids.insert(*t);
    }
    return ids;
}

newsq::Article article(const std::string& id, const std::string& body) {
    return {.id = id, .title = "Harbour report " + id, .published = "2024-03-04", .body = body};
}

} // namespace

TEST_CASE("a sharded index answers every search as one database of the same articles does") {
    const TempDir dir;
    build(dir.path() / "one", 1);
    build(dir.path() / "three", 3);
    CHECK(stub_lines(dir.path() / "three") == std::vector<std::string>{"glass gen-1/shard-0",
                                                                       "glass gen-1/shard-1",
                                                                       "glass gen-1/shard-2"});
    std::size_t stored = 0;
    for (int k = 0; k < 3; ++k) {
        const std::set<std::string> ids =
            ids_in(dir.path() / "three/gen-1" / fmt::format("shard-{}", k));
        CHECK(!ids.empty());
        for (const std::string& id : ids) {
            CHECK(newsq::detail::shard_of(id, 3) == static_cast<std::size_t>(k));
        }
        stored += ids.size();
    }
    CHECK(stored == 65);

    Searcher one(dir.path() / "one");
    Searcher three(dir.path() / "three");
    for (const std::string& query : kQueries) {
        CAPTURE(query);
        CHECK(answers(three, query, true) == answers(one, query, true));
        CHECK(answers(three, query, false) == answers(one, query, false));
    }
    const auto ids = [](Searcher& searcher, const std::string& query) {
        std::multiset<std::string> found;
        for (const newsq::Hit& h : searcher.search({.query = query, .limit = 100}).hits) {
            found.insert(h.id);
        }
        return found;
    };
    CHECK(ids(three, "section:Business") == ids(one, "section:Business"));
    CHECK(ids(three, "").size() == ids(one, "").size());
    const newsq::IndexStats stats = newsq::index_stats(dir.path() / "three");
    CHECK(stats.shards == 3);
    CHECK(stats.articles == 65);
    CHECK(newsq::check_index(dir.path() / "three").problems.empty());
}

TEST_CASE("add, update and remove route each article to the shard its id hashes to") {
    const TempDir dir;
    const fs::path index = dir.path() / "index";
    const std::string body = "The port of Valbrook closed its north quay on Monday after a crane "
                             "collapsed onto a container ship during a storm.";
    {
        Index writer = Index::open(index, OpenOptions{.shards = 4});
        for (int n = 0; n < 40; ++n) {
            CHECK(
                writer.add(article(fmt::format("a{}", n), fmt::format("{} Report {}.", body, n))) ==
                newsq::Upsert::added);
        }
        CHECK(writer.add(article("a7", body + " Updated.")) == newsq::Upsert::replaced);
        CHECK(writer.remove("a8"));
        CHECK_FALSE(writer.remove("a8"));
        writer.commit();
        CHECK(writer.size() == 39);
    }
    // Opening again keeps the shards, whatever the options say.
    Index again = Index::open(index, OpenOptions{.shards = 2});
    CHECK(again.size() == 39);
    CHECK(stub_lines(index).size() == 4);
    std::size_t stored = 0;
    for (int k = 0; k < 4; ++k) {
        for (const std::string& id : ids_in(index / "gen-1" / fmt::format("shard-{}", k))) {
            CHECK(newsq::detail::shard_of(id, 4) == static_cast<std::size_t>(k));
            ++stored;
        }
    }
    CHECK(stored == 39);
    CHECK(newsq::check_index(index).problems.empty());
}

TEST_CASE("copies in different shards share one cluster, which splits when the link leaves") {
    const TempDir dir;
    const fs::path index = dir.path() / "index";
    const std::string story =
        "Dock workers at the port of Valbrook stopped work on Monday after talks with Harmon "
        "Shipping broke down over new night shifts. The union said 1,200 members had voted for "
        "the strike, which is planned to last until Friday, and that pickets would stand at every "
        "gate of the harbour from six in the morning.";
    // Three copies of the story whose ids land in three different shards.
    std::vector<std::string> ids;
    std::set<std::size_t> shards;
    for (int n = 0; ids.size() < 3; ++n) {
        const std::string id = fmt::format("copy-{}", n);
        if (shards.insert(newsq::detail::shard_of(newsq::detail::id_term(id), 3)).second) {
            ids.push_back(id);
        }
    }
    const auto cluster_size = [&](const std::string& id) {
        Searcher searcher(index);
        const newsq::SearchResults r = searcher.search({.query = "id:" + id});
        REQUIRE(r.hits.size() == 1);
        return r.hits[0].cluster ? r.hits[0].cluster->size : 1;
    };
    {
        Index writer = Index::open(index, OpenOptions{.shards = 3});
        writer.add(article(ids[0], story));
        writer.add(article(ids[1], story + " Ferries were not affected."));
        writer.add(article(ids[2], story + " The mayor called for calm."));
        writer.add(article("other", "A new library opened in the old town hall of Valbrook."));
        writer.commit();
    }
    CHECK(cluster_size(ids[0]) == 3);
    CHECK(cluster_size("other") == 1);
    Searcher searcher(index);
    CHECK(searcher.search({.query = "Valbrook"}).hits.size() == 2); // the story once, and "other"
    {
        Index writer = Index::open(index);
        writer.add(article(ids[1], "A different story now: the regional football final was "
                                   "postponed because of snow in the northern valleys."));
        writer.commit();
    }
    CHECK(cluster_size(ids[0]) == 2);
    CHECK(cluster_size(ids[1]) == 1);
}

TEST_CASE("a rebuild keeps the number of shards unless told, and rollback returns to it") {
    const TempDir dir;
    const fs::path index = dir.path() / "index";
    build(index, 3);
    newsq::rebuild(index, kSamples);
    CHECK(stub_lines(index).size() == 3);
    CHECK(newsq::index_stats(index).shards == 3);
    build(index, 1);
    CHECK(stub_lines(index) == std::vector<std::string>{"glass gen-3"});
    CHECK(newsq::index_stats(index).articles == 65);
    newsq::rollback(index);
    CHECK(newsq::index_stats(index).shards == 3);
    CHECK(newsq::index_stats(index).articles == 65);
    CHECK(Searcher(index).search({.query = "strike"}).hits.size() > 0);
}

TEST_CASE("a shard missing from its generation is an error, never a smaller index") {
    const TempDir dir;
    const fs::path index = dir.path() / "index";
    build(index, 3);
    fs::remove_all(index / "gen-1/shard-2");
    CHECK_THROWS_WITH_AS(Searcher{index}, doctest::Contains("no index there"), newsq::Error);
    CHECK_THROWS_AS(newsq::index_stats(index), newsq::Error);
}
