// The HTML article extractor on the hand-written pages of tests/fixtures/html (a WordPress
// post with comments, a news page with JSON-LD and Open Graph, an AMP page, a blog with the date
// only in its URL, a live blog, a paywalled teaser) and on bad input: binary data, unknown
// charsets, empty and deeply nested pages, legacy charsets and byte order marks.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "analysis/paragraphs.hpp"
#include "html/charset.hpp"
#include "html/dom.hpp"
#include "html/metadata.hpp"
#include "html/page.hpp"

using newsq::detail::extract_page;
using newsq::detail::PageOrigin;
using newsq::detail::WebPage;

namespace {

std::string fixture(std::string_view name) {
    const std::filesystem::path path = std::filesystem::path(NEWSQ_HTML_FIXTURES) / name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot open " << path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

PageOrigin origin(std::string_view url, std::string_view content_type = "") {
    PageOrigin o;
    o.url = url;
    o.content_type = content_type;
    return o;
}

std::vector<std::string> paragraphs(const WebPage& page) {
    std::vector<std::string> out;
    for (const std::string_view p : newsq::detail::split_paragraphs(page.body)) {
        out.emplace_back(p);
    }
    return out;
}

/// The message extract_page throws for `html`, "" when it throws none.
std::string failure(std::string_view html, std::string_view content_type = "") {
    try {
        (void)extract_page(html, origin("", content_type));
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return {};
}

std::string simple_page(std::string_view head, std::string_view paragraph) {
    return "<html><head>" + std::string(head) + "</head><body><article><p>" +
           std::string(paragraph) + "</p></article></body></html>";
}

} // namespace

TEST_CASE("a WordPress post loses its comments, share bar, sidebar and caption") {
    const WebPage page = extract_page(fixture("wordpress.html"), origin("file.html"));
    CHECK(page.title == "Council Backs Longer Library Hours");
    CHECK(page.published == "2024-02-12T18:05:00+00:00");
    CHECK(page.author == "Ruth Okafor");
    CHECK(page.section == "Town Hall");
    CHECK(page.source == "The Millbrook Ledger");
    CHECK(page.url ==
          "https://millbrookledger.example/2024/02/12/council-backs-longer-library-hours/");
    CHECK(page.language == "en-US");
    const std::vector<std::string> expected{
        "The Millbrook town council voted six to one on Monday night to keep the public library "
        "open until nine o\u2019clock on weekdays, ending a two-year experiment with early "
        "closing.",
        "Councillor Dana Whitfield, who proposed the change, said the evening hours mattered most "
        "to students and to parents who work late shifts. \u201cA library that closes at five is "
        "a library for people with free afternoons,\u201d she said.",
        "Paying for the extra hours",
        "The longer schedule will cost about $48,000 a year, covered by a grant from the county "
        "and by moving one part-time post from the archive to the front desk.",
        "Weekday hours: 9 a.m. to 9 p.m.",
        "Saturday hours: 10 a.m. to 4 p.m.",
        "The only vote against came from Councillor Peter Vance, who asked for a review after six "
        "months."};
    CHECK(paragraphs(page) == expected);
}

TEST_CASE("a news page's JSON-LD outranks its Open Graph tags, and ads and boxes are dropped") {
    const WebPage page = extract_page(fixture("news.html"), origin(""));
    CHECK(page.title == "Harbour tunnel opens a year late and over budget");
    CHECK(page.published == "2023-10-03T07:30:00+01:00");
    CHECK(page.author == "Ingrid Salo, Tomas Berg");
    CHECK(page.section == "World");
    CHECK(page.source == "Northern Courier");
    CHECK(page.url ==
          "https://www.northerncourier.example/world/harbour-tunnel-opens-a-year-late-5521");
    CHECK(page.language == "en-GB");
    const std::vector<std::string> body = paragraphs(page);
    REQUIRE(body.size() == 4);
    CHECK(body[0].starts_with("The harbour tunnel linking the old town"));
    CHECK(body[1].starts_with("The first cars entered the tunnel"));
    CHECK(body[2].starts_with("Engineers blamed the delay"));
    CHECK(body[3] == "The city expects the tunnel to take about 20,000 vehicles a day off the "
                     "coastal road, which has been congested since the port expanded.");
}

TEST_CASE("an AMP page gives its canonical URL and skips its ads") {
    const WebPage page =
        extract_page(fixture("amp.html"), origin("https://m.diariodelvalle.example/amp/1"));
    CHECK(page.title == "Un tren nocturno vuelve a unir dos capitales");
    CHECK(page.published == "2022-05-20");
    CHECK(page.author == "Luc\u00eda Ferrer");
    CHECK(page.section.empty());
    CHECK(page.source == "Diario del Valle");
    CHECK(page.url == "https://diariodelvalle.example/viajes/tren-nocturno-vuelve");
    CHECK(page.language == "es");
    const std::vector<std::string> body = paragraphs(page);
    REQUIRE(body.size() == 3);
    CHECK(body[1] == "Los billetes costar\u00e1n desde 49 euros en asiento y desde 119 euros en "
                     "coche cama, seg\u00fan la compa\u00f1\u00eda ferroviaria.");
}

TEST_CASE("a page without metadata takes its date and host from its URL") {
    const std::string_view url = "https://blog.fernandbrick.example/2021/06/30/rooftop-garden/";
    const WebPage page = extract_page(fixture("url-date.html"), origin(url));
    CHECK(page.title == "Notes from a rooftop garden");
    CHECK(page.published == "2021-06-30");
    CHECK(page.author.empty());
    CHECK(page.section.empty());
    CHECK(page.source == "blog.fernandbrick.example");
    CHECK(page.url == url);
    CHECK(page.language.empty());
    const std::vector<std::string> body = paragraphs(page);
    REQUIRE(body.size() == 3); // three blocks separated by <br><br>, no footer
    CHECK(body[2] == "Next year I want to try beans along the railing, where they can climb "
                     "without shading the peppers.");
}

TEST_CASE("a live blog keeps every update, without times and share links") {
    const WebPage page = extract_page(fixture("live-blog.html"), origin(""));
    CHECK(page.title == "Live: Storm Mara reaches the coast");
    CHECK(page.published == "2025-01-14T06:00:00Z");
    CHECK(page.author == "Newsdesk");
    CHECK(page.section == "Weather");
    CHECK(page.source == "Coastline Radio News");
    CHECK(page.url == "https://news.coastline.example/live/storm-mara");
    CHECK(page.language == "en");
    const std::vector<std::string> body = paragraphs(page);
    REQUIRE(body.size() == 6);
    CHECK(body[0] == "Ferries cancelled for the rest of the day");
    CHECK(body[3].starts_with("About 1,200 homes lost power overnight"));
    CHECK(body[5].starts_with("Good morning. Storm Mara"));
}

TEST_CASE("a paywalled teaser gives its teaser, not the subscription prompt") {
    const WebPage page = extract_page(fixture("paywall.html"), origin(""));
    CHECK(page.title == "Les vignerons face \u00e0 la s\u00e9cheresse");
    CHECK(page.published == "2023-08-29T05:00:00+02:00");
    CHECK(page.author == "Claire Dumas");
    CHECK(page.section == "\u00c9conomie");
    CHECK(page.source == "La Gazette du Sud");
    CHECK(page.url == "https://gazettedusud.example/economie/vignerons-secheresse");
    CHECK(page.language == "fr");
    const std::vector<std::string> expected{
        "Dans la vall\u00e9e, les vendanges commencent avec trois semaines d\u2019avance et des "
        "grappes plus petites que jamais.",
        "Sur les coteaux, les vignes les plus jeunes ont souffert les premi\u00e8res : sans pluie "
        "depuis le mois de mai, leurs racines n\u2019atteignent pas l\u2019eau."};
    CHECK(paragraphs(page) == expected);
}

TEST_CASE("pages that are no article are refused with the reason") {
    CHECK(failure("") == "the page is empty");
    CHECK(failure(" \n\t ") == "the page is empty");
    CHECK(failure(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).find("binary") !=
          std::string::npos);
    CHECK(failure("\x1f\x8b\x08\x00\x00\x00\x00\x00").find("gzip") != std::string::npos);
    CHECK(failure(simple_page("<meta charset=\"klingon-8\">", "Some text here.")) ==
          "the page declares an unknown charset \"klingon-8\"");
    CHECK(failure("<p>Some text here.</p>", "text/html; charset=utf\\8") ==
          "the page declares an unknown charset \"utf\\8\"");
    CHECK(failure("<html><body><nav><a href=\"/\">Home</a></nav></body></html>") ==
          "the page has no article text");
}

TEST_CASE("deeply nested pages neither crash nor take long") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) {
        deep += "<div>";
    }
    deep += "A paragraph at the bottom of a very deep page.";
    CHECK(failure(deep).find("nests elements more than") != std::string::npos);

    std::string nested;
    for (std::size_t i = 0; i + 10 < newsq::detail::html::kMaxDepth; ++i) {
        nested += "<span>";
    }
    nested += "Text inside many spans, which the extractor walks without recursion.";
    CHECK(extract_page(nested, origin("")).body ==
          "Text inside many spans, which the extractor walks without recursion.");
    // Unclosed paragraphs and list items close themselves: no depth.
    std::string flat = "<body>";
    for (int i = 0; i < 20000; ++i) {
        flat += "<p>Line<li>item";
    }
    CHECK(newsq::detail::html::nesting_bound(flat) == 1);
    std::string icons = "<body><svg>";
    for (int i = 0; i < 20000; ++i) {
        icons += "<path d=\"M0 0\"/>";
    }
    CHECK(newsq::detail::html::nesting_bound(icons + "</svg></body>") == 2);
    // JSON-LD nests without bound inside one <script>.
    const std::string arrays(100000, '[');
    const std::string json_page = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                                  "\"author\":" +
                                  arrays + std::string(100000, ']') +
                                  "}</script><p>Deep JSON, shallow page.</p>";
    CHECK(extract_page(json_page, origin("")).body == "Deep JSON, shallow page.");
}

TEST_CASE("legacy charsets are converted to UTF-8") {
    const std::string cp1252 =
        simple_page("<meta charset=\"windows-1252\">", "\x93"
                                                       "Caf\xe9 prices rose 5\x80,\x94 he said.");
    CHECK(extract_page(cp1252, origin("")).body ==
          "\u201cCaf\u00e9 prices rose 5\u20ac,\u201d he said.");

    const std::string latin1 = simple_page("", "Die Stra\xdf"
                                               "e nach M\xfcnchen ist gesperrt.");
    CHECK(extract_page(latin1, origin("", "text/html; charset=ISO-8859-1")).body ==
          "Die Stra\u00dfe nach M\u00fcnchen ist gesperrt.");
    // Undeclared and not UTF-8: read as Windows-1252.
    CHECK(extract_page(latin1, origin("")).body ==
          "Die Stra\u00dfe nach M\u00fcnchen ist gesperrt.");
    // The Content-Type header outranks the page's <meta>.
    const std::string declared = simple_page("<meta http-equiv=\"Content-Type\" "
                                             "content=\"text/html; charset=iso-8859-1\">",
                                             "Gr\xc3\xbc\xc3\x9f Gott.");
    CHECK(extract_page(declared, origin("", "text/html; charset=utf-8")).body ==
          "Gr\u00fc\u00df Gott.");
    CHECK(extract_page(declared, origin("")).body == "Gr\u00c3\u00bc\u00c3\u0178 Gott.");
}

TEST_CASE("byte order marks decide the charset") {
    const std::string page =
        simple_page("<meta charset=\"windows-1252\">", "Na\xc3\xafve caf\xc3\xa9.");
    CHECK(extract_page("\xEF\xBB\xBF" + page, origin("")).body == "Na\u00efve caf\u00e9.");

    const std::string ascii = simple_page("", "A page in UTF-16.");
    std::string utf16 = "\xFF\xFE";
    for (const char c : ascii) {
        utf16 += c;
        utf16 += '\0';
    }
    CHECK(extract_page(utf16, origin("")).body == "A page in UTF-16.");
}

TEST_CASE("invalid UTF-8 becomes replacement characters") {
    const std::string page = simple_page("<meta charset=\"utf-8\">", "Broken \xff byte here.");
    CHECK(extract_page(page, origin("")).body == "Broken \uFFFD byte here.");
}

TEST_CASE("dates and hosts in URLs") {
    using newsq::detail::html::date_in_url;
    using newsq::detail::html::host_of;
    CHECK(date_in_url("https://a.example/2024/03/15/story") == "2024-03-15");
    CHECK(date_in_url("https://a.example/news/2024-03-15-story.html") == "2024-03-15");
    CHECK(date_in_url("https://a.example/news/20240315/story") == "2024-03-15");
    CHECK(date_in_url("https://a.example/2024/13/15/story").empty());
    CHECK(date_in_url("https://a.example/story-123456789").empty());
    CHECK(date_in_url("https://2024.example/").empty());
    CHECK(host_of("https://User@News.Example:8080/a?b") == "news.example");
    CHECK(host_of("/local/file.html").empty());
}

TEST_CASE("charset declarations") {
    using newsq::detail::html::charset_parameter;
    using newsq::detail::html::meta_charset;
    CHECK(charset_parameter("text/html; charset=\"Shift_JIS\"") == "shift_jis");
    CHECK(charset_parameter("text/html").empty());
    CHECK(meta_charset("<html><head><META CHARSET=KOI8-R>") == "koi8-r");
    CHECK(meta_charset("<meta http-equiv=Content-Type content='text/html; charset=gb2312'>") ==
          "gb2312");
    CHECK(meta_charset("<p>charset=utf-8</p>").empty());
}
