// The library side of the nightly jobs: update, prune, the writer lock, rebuild and rollback,
// stopping, and readers that keep working while a writer runs. Real Xapian databases in
// temporary directories; articles written as files, as the jobs read them.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/maintenance.hpp>
#include <newsq/reader.hpp>
#include <newsq/search.hpp>

#include "temp_dir.hpp"
#include "warc_writer.hpp"
#include "xapian_guard.hpp"

using newsq::Index;
using newsq::IngestOptions;
using newsq::IngestReport;
using newsq::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Writes `count` JSON Lines articles numbered from `first`, about `topic`.
void write_articles(const fs::path& file, int first, int count, std::string_view topic) {
    std::ofstream out(file);
    for (int n = first; n < first + count; ++n) {
        out << fmt::format(R"({{"id": "a{}", "title": "Report {} on {}", "section": "World", )"
                           R"("source": "Test Wire", "published": "2023-05-{:02}", )"
                           R"("body": "The council discussed {} at meeting {}. Officials said )"
                           R"(the plan for {} would take years."}})",
                           n, n, topic, n % 28 + 1, topic, n, topic)
            << '\n';
    }
}

IngestReport run(const fs::path& index, const std::vector<std::string>& paths,
                 IngestOptions options = {}) {
    Index writer = Index::open(index);
    return newsq::ingest(writer, paths, options);
}

IngestOptions update(bool prune = false) {
    IngestOptions options;
    options.skip_unchanged = true;
    options.prune = prune;
    return options;
}

// Every progress report of an ingest run of `paths` into `index`.
std::vector<newsq::IngestProgress> progress_of(const fs::path& index,
                                               const std::vector<std::string>& paths,
                                               IngestOptions options = {}) {
    std::vector<newsq::IngestProgress> seen;
    options.on_progress = [&](const newsq::IngestProgress& p) { seen.push_back(p); };
    run(index, paths, options);
    return seen;
}

// Whether the bytes reported never go down nor past `total`.
bool bytes_grow(const std::vector<newsq::IngestProgress>& seen, std::uint64_t total) {
    std::uint64_t last = 0;
    for (const newsq::IngestProgress& p : seen) {
        if (p.bytes < last || p.bytes > total) {
            return false;
        }
        last = p.bytes;
    }
    return true;
}

// Runs `body` with standard input reading the file at `path`.
template <typename Body>
void with_stdin(const fs::path& path, Body body) {
    const int input = open(path.c_str(), O_RDONLY);
    const int saved = dup(STDIN_FILENO);
    REQUIRE((input >= 0 && saved >= 0 && dup2(input, STDIN_FILENO) == STDIN_FILENO));
    close(input);
    body();
    dup2(saved, STDIN_FILENO);
    close(saved);
}

std::size_t count(const fs::path& index, const std::string& query = {}) {
    newsq::Searcher searcher(index);
    newsq::SearchRequest r;
    r.query = query;
    r.limit = 0;
    return searcher.search(r).total_lower;
}

} // namespace

TEST_CASE("update skips unchanged articles without writing a revision, rewrites changed ones") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 20, "bridges");
    const fs::path index = dir.path() / "index";
    CHECK(run(index, {file.string()}, update()).added == 20);
    const Xapian::rev before = Xapian::Database(index.string()).get_revision();

    const IngestReport again = run(index, {file.string()}, update());
    CHECK(again.unchanged == 20);
    CHECK(again.added + again.updated + again.deleted == 0);
    CHECK(Xapian::Database(index.string()).get_revision() == before);

    write_articles(file, 15, 10, "tunnels");
    const IngestReport changed = run(index, {file.string()}, update());
    CHECK(changed.updated == 5);
    CHECK(changed.added == 5);
    CHECK(count(index) == 25);
    CHECK(count(index, "tunnels") == 10);
}

TEST_CASE("add rewrites every article even when unchanged") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 5, "ferries");
    const fs::path index = dir.path() / "index";
    run(index, {file.string()});
    CHECK(run(index, {file.string()}).updated == 5);
}

TEST_CASE("prune deletes only the articles gone from the paths given") {
    const TempDir dir;
    const fs::path a = dir.path() / "a";
    const fs::path b = dir.path() / "b";
    fs::create_directories(a);
    fs::create_directories(b);
    write_articles(a / "one.jsonl", 0, 10, "harbours");
    write_articles(a / "two.jsonl", 10, 10, "harbours");
    write_articles(b / "three.jsonl", 20, 10, "harbours");
    const fs::path index = dir.path() / "index";
    run(index, {a.string(), b.string()}, update());

    write_articles(a / "one.jsonl", 0, 6, "harbours");
    fs::remove(a / "two.jsonl");
    const IngestReport r = run(index, {a.string()}, update(true));
    CHECK(r.deleted == 14);
    CHECK(r.unchanged == 6);
    CHECK(count(index) == 16);

    SUBCASE("a file with a bad record keeps its articles") {
        write_articles(b / "three.jsonl", 20, 5, "harbours");
        std::ofstream(b / "three.jsonl", std::ios::app) << "{not json\n";
        const IngestReport bad = run(index, {b.string()}, update(true));
        CHECK(bad.skipped.size() == 1);
        CHECK(bad.deleted == 0);
        CHECK(count(index) == 16);
    }
}

TEST_CASE("one writer at a time: the second is told the first one's pid, or waits") {
    const TempDir dir;
    const fs::path index = dir.path() / "index";
    std::optional<Index> first = Index::open(index);
    try {
        Index::open(index);
        FAIL("a second writer opened a locked index");
    } catch (const newsq::Error& e) {
        CHECK(e.code() == newsq::ErrorCode::index_locked);
        CHECK(std::string(e.what()).find(fmt::format("(by pid {})", getpid())) !=
              std::string::npos);
    }
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        first.reset();
    });
    CHECK_NOTHROW(Index::open(index, {std::chrono::seconds(30)}));
    release.join();
}

TEST_CASE("rebuild switches atomically, keeps the old database for rollback") {
    const TempDir dir;
    const fs::path old_file = dir.path() / "old.jsonl";
    const fs::path new_file = dir.path() / "new.jsonl";
    write_articles(old_file, 0, 8, "orchards");
    write_articles(new_file, 100, 3, "vineyards");
    const fs::path index = dir.path() / "index";
    run(index, {old_file.string()});
    newsq::Searcher reader(index);

    CHECK(newsq::rebuild(index, std::vector{new_file.string()}, {}).added == 3);
    newsq::SearchRequest all;
    all.limit = 0;
    CHECK(reader.search(all).total_lower == 3); // an open reader follows the switch
    CHECK(newsq::index_stats(index).previous == "gen-1");

    newsq::rollback(index);
    CHECK(count(index, "orchards") == 8);
    CHECK(reader.search(all).total_lower == 8);
    newsq::rollback(index);
    CHECK(count(index) == 3);

    SUBCASE("a stopped rebuild leaves the live index as it was") {
        std::stop_source stop;
        stop.request_stop();
        IngestOptions options;
        options.stop = stop.get_token();
        CHECK(newsq::rebuild(index, std::vector{old_file.string()}, options).interrupted);
        CHECK(count(index) == 3);
        CHECK(newsq::check_index(index).problems.empty());
    }
}

TEST_CASE("rebuild compacts its database: smaller than what add wrote, with the same answers") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 600, "harbours");
    const fs::path index = dir.path() / "index";
    run(index, {file.string()});
    const newsq::IndexStats written = newsq::index_stats(index);
    fs::create_directory(index / "gen-7.build"); // what a rebuild killed before compacting left

    CHECK(newsq::rebuild(index, std::vector{file.string()}, {}).added == 600);
    const newsq::IndexStats rebuilt = newsq::index_stats(index);
    CHECK(rebuilt.articles == 600);
    CHECK(rebuilt.bytes * 10 < written.bytes * 8);
    CHECK(count(index, "harbours") == 600);
    CHECK(count(index, "\"meeting 42\"") == 1);
    CHECK(newsq::check_index(index).problems.empty());
    std::vector<std::string> generations;
    for (const auto& entry : fs::directory_iterator(index)) {
        if (entry.is_directory()) {
            generations.push_back(entry.path().filename().string());
        }
    }
    std::sort(generations.begin(), generations.end());
    CHECK(generations == std::vector<std::string>{"gen-1", "gen-2", "manifest"}); // no scratch copy
}

TEST_CASE("a stopped run commits what it wrote, the next update finishes the job") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 400, "railways");
    const fs::path index = dir.path() / "index";
    std::stop_source stop;
    IngestOptions options = update();
    options.batch_size = 10;
    std::size_t seen = 0;
    options.on_progress = [&](const newsq::IngestProgress& p) {
        seen = p.total;
        if (p.done > 0) {
            stop.request_stop();
        }
    };
    options.stop = stop.get_token();
    const IngestReport stopped = run(index, {file.string()}, options);
    CHECK(stopped.interrupted);
    CHECK(seen == 400);
    const std::size_t kept = count(index);
    CHECK(kept == stopped.added);
    CHECK(kept < 400);

    const IngestReport rest = run(index, {file.string()}, update());
    CHECK(rest.unchanged == kept);
    CHECK(rest.added == 400 - kept);
}

TEST_CASE("readers keep working while updates and rebuilds run") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 300, "canals");
    const fs::path index = dir.path() / "index";
    run(index, {file.string()});

    std::atomic<bool> done = false;
    std::atomic<int> searches = 0;
    std::vector<std::string> errors;
    std::thread reader([&] {
        newsq::Searcher searcher(index);
        newsq::SearchRequest r;
        r.query = "council canals";
        while (!done) {
            try {
                if (searcher.search(r).hits.empty()) {
                    errors.emplace_back("no hits");
                }
                ++searches;
            } catch (const newsq::Error& e) {
                errors.emplace_back(e.what());
            }
        }
    });
    IngestOptions small_batches;
    small_batches.batch_size = 5;
    for (int round = 0; round < 3; ++round) {
        write_articles(file, round * 50, 300, "canals");
        run(index, {file.string()}, small_batches);
        newsq::rebuild(index, std::vector{file.string()}, small_batches);
    }
    done = true;
    reader.join();
    CHECK(searches > 0);
    CHECK(errors.empty());
    if (!errors.empty()) {
        MESSAGE(errors.front());
    }
}

TEST_CASE("readers opening the index and reading stats never fail while a writer commits") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 40, "canals");
    const fs::path index = dir.path() / "index";
    run(index, {file.string()});

    std::atomic<bool> done = false;
    std::atomic<int> reads = 0;
    std::mutex errors_mutex;
    std::vector<std::string> errors;
    const auto reader = [&](bool stats) {
        while (!done) {
            try {
                // A new searcher reads the schema version as it opens: two commits in between
                // once made that fail.
                const std::size_t articles =
                    stats ? newsq::index_stats(index).articles : newsq::Searcher(index).size();
                CHECK(articles == 40);
                ++reads;
            } catch (const newsq::Error& e) {
                const std::lock_guard lock(errors_mutex);
                errors.emplace_back(e.what());
            }
        }
    };
    std::thread opener(reader, false);
    std::thread counter(reader, true);
    IngestOptions every_article;
    every_article.batch_size = 1;
    for (int round = 0; round < 10; ++round) {
        run(index, {file.string()}, every_article);
    }
    done = true;
    opener.join();
    counter.join();
    CHECK(reads > 0);
    for (const std::string& e : errors) {
        FAIL_CHECK(e);
    }
}

TEST_CASE("a read starts again after what a concurrent writer causes, not after other errors") {
    using newsq::detail::retry_reads;
    int calls = 0;
    // A read that meets `error` on its first `failures` attempts.
    const auto failing = [&](auto error, int failures) {
        calls = 0;
        return [&calls, error, failures](int attempt) {
            ++calls;
            if (attempt <= failures) {
                throw error;
            }
            return attempt;
        };
    };
    CHECK(retry_reads("idx", "read",
                      failing(Xapian::DatabaseModifiedError("revision discarded"), 2)) == 3);
    CHECK(calls == 3);
    CHECK(retry_reads("idx", "read",
                      failing(Xapian::DatabaseError("EOF reading block 809067313"), 1)) == 2);
    CHECK(calls == 2);

    const auto fails_with = [&](auto error) {
        calls = 0;
        try {
            retry_reads("idx", "read", [&](int) -> int {
                ++calls;
                throw error;
            });
        } catch (const newsq::Error& e) {
            CHECK(calls == 1);
            return e.code();
        }
        FAIL("no error");
        return newsq::ErrorCode::internal;
    };
    CHECK(fails_with(Xapian::DatabaseNotFoundError("none")) == newsq::ErrorCode::index_not_found);
    CHECK(fails_with(Xapian::DatabaseVersionError("too new")) == newsq::ErrorCode::schema_mismatch);
    CHECK(fails_with(Xapian::InvalidArgumentError("bad")) == newsq::ErrorCode::internal);
    CHECK(fails_with(Xapian::DatabaseError("Error reading block 7")) == newsq::ErrorCode::io);
    CHECK(fails_with(newsq::Error(newsq::ErrorCode::schema_mismatch, "v2")) ==
          newsq::ErrorCode::schema_mismatch);
}

TEST_CASE("stats and check describe a sound index") {
    const TempDir dir;
    const fs::path file = dir.path() / "day.jsonl";
    write_articles(file, 0, 30, "markets");
    const fs::path index = dir.path() / "index";
    run(index, {file.string()});
    const newsq::IndexStats s = newsq::index_stats(index);
    CHECK(s.articles == 30);
    CHECK(s.first_date == "2023-05-01");
    CHECK(s.last_date == "2023-05-28");
    REQUIRE(s.sections.size() == 1);
    CHECK(s.sections[0] == newsq::ValueCount{"World", 30});
    CHECK(s.bytes > 0);
    CHECK(s.updated.size() == 20);
    const newsq::CheckReport c = newsq::check_index(index);
    CHECK(c.articles == 30);
    CHECK(c.problems.empty());
}

TEST_CASE("a file that vanishes after the directory is listed is a bad record") {
    const TempDir dir;
    write_articles(dir.path() / "a.jsonl", 0, 2, "piers");
    write_articles(dir.path() / "b.jsonl", 2, 2, "piers");
    std::vector<newsq::BadRecord> bad;
    std::size_t articles = 0;
    const std::vector<std::string> paths{dir.path().string()};
    newsq::read_articles(paths, {[&](newsq::Article&&) { ++articles; },
                                 [&](newsq::BadRecord&& b) { bad.push_back(std::move(b)); },
                                 [&](const std::string& path) {
                                     if (path.ends_with("a.jsonl")) {
                                         fs::remove(dir.path() / "b.jsonl");
                                     }
                                 }});
    CHECK(articles == 2);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].path.ends_with("b.jsonl"));
    CHECK(bad[0].reason.starts_with("cannot read"));
}

TEST_CASE("progress counts the bytes of input read, up to the size of the files") {
    const TempDir dir;
    const fs::path plain = dir.path() / "day.jsonl";
    write_articles(plain, 0, 3000, "tunnels");
    const std::uint64_t plain_size = fs::file_size(plain);
    const fs::path index = dir.path() / "index";

    SUBCASE("a plain file") {
        const auto seen = progress_of(index, {plain.string()});
        REQUIRE(!seen.empty());
        CHECK(bytes_grow(seen, plain_size));
        CHECK(seen.back().bytes == plain_size);
        CHECK(seen.back().bytes_total == plain_size);
        CHECK(seen.back().done == 3000);
        CHECK(seen.back().total == 3000);
    }

    SUBCASE("a gzip file counts its compressed bytes") {
        std::ifstream in(plain, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        const fs::path packed = dir.path() / "day.jsonl.gz";
        newsq::test::write_file(packed, newsq::test::gzip(text));
        const std::uint64_t packed_size = fs::file_size(packed);
        REQUIRE(packed_size < plain_size);
        const auto seen = progress_of(index, {packed.string()});
        REQUIRE(!seen.empty());
        CHECK(bytes_grow(seen, packed_size));
        CHECK(seen.back().bytes == packed_size);
        CHECK(seen.back().bytes_total == packed_size);
        CHECK(seen.back().done == 3000);
    }

    SUBCASE("a directory's total is the sum of its article files") {
        write_articles(dir.path() / "more.jsonl", 3000, 10, "tunnels");
        newsq::test::write_file(dir.path() / "notes.md", "not read");
        const std::uint64_t both = plain_size + fs::file_size(dir.path() / "more.jsonl");
        const auto seen = progress_of(index, {dir.path().string()});
        REQUIRE(!seen.empty());
        CHECK(seen.back().bytes == both);
        CHECK(seen.back().bytes_total == both);
    }

    SUBCASE("without boilerplate learning, a WARC file is read once and measured by bytes") {
        std::string warc = newsq::test::warcinfo_record();
        for (int n = 0; n < 50; ++n) {
            const std::string url = fmt::format("https://news.example/tunnel-{}", n);
            warc += newsq::test::response_record(
                url, newsq::test::http_response(
                         200, "text/html",
                         newsq::test::news_page(fmt::format("Tunnel {}", n), "Tunnels.", url)));
        }
        const fs::path crawl = dir.path() / "crawl.warc.gz";
        newsq::test::write_file(crawl, newsq::test::gzip(warc));
        IngestOptions options;
        options.analysis.boilerplate = false;
        const auto seen = progress_of(index, {crawl.string()}, options);
        REQUIRE(!seen.empty());
        CHECK(seen.back().total == 0);
        CHECK(seen.back().done == 51);
        CHECK(seen.back().bytes == fs::file_size(crawl));
        CHECK(seen.back().bytes_total == fs::file_size(crawl));
    }

    SUBCASE("standard input reports its bytes, of a total unknown") {
        const auto seen = [&] {
            std::vector<newsq::IngestProgress> got;
            with_stdin(plain, [&] { got = progress_of(index, {"-"}); });
            return got;
        }();
        REQUIRE(!seen.empty());
        CHECK(bytes_grow(seen, plain_size));
        CHECK(seen.back().bytes == plain_size);
        CHECK(seen.back().bytes_total == 0);
        CHECK(seen.back().total == 0);
        CHECK(seen.back().done == 3000);
    }
}

TEST_CASE("the reader tells of the bytes it reads as it goes, not only at a file's end") {
    const TempDir dir;
    const fs::path plain = dir.path() / "day.jsonl";
    write_articles(plain, 0, 3000, "ferries");
    std::ifstream in(plain, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path packed = dir.path() / "day.jsonl.gz";
    newsq::test::write_file(packed, newsq::test::gzip(text));
    for (const fs::path& file : {plain, packed}) {
        CAPTURE(file);
        std::uint64_t consumed = 0;
        std::vector<std::uint64_t> at_article;
        const std::vector<std::string> paths{file.string()};
        newsq::read_articles(paths,
                             {.article = [&](newsq::Article&&) { at_article.push_back(consumed); },
                              .bad_record = [](newsq::BadRecord&&) {},
                              .consumed = [&](std::uint64_t bytes) { consumed += bytes; }});
        REQUIRE(at_article.size() == 3000);
        CHECK(at_article.front() > 0);
        CHECK(at_article.front() < at_article[1500]);
        CHECK(at_article[1500] < consumed);
        CHECK(consumed == fs::file_size(file));
        CHECK(newsq::input_size(paths) == fs::file_size(file));
    }
    CHECK(newsq::input_size(std::vector<std::string>{plain.string(), "-"}) == std::nullopt);
}
