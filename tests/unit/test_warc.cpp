// The WARC record layer: records, HTTP payloads, gzip members, bad input and resynchronising.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "reader/http_response.hpp"
#include "reader/warc_reader.hpp"
#include "warc_writer.hpp"

using namespace newsq::test;
using newsq::detail::ByteStream;
using newsq::detail::WarcPage;

namespace {

const std::string kPage = "<!DOCTYPE html><html><body><p>Ferries run again.</p></body></html>";

// What read_warc gives for `data`, read `step` bytes at a time.
struct Found {
    std::vector<WarcPage> pages;
    std::vector<std::string> passed_over;
    std::vector<std::string> bad;
};

Found read(std::string data, std::size_t max = 1 << 20, std::size_t step = 7) {
    Found found;
    ByteStream in(string_source(std::move(data), step));
    newsq::detail::read_warc(
        in,
        {.page = [&](WarcPage&& p) { found.pages.push_back(std::move(p)); },
         .passed_over = [&](std::string_view r) { found.passed_over.emplace_back(r); },
         .bad = [&](std::string r) { found.bad.push_back(std::move(r)); }},
        max);
    return found;
}

std::string gzip_each(const std::vector<std::string>& records) {
    std::string out;
    for (const std::string& r : records) {
        out += gzip(r);
    }
    return out;
}

std::vector<std::string> uris(const Found& f) {
    std::vector<std::string> out;
    for (const WarcPage& p : f.pages) {
        out.push_back(p.target_uri);
    }
    return out;
}

} // namespace

TEST_CASE("warc: response and resource records give their HTML pages") {
    const std::string data =
        warcinfo_record() +
        response_record("https://a.example/1", http_response(200, "text/html", kPage)) +
        warc_record("resource", "https://a.example/2", "text/html; charset=utf-8", kPage, {},
                    "WARC/1.0");
    const Found f = read(data);
    CHECK(f.bad.empty());
    REQUIRE(f.pages.size() == 2);
    CHECK(f.pages[0].target_uri == "https://a.example/1");
    CHECK(f.pages[0].html == kPage);
    CHECK(f.pages[0].content_type == "text/html");
    CHECK(f.pages[0].date == "2024-05-02T10:00:00Z");
    CHECK(f.pages[0].where == "record 2 (offset " + std::to_string(warcinfo_record().size()) + ")");
    CHECK(f.pages[1].html == kPage);
    CHECK(f.pages[1].content_type == "text/html; charset=utf-8");
    CHECK(f.passed_over == std::vector<std::string>{"warcinfo record"});
}

TEST_CASE("warc: chunked transfer and gzip or deflate content codings are undone") {
    const std::string chunked_gzip =
        http_response(200, "text/html", chunked(gzip(kPage), 10),
                      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n");
    const std::string chunked_plain = http_response(200, "application/xhtml+xml", chunked(kPage, 3),
                                                    "transfer-encoding: Chunked\r\n");
    const std::string gzipped =
        http_response(200, "text/html", gzip(kPage), "Content-Encoding: x-gzip\r\n");
    const Found f = read(response_record("https://a.example/1", chunked_gzip) +
                         response_record("https://a.example/2", chunked_plain) +
                         response_record("https://a.example/3", gzipped));
    CHECK(f.bad.empty());
    REQUIRE(f.pages.size() == 3);
    for (const WarcPage& p : f.pages) {
        CHECK(p.html == kPage);
    }
}

TEST_CASE("warc: other record types, non-HTML payloads and non-2xx responses are counted") {
    const std::string data =
        warcinfo_record() +
        warc_record("request", "https://a.example/1", "application/http; msgtype=request",
                    "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n") +
        response_record("https://a.example/1", http_response(200, "text/html", kPage)) +
        warc_record("metadata", "https://a.example/1", "application/warc-fields", "via: x\r\n") +
        response_record("https://a.example/logo.png",
                        http_response(200, "image/png", std::string("\x89PNG\r\n\0\0", 8))) +
        response_record("https://a.example/gone", http_response(404, "text/html", kPage)) +
        warc_record("revisit", "https://a.example/1", "application/http", "") +
        warc_record("resource", "https://a.example/a.css", "text/css", "p { color: red }");
    const Found f = read(data);
    CHECK(f.bad.empty());
    CHECK(uris(f) == std::vector<std::string>{"https://a.example/1"});
    CHECK(f.passed_over == std::vector<std::string>{"warcinfo record", "request record",
                                                    "metadata record", "not HTML: image/png",
                                                    "HTTP status 404", "revisit record",
                                                    "not HTML: text/css"});
}

TEST_CASE("warc: gzip with a member per record, or the whole file as one member") {
    const std::vector<std::string> records = {
        warcinfo_record(),
        response_record("https://a.example/1", http_response(200, "text/html", kPage)),
        response_record("https://a.example/2", http_response(200, "text/html", kPage))};
    const Found each = read(gzip_each(records));
    CHECK(each.bad.empty());
    CHECK(uris(each) == std::vector<std::string>{"https://a.example/1", "https://a.example/2"});
    // A record starting a member is named by the member's offset in the file.
    const std::size_t second = gzip(records[0]).size();
    CHECK(each.pages[0].where == fmt::format("record 2 (offset {})", second));

    const Found whole = read(gzip(records[0] + records[1] + records[2]), 1 << 20, 4096);
    CHECK(whole.bad.empty());
    CHECK(uris(whole) == uris(each));
    CHECK(whole.pages[0].where == fmt::format("record 2 (offset {})", records[0].size()));
}

TEST_CASE("warc: a truncated gzip member is a bad record, the records before it are kept") {
    const std::string first =
        gzip(response_record("https://a.example/1", http_response(200, "text/html", kPage)));
    const std::string second =
        gzip(response_record("https://a.example/2", http_response(200, "text/html", kPage)));
    const Found f = read(first + second.substr(0, second.size() / 2));
    CHECK(uris(f) == std::vector<std::string>{"https://a.example/1"});
    REQUIRE(f.bad.size() == 1);
    CHECK(f.bad[0] == fmt::format("record 2 (offset {}): truncated gzip member (unexpected end "
                                  "of data)",
                                  first.size()));
}

TEST_CASE("warc: a damaged gzip member is skipped and reading goes on at the next one") {
    const std::string first =
        gzip(response_record("https://a.example/1", http_response(200, "text/html", kPage)));
    std::string damaged = first;
    for (std::size_t i = 20; i < damaged.size() - 8; ++i) {
        damaged[i] = static_cast<char>(0xff);
    }
    const std::string third =
        gzip(response_record("https://a.example/3", http_response(200, "text/html", kPage)));
    const Found f = read(first + damaged + third);
    CHECK(uris(f) == std::vector<std::string>{"https://a.example/1", "https://a.example/3"});
    REQUIRE(f.bad.size() == 1);
    CHECK(f.bad[0].starts_with(
        fmt::format("record 2 (offset {}): damaged gzip member", first.size())));
}

TEST_CASE("warc: a record whose Content-Length lies is bad, the next ones are read") {
    const std::string good =
        response_record("https://a.example/ok", http_response(200, "text/html", kPage));
    const std::string http = http_response(200, "text/html", kPage);
    SUBCASE("too short") {
        const std::string liar =
            warc_record("response", "https://a.example/lie", "application/http", http, 40);
        const Found f = read(good + liar + good);
        CHECK(uris(f) == std::vector<std::string>{"https://a.example/ok", "https://a.example/ok"});
        REQUIRE(f.bad.size() == 1);
        CHECK(f.bad[0] == fmt::format("record 2 (offset {}): Content-Length 40 is not where the "
                                      "block ends (no blank line after it)",
                                      good.size()));
    }
    SUBCASE("too long: the record it swallows is found again") {
        const std::string liar = warc_record("response", "https://a.example/lie",
                                             "application/http", http, http.size() + 100);
        const Found f = read(good + liar + good + good);
        CHECK(uris(f) == std::vector<std::string>{"https://a.example/ok", "https://a.example/ok",
                                                  "https://a.example/ok"});
        REQUIRE(f.bad.size() == 1);
        CHECK(f.bad[0].starts_with("record 2 (offset "));
    }
    SUBCASE("longer than the input") {
        const std::string liar =
            warc_record("response", "https://a.example/lie", "application/http", http, 1 << 16);
        const Found f = read(good + liar);
        CHECK(uris(f) == std::vector<std::string>{"https://a.example/ok"});
        REQUIRE(f.bad.size() == 1);
        CHECK(f.bad[0].find("Content-Length says 65536 bytes, but only") != std::string::npos);
    }
}

TEST_CASE("warc: a missing version line and garbage between records are bad records") {
    const std::string good =
        response_record("https://a.example/ok", http_response(200, "text/html", kPage));
    std::string headless =
        response_record("https://a.example/x", http_response(200, "text/html", kPage));
    headless.erase(0, headless.find("\r\n") + 2);
    const Found f = read(good + headless + good + "some garbage\r\nmore\r\n" + good);
    CHECK(uris(f) == std::vector<std::string>{"https://a.example/ok", "https://a.example/ok",
                                              "https://a.example/ok"});
    REQUIRE(f.bad.size() == 2);
    CHECK(f.bad[0] == fmt::format("record 2 (offset {}): no WARC/1.x version line where a "
                                  "record starts",
                                  good.size()));
    CHECK(f.bad[1].starts_with("record 4 (offset "));
    CHECK(f.bad[1].ends_with("no WARC/1.x version line where a record starts"));

    const Found not_warc = read("just some text\nand more\n");
    CHECK(not_warc.pages.empty());
    CHECK(not_warc.bad == std::vector<std::string>{
                              "record 1 (offset 0): no WARC/1.x version line: not a WARC file"});
}

TEST_CASE("warc: a record over the size limit is skipped without being read") {
    const std::string big_page = "<html><body><p>" + std::string(5000, 'x') + "</p></body></html>";
    const std::string big =
        response_record("https://a.example/big", http_response(200, "text/html", big_page));
    const std::string small =
        response_record("https://a.example/small", http_response(200, "text/html", kPage));
    const Found f = read(small + big + small, 2048);
    CHECK(uris(f) ==
          std::vector<std::string>{"https://a.example/small", "https://a.example/small"});
    REQUIRE(f.bad.size() == 1);
    CHECK(f.bad[0] ==
          fmt::format("record 2 (offset {}): record is {} bytes, over the limit of 2048 bytes",
                      small.size(), http_response(200, "text/html", big_page).size()));
}

TEST_CASE("warc: damaged HTTP payloads are bad records") {
    const Found f = read(
        response_record("https://a.example/1", http_response(200, "text/html", "not gzip at all",
                                                             "Content-Encoding: gzip\r\n")) +
        response_record("https://a.example/2",
                        http_response(200, "text/html", "abc", "Content-Encoding: br\r\n")) +
        warc_record("response", "https://a.example/3", "application/http", "no status line"));
    REQUIRE(f.bad.size() == 3);
    CHECK(f.bad[0].starts_with("record 1 (offset 0): damaged compressed payload"));
    CHECK(f.bad[1].ends_with(": unsupported Content-Encoding br"));
    CHECK(f.bad[2].ends_with(": a response record without an HTTP response"));
}

TEST_CASE("warc: streams are recognised by their first bytes") {
    using newsq::detail::looks_like_warc;
    CHECK(looks_like_warc("WARC/1.0\r\n"));
    CHECK(looks_like_warc(gzip(warcinfo_record()).substr(0, 64)));
    CHECK_FALSE(looks_like_warc("{\"id\": 1}"));
    CHECK_FALSE(looks_like_warc(gzip("{\"id\": 1}\n")));
    CHECK_FALSE(looks_like_warc(""));
}

TEST_CASE("warc: HTTP heads and media types") {
    using namespace newsq::detail;
    const auto head = parse_http_head("HTTP/1.0 301 Moved\r\nLocation: /x\r\nContent-Type: "
                                      "Text/HTML; charset=ISO-8859-1\r\n\r\nbody");
    REQUIRE(head.has_value());
    CHECK(head->status == 301);
    CHECK(media_type(head->content_type) == "text/html");
    CHECK(is_html_type(head->content_type));
    CHECK_FALSE(parse_http_head("GET / HTTP/1.1\r\n\r\n").has_value());
    CHECK_FALSE(is_html_type("text/plain"));
}
