// Replicas, run as built on loopback: Debian's xapian-replicate-server serves a master index
// and `newsindex replicate` keeps copies of it, through the master's updates, rebuilds to
// other shard counts and rollbacks, and through failed copies.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "support.hpp"

using e2e::contains;
using e2e::kArticles;
using e2e::newsindex;
using e2e::newsq;

namespace {

const std::vector<std::string> kQueries{"war crimes", "\"harvest festival\"", "section:world",
                                        "speaker:\"ilse marten\"", "tribunal OR drought"};

// Debian's xapian-replicate-server serving the index directories under `dir`.
e2e::XapianServer replication_server(const std::string& dir) {
    return {NEWSQ_XAPIAN_REPLICATE_SERVER, "-p", dir};
}

// What `index` finds for each of kQueries: every id, in order.
std::vector<std::string> answers(const std::string& index) {
    std::vector<std::string> found;
    for (const std::string& query : kQueries) {
        const e2e::Result r = newsq({"--index", index, "--format", "ids", "--all", query});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        found.push_back(r.out);
    }
    return found;
}

std::string database_line(const std::string& index) {
    const e2e::Result stats = newsindex({"stats", "--index", index});
    REQUIRE_MESSAGE(stats.status == 0, stats.err);
    return stats.out.substr(stats.out.find("database"));
}

// An article no fixture mentions, in a JSON Lines file of its own in `dir`.
std::string new_article(const e2e::TempDir& dir) {
    const std::string path = dir / "new.jsonl";
    std::ofstream(path) << R"({"id": "replica-1", "title": "Quokka census opens on the island",)"
                        << R"( "date": "2024-05-01", "source": "Test Wire", "body": "Rangers)"
                        << R"( began counting quokkas on Monday, the first census in ten years."})"
                        << '\n';
    return path;
}

} // namespace

TEST_CASE("a replica follows its master through an update, a rebuild and a rollback") {
    const e2e::TempDir dir;
    const std::string master = dir / "master";
    const std::string replica = dir / "replica";
    // With changesets kept, the update is sent as changes rather than whole shards.
    const e2e::Env changesets{{"XAPIAN_MAX_CHANGESETS", "10"}};
    REQUIRE(
        newsindex({"rebuild", kArticles, "--index", master, "--shards", "2", "-q"}, {}, changesets)
            .status == 0);
    const auto server = replication_server(master);
    const std::vector<std::string> sync{"replicate", server.address(), "--index", replica};

    const e2e::Result first = newsindex(sync);
    CHECK_MESSAGE(first.status == 0, first.err);
    CHECK(contains(first.out, "copies gen-1 of " + server.address() + " (2 databases)"));
    CHECK(answers(replica) == answers(master));
    CHECK(contains(database_line(replica), "gen-1, 2 shards"));

    REQUIRE(newsindex({"update", new_article(dir), "--index", master}, {}, changesets).status == 0);
    CHECK(newsq({"--index", replica, "--format", "ids", "quokka"}).out.empty());
    CHECK(newsindex(sync).status == 0);
    CHECK(newsq({"--index", replica, "--format", "ids", "quokka"}).out == "replica-1\n");

    REQUIRE(newsindex({"rebuild", kArticles, "--index", master, "--shards", "3", "-q"}).status ==
            0);
    CHECK(newsindex(sync).status == 0);
    CHECK(contains(database_line(replica), "gen-2, 3 shards"));
    CHECK(answers(replica) == answers(master));
    CHECK(newsq({"--index", replica, "--format", "ids", "quokka"}).out.empty());

    REQUIRE(newsindex({"rollback", "--index", master}).status == 0);
    CHECK(newsindex(sync).status == 0);
    CHECK(contains(database_line(replica), "gen-1, 2 shards"));
    CHECK(newsq({"--index", replica, "--format", "ids", "quokka"}).out == "replica-1\n");

    const e2e::Result write = newsindex({"add", kArticles, "--index", replica});
    CHECK(write.status == 2);
    CHECK(contains(write.err, "is a replica of another index"));
}

TEST_CASE("a copy that fails leaves the replica whole on the generation it had") {
    const e2e::TempDir dir;
    const std::string master = dir / "master";
    const std::string replica = dir / "replica";
    REQUIRE(newsindex({"rebuild", kArticles, "--index", master, "--shards", "2", "-q"}).status ==
            0);
    const auto server = replication_server(master);
    const std::vector<std::string> sync{"replicate", server.address(), "--index", replica};
    REQUIRE(newsindex(sync).status == 0);
    const std::vector<std::string> before = answers(replica);

    // The new generation's third shard cannot be copied, after the first two were.
    REQUIRE(newsindex(
                {"rebuild", kArticles, new_article(dir), "--index", master, "--shards", "3", "-q"})
                .status == 0);
    std::filesystem::remove_all(master + "/gen-2/shard-2");
    const e2e::Result failed = newsindex(sync);
    CHECK(failed.status == 6);
    CHECK(contains(failed.err, "could not copy gen-2/shard-2 from " + server.address()));
    CHECK(contains(database_line(replica), "gen-1, 2 shards"));
    CHECK(answers(replica) == before);
    CHECK(newsq({"--index", replica, "--format", "ids", "quokka"}).out.empty());
}

TEST_CASE("replicate refuses a bad master address, a shard the master lacks and an index") {
    const e2e::TempDir dir;
    const std::string master = dir / "master";
    REQUIRE(newsindex({"add", kArticles, "--index", master, "-q"}).status == 0);
    for (const char* address : {"localhost", "localhost:0", "localhost:70000", ":8000"}) {
        const e2e::Result r = newsindex({"replicate", address, "--index", dir / "replica"});
        CHECK(r.status == 2);
        CHECK(contains(r.err, "is not HOST:PORT"));
    }
    const auto server = replication_server(master);
    const e2e::Result shard =
        newsindex({"replicate", server.address(), "--index", dir / "replica", "--shard", "1"});
    CHECK(shard.status == 2);
    CHECK(contains(shard.err, "the master has 1 shard(s): there is no shard 1"));
    const e2e::Result over = newsindex({"replicate", server.address(), "--index", master});
    CHECK(over.status == 2);
    CHECK(contains(over.err, "holds an index of its own"));
    const e2e::Result nobody = newsindex(
        {"replicate", "127.0.0.1:" + std::to_string(e2e::free_port()), "--index", dir / "replica"});
    CHECK(nobody.status == 6);
    CHECK(contains(nobody.err, "could not copy manifest"));
}
