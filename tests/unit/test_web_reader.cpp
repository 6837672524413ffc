// HTML files, WARC files and standard input as read_articles and ingest read them.
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <newsq/index.hpp>
#include <newsq/reader.hpp>

#include "temp_dir.hpp"
#include "warc_writer.hpp"

using namespace newsq::test;
using newsq::Article;
using newsq::BadRecord;

namespace {

struct Read {
    std::vector<Article> articles;
    std::vector<BadRecord> bad;
    std::map<std::string, std::size_t> passed_over;
};

Read read_paths(const std::vector<std::string>& paths, newsq::ReadOptions options = {}) {
    Read read;
    newsq::read_articles(
        paths,
        {.article = [&](Article&& a) { read.articles.push_back(std::move(a)); },
         .bad_record = [&](BadRecord&& b) { read.bad.push_back(std::move(b)); },
         .passed_over = [&](std::string_view r) { ++read.passed_over[std::string(r)]; }},
        options);
    return read;
}

// Reads `data` as standard input.
Read read_stdin(const TempDir& dir, std::string_view data) {
    const auto file = dir.path() / "stdin";
    write_file(file, data);
    const int input = open(file.c_str(), O_RDONLY);
    const int saved = dup(STDIN_FILENO);
    REQUIRE((input >= 0 && saved >= 0 && dup2(input, STDIN_FILENO) == STDIN_FILENO));
    close(input);
    Read read = read_paths({"-"});
    dup2(saved, STDIN_FILENO);
    close(saved);
    return read;
}

std::vector<std::string> ids(const Read& r) {
    std::vector<std::string> out;
    for (const Article& a : r.articles) {
        out.push_back(a.id);
    }
    return out;
}

const std::string kFerries = "https://harbour.example/news/ferries";

std::string ferry_warc() {
    return warcinfo_record() +
           response_record(kFerries + "?utm_source=feed",
                           http_response(200, "text/html; charset=utf-8",
                                         chunked(gzip(news_page("Ferries return",
                                                                "Ferries "
                                                                "return to the harbour.",
                                                                kFerries)),
                                                 100),
                                         "Transfer-Encoding: chunked\r\n"
                                         "Content-Encoding: gzip\r\n")) +
           response_record("https://harbour.example/logo.png",
                           http_response(200, "image/png", "PNG")) +
           warc_record("resource", kFerries, "text/html",
                       news_page("Ferries return", "Ferries return to the harbour.", kFerries));
}

} // namespace

TEST_CASE("web reader: a WARC file gives its pages as articles with their canonical URL as id") {
    const TempDir dir;
    write_file(dir.path() / "crawl.warc.gz", gzip(ferry_warc()));
    const Read r = read_paths({dir.path().string()});
    CHECK(r.bad.empty());
    CHECK(ids(r) == std::vector<std::string>{kFerries, kFerries});
    REQUIRE(!r.articles.empty());
    const Article& a = r.articles[0];
    CHECK(a.url == kFerries);
    CHECK(a.title == "Ferries return");
    CHECK(a.language == "en");
    CHECK(a.published == "2024-05-01T08:00:00Z");
    CHECK(a.body.find("Ferries return to the harbour.") != std::string::npos);
    CHECK(r.passed_over ==
          std::map<std::string, std::size_t>{{"warcinfo record", 1}, {"not HTML: image/png", 1}});
}

TEST_CASE("web reader: HTML files, plain and gzip-compressed, are one article each") {
    const TempDir dir;
    write_file(dir.path() / "ferries.html",
               news_page("Ferries return", "Ferries return to the harbour.", kFerries));
    write_file(dir.path() / "trams.htm.gz",
               gzip(news_page("Trams return", "Night trams run again on the ring road.")));
    const Read r = read_paths({dir.path().string()});
    CHECK(r.bad.empty());
    CHECK(ids(r) == std::vector<std::string>{kFerries, "trams.htm.gz"});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[1].title == "Trams return");
    CHECK(r.articles[1].url.empty());
}

TEST_CASE("web reader: a page without article text is a bad record of its WARC record") {
    const TempDir dir;
    const std::string empty = "<!DOCTYPE html><html><head><title>Menu</title></head></html>";
    write_file(dir.path() / "crawl.warc",
               warcinfo_record() + warc_record("resource", kFerries, "text/html", empty));
    const Read r = read_paths({(dir.path() / "crawl.warc").string()});
    CHECK(r.articles.empty());
    REQUIRE(r.bad.size() == 1);
    CHECK(r.bad[0].path == (dir.path() / "crawl.warc").generic_string());
    CHECK(r.bad[0].line == 0);
    CHECK(r.bad[0].reason.starts_with("record 2 (offset " +
                                      std::to_string(warcinfo_record().size()) + "): "));
}

TEST_CASE("web reader: standard input may hold a WARC stream or an HTML page") {
    const TempDir dir;
    SUBCASE("WARC, gzip-compressed") {
        const Read r = read_stdin(dir, gzip(ferry_warc()));
        CHECK(ids(r) == std::vector<std::string>{kFerries, kFerries});
        CHECK(r.passed_over.size() == 2);
    }
    SUBCASE("HTML after a byte order mark and white space") {
        const Read r = read_stdin(
            dir, "\xEF\xBB\xBF\n  " + news_page("Ferries return", "Ferries return.", kFerries));
        CHECK(ids(r) == std::vector<std::string>{kFerries});
    }
    SUBCASE("HTML in upper case, gzip-compressed") {
        const Read r = read_stdin(
            dir, gzip("<HTML><BODY><P>The night trams run again on the ring road from Friday, "
                      "the operator said in a statement on Tuesday.</P></BODY></HTML>"));
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].id.starts_with("hash:"));
    }
    SUBCASE("JSON Lines and plain text are read as before") {
        const Read lines = read_stdin(dir, gzip("{\"id\": \"a\", \"body\": \"Text.\", "
                                                "\"language\": \"de\"}\n"));
        REQUIRE(lines.articles.size() == 1);
        CHECK(lines.articles[0].language == "de");
        const Read text = read_stdin(dir, "Transport\n\nNight trams return\n\nThey run.\n");
        REQUIRE(text.articles.size() == 1);
        CHECK(text.articles[0].title == "Night trams return");
    }
}

TEST_CASE("web reader: the same page crawled twice is one article in the index") {
    const TempDir dir;
    write_file(dir.path() / "crawl.warc.gz", gzip(ferry_warc()));
    write_file(dir.path() / "ferries.html",
               news_page("Ferries return", "Ferries return to the harbour.", kFerries));
    newsq::Index index = newsq::Index::open(dir.path() / "index");
    const std::vector<std::string> paths = {(dir.path() / "crawl.warc.gz").string(),
                                            (dir.path() / "ferries.html").string()};
    const newsq::IngestReport report = newsq::ingest(index, paths);
    CHECK(report.skipped.empty());
    CHECK(report.added == 1);
    CHECK(report.updated == 2);
    CHECK(index.size() == 1);
    CHECK(report.passed_over.at("warcinfo record") == 1);
}
