// End-to-end cases: run the built newsindex and newsq on the files in tests/fixtures and check the
// exit status, standard output and standard error. Searches use the index that the CTest fixture
// e2e.build_index builds from tests/fixtures/articles; cases that write build their own index.
// Expected values are written from the fixture texts (see tests/fixtures/README.md).

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include "support.hpp"

namespace {

using namespace e2e;
namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kNewsindex = NEWSQ_NEWSINDEX;
const std::string kNewsq = NEWSQ_NEWSQ;
const std::string kIndex = NEWSQ_E2E_INDEX;
const std::string kBad = NEWSQ_FIXTURES "/bad";
const std::string kTruncated = NEWSQ_FIXTURES "/truncated";

// Ids of the articles in tests/fixtures/articles.
const std::string kTribunal = "hh-2022-0317-tribunal";    // "war crimes"; World
const std::string kCommittee = "cw-2023-0112-committee";  // "war crimes"; Politics
const std::string kAwkward = "hh-2022-0305-awkward";      // "war crimes"; World; awkward text
const std::string kExplainer = "hh-explainer-war-crimes"; // "war crimes"; World; undated
const std::string kGrain = "vl-2021-0602-grain";          // "crimes" … "war"; Business
const std::string kHearing = "cw-2022-0328-hearing";      // "crimes" … "war"; Politics
const std::string kSpun = "spun-tribunal.txt";            // "struggle crimes"; no header
const std::string kHarvest = "https://valleyledger.example/culture/2022/09/10/harvest-festival";
const std::string kPort = "vl-2022-0311-port";
const std::string kRegatta = "mt-2023-0704-regatta";
const std::string kTelescope = "mt-2021-1120-telescope";
// Quotes with named speakers (analysis-oslo.txt): Maria Lindqvist twice, Henrik Dahl once;
// Oslo, Norway, Sweden, Stockholm; undated; section Europe, source Nordic Post.
const std::string kOslo = "np-oslo-grain-corridor";
const std::string kCorridorQuote = "The corridor must stay open through the cold months,";
const std::string kShipsQuote = "We will not let the ships wait in port,";
const std::string kPermitsQuote = "Shipping permits are the real obstacle,";

// The awkward article's title, spelt with C++ escapes where wire.jsonl uses JSON ones.
const std::string kAwkwardTitle = "Witness says \"they knew\" \u2014 C:\\Archive\\2022\\ \t "
                                  "\U0001F54A\uFE0F \u05E2\u05D3\u05D5\u05EA \x01\x1F\x1B[2J "
                                  "</script><script>alert(1)</script>";

// newsq on the shared fixture index.
Result search(std::vector<std::string> args) {
    REQUIRE_MESSAGE(fs::exists(kIndex), "no index at ", kIndex,
                    ": run through ctest, whose e2e.build_index fixture builds it");
    args.insert(args.end(), {"--index", kIndex});
    return newsq(std::move(args));
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return lines;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        out += out.empty() ? "" : " ";
        out += w;
    }
    return out;
}

// Ids in a canonical order, for comparing result sets.
std::string id_set(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return joined(ids);
}

// The ids of every match of a search on the shared index, as an id_set.
std::string ids_found(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "ids", "--limit", "all"});
    const Result r = search(std::move(args));
    CHECK(r.err.empty());
    return id_set(lines_of(r.out));
}

std::vector<std::string> hit_ids(const Json& doc) {
    std::vector<std::string> ids;
    for (const Json& hit : doc.at("hits")) {
        ids.push_back(hit.at("id").get<std::string>());
    }
    return ids;
}

// The only hit of a --json search.
Json only_hit(const Result& r) {
    REQUIRE(r.status == 0);
    const Json doc = Json::parse(r.out);
    REQUIRE(doc.at("hits").size() == 1);
    return doc["hits"][0];
}

// Code points [begin, end) of UTF-8 `text`, ASCII letters lower-cased.
std::string folded_slice(std::string_view text, std::size_t begin, std::size_t end) {
    std::string out;
    std::size_t point = 0; // 1 + index of the code point the current byte belongs to
    for (const char c : text) {
        point += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (point > begin && point <= end) {
            out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return out;
}

} // namespace

TEST_CASE("a quoted phrase matches only articles with the exact phrase") {
    CHECK(ids_found({"\"war crimes\""}) == id_set({kTribunal, kCommittee, kAwkward, kExplainer}));
    CHECK(ids_found({"\"struggle crimes\""}) == kSpun);
}

TEST_CASE("unquoted words match wherever they are") {
    CHECK(ids_found({"war", "crimes"}) ==
          id_set({kTribunal, kCommittee, kAwkward, kExplainer, kGrain, kHearing}));
}

TEST_CASE("newsq --help lists the query fields with their names and descriptions") {
    const Result help = newsq({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("\n  org, organization     organisation named in the article\n") !=
          std::string::npos);
    CHECK(help.out.find("\n  speaker               speaker of a quotation\n") != std::string::npos);
}

TEST_CASE("query operators and fields") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"title:market", kHarvest},
        {"headline:market", kHarvest},
        {"market", id_set({kHarvest, kPort})},
        {"title:\"war crime\"", kExplainer},
        {"author:okafor", id_set({kCommittee, kHearing})},
        {"host:metrotimes.example", id_set({kRegatta, kTelescope})},
        {"id:" + kHarvest, kHarvest},
        {"crimes -war", kSpun},
        {"crimes NOT war", kSpun},
        {"war XOR crimes", kSpun},
        {"tribunal OR regatta", id_set({kTribunal, kRegatta})},
        {"(tribunal OR regatta) date:2023", kRegatta},
        {"regat*", kRegatta},
    };
    for (const auto& [query, expected] : cases) {
        INFO(query);
        CHECK(ids_found({query}) == expected);
    }
}

TEST_CASE("section and source filters, in the query and as options") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"section:world"}, id_set({kTribunal, kAwkward, kExplainer})},
        {{"section:POLITICS"}, id_set({kCommittee, kHearing})},
        {{"section:world", "section:sport"}, id_set({kTribunal, kAwkward, kExplainer, kRegatta})},
        {{"--section", "Business"}, id_set({kGrain, kPort})},
        {{"--section", "world", "--section", "Sport"},
         id_set({kTribunal, kAwkward, kExplainer, kRegatta})},
        {{"source:\"Harbor Herald\""}, id_set({kTribunal, kAwkward, kExplainer})},
        {{"--source", "valley ledger"}, id_set({kGrain, kHarvest, kPort})},
        {{"\"war crimes\" section:world"}, id_set({kTribunal, kAwkward, kExplainer})},
        {{"war", "crimes", "--section", "Politics"}, id_set({kCommittee, kHearing})},
        {{"--section", "Politics", "--source", "Harbor Herald"}, ""},
    };
    for (const auto& [args, expected] : cases) {
        INFO(joined(args));
        CHECK(ids_found(args) == expected);
    }
}

TEST_CASE("date ranges, in the query and as options") {
    const std::string dated = id_set(
        {kGrain, kTelescope, kAwkward, kPort, kTribunal, kHearing, kHarvest, kCommittee, kRegatta});
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"date:2022-03"}, id_set({kAwkward, kPort, kTribunal, kHearing})},
        {{"date:2022-03-01..2022-03-15"}, id_set({kAwkward, kPort})},
        {{"date:2022"}, id_set({kAwkward, kPort, kTribunal, kHearing, kHarvest})},
        {{"published:2023"}, id_set({kCommittee, kRegatta})},
        {{"date:..2021-12-31"}, id_set({kGrain, kTelescope})},
        {{"date:2023-01-01.."}, id_set({kCommittee, kRegatta})},
        {{"date:100y.."}, dated},
        {{"date:3m.."}, ""},
        {{"date:today.."}, ""},
        {{"war", "crimes", "date:2022"}, id_set({kTribunal, kAwkward, kHearing})},
        {{"--since", "2022-03-10", "--until", "2022-03-20"}, id_set({kPort, kTribunal})},
        {{"--since", "2023"}, id_set({kCommittee, kRegatta})},
        {{"--until", "2021"}, id_set({kGrain, kTelescope})},
        {{"--since", "100y"}, dated},
        {{"--since", "7d"}, ""},
    };
    for (const auto& [args, expected] : cases) {
        INFO(joined(args));
        CHECK(ids_found(args) == expected);
    }
}

TEST_CASE("--sort date lists the newest first and undated articles last") {
    const Result r = search({"\"war crimes\"", "--sort", "date", "--format", "ids"});
    CHECK(r.status == 0);
    CHECK(joined(lines_of(r.out)) == joined({kCommittee, kTribunal, kAwkward, kExplainer}));
}

TEST_CASE("--limit and --offset page through the results") {
    const auto page = [](std::string format) {
        return search({"date:100y..", "--sort", "date", "--limit", "3", "--offset", "2", "--format",
                       std::move(format)});
    };
    const Json doc = Json::parse(page("json").out);
    CHECK(doc["offset"] == 2);
    CHECK(joined(hit_ids(doc)) == joined({kHarvest, kHearing, kTribunal}));
    REQUIRE(doc["hits"].size() == 3);
    CHECK(doc["hits"][0]["rank"] == 3);
    CHECK(doc["hits"][2]["rank"] == 5);
    CHECK(joined(lines_of(page("ids").out)) == joined({kHarvest, kHearing, kTribunal}));
}

TEST_CASE("--limit all returns every match and the default is 10") {
    // An empty query matches all 12 fixture articles.
    CHECK(lines_of(search({"--limit", "all", "--all", "--format", "ids"}).out).size() == 12);
    CHECK(Json::parse(search({"--limit", "all", "--all", "--json"}).out)["hits"].size() == 12);
    CHECK(Json::parse(search({"--json"}).out)["hits"].size() == 10);
}

TEST_CASE("--format jsonl prints one JSON object per hit") {
    const Result r = search({"\"war crimes\"", "--format", "jsonl"});
    CHECK(r.status == 0);
    std::vector<std::string> ids;
    for (const std::string& line : lines_of(r.out)) {
        const Json hit = Json::parse(line);
        CHECK(hit["snippet"].is_string());
        ids.push_back(hit["id"].get<std::string>());
    }
    CHECK(id_set(ids) == id_set({kTribunal, kCommittee, kAwkward, kExplainer}));
}

TEST_CASE("--format csv quotes a headline with a comma and double quotes") {
    const Result r = search({"id:" + kPort, "--format", "csv"});
    CHECK(r.status == 0);
    CHECK(r.out.starts_with("rank,id,date,section,source,title,url,score\r\n"
                            "1,vl-2022-0311-port,2022-03-11,Business,Valley Ledger,"
                            "\"Port strike ends, \"\"for now,\"\" union says\","
                            "https://valleyledger.example/business/2022/03/11/port-strike,"));
    CHECK(r.out.ends_with("\r\n"));
    CHECK(lines_of(r.out).size() == 2);
}

TEST_CASE("text output shows the headline, date, section, source, id and a snippet") {
    const std::vector<std::string> lines = lines_of(search({"id:" + kCommittee}).out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "  1. Committee backs funding for evidence archive");
    CHECK(lines[1] == "     2023-01-12 · Politics · Capitol Wire · cw-2023-0112-committee");
    CHECK(lines[2].starts_with("     A parliamentary committee voted eleven to four"));
    CHECK(lines[3].empty());
    CHECK(lines[4] == "1 result (showing 1–1)");
}

TEST_CASE("--json gives the versioned document") {
    const Result r = search({"\"war crimes\"", "--json"});
    CHECK(r.status == 0);
    const Json doc = Json::parse(r.out);
    CHECK(doc["format_version"] == 1);
    CHECK(doc["query"] == "\"war crimes\"");
    CHECK(doc["parsed"].is_string());
    CHECK(doc["total_estimate"] == 4);
    CHECK(doc["total_exact"] == true);
    CHECK(doc["offset"] == 0);
    REQUIRE(doc["hits"].size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        const Json& hit = doc["hits"][i];
        CHECK(hit["rank"] == i + 1);
        for (const char* key : {"id", "title", "url", "section", "source", "author", "date",
                                "score", "snippet", "highlights"}) {
            CHECK_MESSAGE(hit.contains(key), "hit ", i, " has no ", key);
        }
    }
}

TEST_CASE("--json carries the article's metadata, the date normalised to UTC") {
    const Json hit = only_hit(search({"id:" + kHearing, "--json"}));
    CHECK(hit["title"] == "Hearing on veterans' pensions runs late");
    CHECK(hit["url"] == "https://capitolwire.example/politics/2022/03/28/pensions-hearing");
    CHECK(hit["section"] == "Politics");
    CHECK(hit["source"] == "Capitol Wire");
    CHECK(hit["author"] == "Dana Okafor");
    CHECK(hit["date"] == "2022-03-28T18:00:00Z");
}

TEST_CASE("--json round-trips a title full of quotes, escapes, emoji and right-to-left text") {
    const Json hit = only_hit(search({"id:" + kAwkward, "--json"}));
    CHECK(hit["title"].get<std::string>() == kAwkwardTitle);
    CHECK(hit["author"] == "Noa Ben-Ami");
}

TEST_CASE("highlights of a phrase query cover the phrase and nothing else") {
    const Json doc = Json::parse(search({"\"war crimes\"", "--json"}).out);
    REQUIRE(doc["hits"].size() == 4);
    for (const Json& hit : doc["hits"]) {
        const std::string snippet = hit["snippet"];
        INFO(snippet);
        CHECK(!hit["highlights"].empty());
        for (const Json& range : hit["highlights"]) {
            CHECK(folded_slice(snippet, range[0], range[1]) == "war crimes");
        }
        if (hit["id"] == kTribunal) {
            CHECK(contains(snippet, "fled the war told")); // a lone "war", not highlighted
        }
    }
}

TEST_CASE("a match in the first sentence gives a snippet from the start of the text") {
    // The text begins the sentence that holds the match, 46 bytes before it.
    const Json hit = only_hit(search({"\"war crimes\"", "id:" + kExplainer, "--json"}));
    CHECK(hit["snippet"].get<std::string>().starts_with(
        "Under international law, lawyers use the term war crimes"));
}

TEST_CASE("--color always bolds the match and piped output has no escapes") {
    const Result bold = search({"\"war crimes\"", "source:\"Capitol Wire\"", "--color", "always"});
    CHECK(bold.status == 0);
    CHECK(contains(bold.out, "\x1B[1mwar crimes\x1B[0m"));

    const Result piped = search({"\"war crimes\"", "source:\"Capitol Wire\""});
    CHECK(piped.status == 0);
    CHECK(contains(piped.out, " war crimes "));
    CHECK(!contains(piped.out, "\x1B"));
}

TEST_CASE("text output does not pass control characters from articles to the terminal") {
    // Articles are untrusted input: the awkward title holds ESC [2J (clear the screen).
    const Result r = search({"id:" + kAwkward, "--color", "never"});
    CHECK(r.status == 0);
    const auto control = std::find_if(r.out.begin(), r.out.end(), [](unsigned char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
    });
    CHECK_MESSAGE(control == r.out.end(), "control character at byte ", control - r.out.begin(),
                  " of:\n", r.out);
}

TEST_CASE("a text article without section or headline keeps its first paragraph in the body") {
    const Json hit = only_hit(search({"id:" + kSpun, "--json"}));
    CHECK(hit["title"] == "");
    CHECK(hit["section"] == "");
    CHECK(hit["snippet"].get<std::string>().starts_with(
        "Prosecutors at a global court said on Thursday"));
}

TEST_CASE("no results: exit 1 in every format") {
    for (const char* format : {"text", "json", "jsonl", "csv", "ids"}) {
        INFO(format);
        const Result r = search({"zeppelin", "--format", format});
        CHECK(r.status == 1);
        CHECK(r.err.empty());
    }
    CHECK(Json::parse(search({"zeppelin", "--json"}).out)["hits"].empty());
}

TEST_CASE("a malformed query exits 2 naming the problem and its position") {
    struct Case {
        std::string query;
        std::string problem;
        int position;
    };
    const std::vector<Case> cases = {
        {"\"war crimes", "unclosed quote", 1},
        {"(war OR crimes", "unclosed parenthesis", 1},
        {"war crimes)", "unmatched closing parenthesis", 11},
        {"war AND", "AND without a right-hand side", 5},
        {"OR war", "OR without a left-hand side", 1},
        {"war NEAR/x crimes", "NEAR takes a distance", 5},
        {"bogus:thing", "unknown field \"bogus\"", 1},
        {"title:", "has no value", 1},
        {"war date:2022-13", "bad date \"2022-13\"", 10},
        {"war date:2022-02-30", "bad date \"2022-02-30\"", 10},
        // The position is that of the bad value in the query as typed: not an earlier word
        // with the same text, not a place in the query as rewritten for "a b"~N.
        {"2022-13 date:2022-13", "bad date \"2022-13\"", 14},
        {"\"a b c d\"~2 date:2022-13", "bad date \"2022-13\"", 18},
        // A bad value in a signed field once crashed newsq (a double free in the parser).
        {"-date:2022-02-30", "bad date \"2022-02-30\"", 7},
        {"+date:9999-99-99", "bad date \"9999-99-99\"", 7},
        {"-date:2022-13-01", "bad date \"2022-13-01\"", 7},
        {"+date:9999-99-99id:", "bad date \"9999-99-99id:\"", 7},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        const Result r = newsq({"--index", kIndex, "--", c.query});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(contains(r.err, c.problem));
        CHECK(contains(r.err, "query position " + std::to_string(c.position) + ")"));
    }
}

TEST_CASE("bad option values exit 2") {
    const std::vector<std::vector<std::string>> cases = {
        {"war", "--since", "2022-13-01"},
        {"war", "--until", "soon"},
        {"war", "--sort", "size"},
        {"war", "--limit", "ten"},
        {"war", "--format", "xml"},
        {"war", "--color", "sometimes"},
        {"war", "--timeline", "fortnight"},
        {"war", "--facets-limit", "0"},
        // Facets and timelines come with a result page, not with an export.
        {"war", "--facets", "--format", "csv"},
        {"war", "--timeline", "month", "--format", "ids"},
    };
    for (const auto& args : cases) {
        INFO(joined(args));
        const Result r = search(args);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(!r.err.empty());
    }
}

TEST_CASE("a missing index exits 3 and says how to build one") {
    const TempDir dir;
    fs::create_directory(dir / "empty");
    for (const std::string& index : {dir / "missing", dir / "empty"}) {
        INFO(index);
        const Result r = newsq({"war", "--index", index});
        CHECK(r.status == 3);
        CHECK(contains(r.err, index));
        CHECK(contains(r.err, "newsindex add"));
    }
}

TEST_CASE("NEWSQ_INDEX names the index when --index is not given") {
    CHECK(newsq({"tribunal", "--format", "ids"}, {{"NEWSQ_INDEX", kIndex}}).out ==
          kTribunal + "\n");
    CHECK(newsq({"tribunal", "--index", kIndex}, {{"NEWSQ_INDEX", "/nonexistent"}}).status == 0);

    const TempDir dir;
    const Env env = {{"NEWSQ_INDEX", dir / "index"}};
    CHECK(newsindex({"add", kArticles + "/grain.txt"}, {}, env).status == 0);
    CHECK(newsq({"grain", "--format", "ids", "--index", dir / "index"}).out == kGrain + "\n");
}

TEST_CASE("without --index or NEWSQ_INDEX the index is under XDG_DATA_HOME, else HOME") {
    const TempDir dir;
    const std::vector<std::pair<Env, std::string>> cases = {
        {{{"NEWSQ_INDEX", std::nullopt}, {"XDG_DATA_HOME", dir / "data"}, {"HOME", dir / "a"}},
         dir / "data/newsq/index"},
        {{{"NEWSQ_INDEX", std::nullopt}, {"XDG_DATA_HOME", std::nullopt}, {"HOME", dir / "b"}},
         dir / "b/.local/share/newsq/index"},
    };
    for (const auto& [env, index] : cases) {
        INFO(index);
        CHECK(newsindex({"add", kArticles + "/grain.txt"}, {}, env).status == 0);
        CHECK(newsq({"grain", "--format", "ids"}, env).out == kGrain + "\n");
        CHECK(newsq({"grain", "--format", "ids", "--index", index}).out == kGrain + "\n");
    }
}

TEST_CASE("adding the same files again replaces every article") {
    const TempDir dir;
    const std::string index = dir / "index";
    const Result first = newsindex({"add", kArticles, "--index", index});
    CHECK(first.status == 0);
    CHECK(first.err.empty());
    CHECK(first.out.starts_with("indexed \"" + index +
                                "\": 12 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped in "));

    const Result again = newsindex({"add", kArticles, "--index", index});
    CHECK(again.status == 0);
    CHECK(contains(again.out, ": 0 added, 12 updated, 0 unchanged, 0 deleted, 0 skipped "));
    CHECK(lines_of(newsq({"--index", index, "--limit", "all", "--all", "--format", "ids"}).out)
              .size() == 12);
}

TEST_CASE("bad input is reported as path:line: reason and skipped while good input is kept") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles + "/tribunal.txt", "--index", index}).status == 0);

    const Result r = newsindex({"add", kBad, "--index", index});
    CHECK(r.status == 1);
    CHECK(contains(r.out, ": 6 added, 0 updated, 0 unchanged, 0 deleted, 12 skipped "));
    // Sorted by path; no line number when the problem is the whole file.
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"bad-date.txt:2: ", "unrecognised date \"March 17th, 2022\""},
        {"binary.txt:2: ", "NUL"},
        {"blank.txt: ", "empty article"},
        {"corrupt.jsonl.gz:1: ", "cannot read"},
        {"empty.txt: ", "empty article"},
        {"invalid-utf8.jsonl:2: ", "invalid UTF-8 at column 38"},
        {"invalid-utf8.txt:6: ", "invalid UTF-8 at column 8"},
        {"records.jsonl:2: ", "malformed JSON"},
        {"records.jsonl:3: ", "field \"title\" must be a string, not number"},
        {"records.jsonl:5: ", "no \"body\""},
        {"records.jsonl:6: ", "unrecognised date \"17/03/2022\""},
        {"records.jsonl:8: ", "expected a JSON object"},
    };
    std::vector<std::string> reported = lines_of(r.err);
    std::sort(reported.begin(), reported.end());
    REQUIRE(reported.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& [where, reason] = expected[i];
        INFO(reported[i]);
        CHECK(reported[i].starts_with(kBad + "/" + where));
        CHECK(contains(reported[i], reason));
    }
    // The good records and files, and the article indexed before; not .hidden.txt nor notes.md.
    CHECK(id_set(lines_of(
              newsq({"--index", index, "--limit", "all", "--all", "--format", "ids"}).out)) ==
          id_set({kTribunal, "bad-dir-ferry", "bad-dir-library", "bad-dir-bakery",
                  "bad-dir-lanterns", "bad-dir-gz-tram", "bad-dir-gz-bridge"}));
}

TEST_CASE("a gzip file cut short is reported and the records before the cut are kept") {
    const TempDir dir;
    const Result r = newsindex({"add", kTruncated, "--index", dir / "index"});
    CHECK(r.status == 1);
    CHECK(r.err.starts_with(kTruncated + "/cut.jsonl.gz:3: "));
    CHECK(id_set(lines_of(newsq({"--index", dir / "index", "--format", "ids"}).out)) ==
          id_set({"cut-1", "cut-2"}));
}

TEST_CASE("newsindex: bad usage exits 2 and a missing path is a bad record") {
    const TempDir dir;
    const std::vector<std::vector<std::string>> usage = {
        {}, {"add"}, {"frobnicate"}, {"add", kArticles, "--index", dir / "index", "--batch", "0"}};
    for (const auto& args : usage) {
        INFO(joined(args));
        CHECK(newsindex(args).status == 2);
    }
    const std::string missing = dir / "missing.txt";
    const Result r = newsindex({"add", missing, "--index", dir / "index"});
    CHECK(r.status == 1);
    CHECK(r.err.starts_with(missing + ": cannot read: "));
}

TEST_CASE("standard input: JSON Lines") {
    const TempDir dir;
    const std::string index = dir / "index";
    const Result r = newsindex({"add", "-", "--index", index},
                               "{\"id\": \"stdin-buses\", \"title\": \"Night buses return\", "
                               "\"body\": \"Night buses run on the ring road from Friday.\"}\n"
                               "{\"id\": \"stdin-broken\", \"body\":\n");
    CHECK(r.status == 1);
    CHECK(r.err.starts_with("-:2: malformed JSON"));
    CHECK(contains(r.out, ": 1 added, 0 updated, 0 unchanged, 0 deleted, 1 skipped "));
    CHECK(newsq({"buses", "--index", index, "--format", "ids"}).out == "stdin-buses\n");
}

TEST_CASE("standard input: one plain-text article, with an id made from its content") {
    const TempDir dir;
    const std::string index = dir / "index";
    const Result r = newsindex({"add", "-", "--index", index},
                               "Transport\n\nNight trams return to the ring road\n\n"
                               "Night trams will run on the ring road from Friday, the operator "
                               "said.\n");
    CHECK(r.status == 0);
    const Json hit = only_hit(newsq({"trams", "--index", index, "--json"}));
    CHECK(hit["section"] == "Transport");
    CHECK(hit["title"] == "Night trams return to the ring road");
    const std::string id = hit["id"];
    CHECK(id.starts_with("hash:"));
    CHECK(id.size() == 5 + 32);
    CHECK(id.find_first_not_of("0123456789abcdef", 5) == std::string::npos);
}

TEST_CASE("standard input may be gzip-compressed JSON Lines") {
    const TempDir dir;
    const std::string index = dir / "index";
    std::ifstream in(kBad + "/good.jsonl.gz", std::ios::binary);
    const std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Result r = newsindex({"add", "-", "--index", index}, gz);
    CHECK(r.status == 0);
    CHECK(contains(r.out, ": 2 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped "));
}

// A WARC record; `length`, when given, is the Content-Length it claims instead of the true one.
std::string warc_record(std::string_view type, std::string_view uri, std::string_view content_type,
                        std::string_view block, std::optional<std::size_t> length = {}) {
    std::string record = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\n";
    if (!uri.empty()) {
        record += "WARC-Target-URI: " + std::string(uri) + "\r\n";
    }
    record += "WARC-Date: 2024-05-02T10:00:00Z\r\nContent-Type: " + std::string(content_type) +
              "\r\nContent-Length: " + std::to_string(length.value_or(block.size())) + "\r\n\r\n";
    return record + std::string(block) + "\r\n\r\n";
}

TEST_CASE("a WARC file: its pages are found by canonical URL, other records are counted") {
    const TempDir dir;
    const std::string url = "https://harbour.example/news/ferries";
    const std::string page =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Ferries return to the harbour</title>"
        "<link rel=\"canonical\" href=\"" +
        url +
        "\"></head><body><article><h1>Ferries return to the harbour</h1><p>The ferries "
        "return to the harbour on Monday after the council voted for the new timetable, the "
        "port authority said.</p><p>Residents welcomed the decision, which follows two years "
        "of talks with local businesses and the ferry operators.</p></article></body></html>";
    const std::string http =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
    const std::string warc =
        warc_record("warcinfo", "", "application/warc-fields", "software: newsq tests\r\n") +
        warc_record("request", url, "application/http; msgtype=request",
                    "GET /news/ferries HTTP/1.1\r\nHost: harbour.example\r\n\r\n") +
        warc_record("response", url + "?from=feed", "application/http; msgtype=response", http) +
        warc_record("resource", "https://harbour.example/lie", "text/html", page, 10) +
        warc_record("response", url, "application/http; msgtype=response", http);
    const std::string file = dir / "crawl.warc";
    std::ofstream(file, std::ios::binary) << warc;

    const std::string index = dir / "index";
    const Result r = newsindex({"add", file, "--index", index});
    CHECK(r.status == 1);
    CHECK(contains(r.err, file + ": record 4 (offset "));
    CHECK(contains(r.out, ": 1 added, 1 updated, 0 unchanged, 0 deleted, 1 skipped "));
    CHECK(contains(r.out, "passed over 2 records that hold no article:\n"));
    CHECK(contains(r.out, "  1 request record\n"));
    CHECK(newsq({"ferries", "--index", index, "--format", "ids"}).out == url + "\n");
    const Json shown = Json::parse(newsq({"show", url, "--index", index, "--json"}).out);
    CHECK(shown["language"] == "en");
    CHECK(shown["url"] == url);
    const Json found = Json::parse(newsq({"ferries", "--index", index, "--json"}).out);
    CHECK(found["hits"][0]["language"] == "en");

    const Result again = newsindex({"update", file, "--index", index});
    CHECK(contains(again.out, ": 0 added, 0 updated, 2 unchanged, 0 deleted, 1 skipped "));

    const Result piped = newsindex({"add", "-", "--index", dir / "piped"}, warc);
    CHECK(piped.status == 1);
    CHECK(contains(piped.err, "-: record 4 (offset "));
    CHECK(newsq({"ferries", "--index", dir / "piped", "--format", "ids"}).out == url + "\n");
}

TEST_CASE("analyze --json --body prints what extraction found in a web page") {
    const Result r = newsindex({"analyze", "--json", "--body", NEWSQ_FIXTURES "/html/news.html"});
    REQUIRE(r.status == 0);
    const Json page = Json::parse(r.out);
    const std::string url =
        "https://www.northerncourier.example/world/harbour-tunnel-opens-a-year-late-5521";
    CHECK(page["id"] == url);
    CHECK(page["url"] == url);
    CHECK(page["title"] == "Harbour tunnel opens a year late and over budget");
    CHECK(page["published"] == "2023-10-03T06:30:00Z");
    CHECK(page["author"] == "Ingrid Salo, Tomas Berg");
    CHECK(page["section"] == "World");
    CHECK(page["source"] == "Northern Courier");
    CHECK(page["language"] == "en"); // declared en-GB, stored as its code
    CHECK(page["body"].get<std::string>().starts_with(
        "The harbour tunnel linking the old town with the container port opened"));
    CHECK(page["entities"].is_array());
}

TEST_CASE("articles over --max-article-kib are reported and skipped, the others kept") {
    const TempDir dir;
    const std::string index = dir / "index";
    const std::string body(2000, 'x');
    const Result lines = newsindex({"add", "-", "--index", index, "--max-article-kib", "1"},
                                   "{\"id\": \"big\", \"body\": \"" + body + "\"}\n" +
                                       "{\"id\": \"small\", \"body\": \"Small body.\"}\n");
    CHECK(lines.status == 1);
    CHECK(lines.err == "-:1: line is over the limit of 1024 bytes\n");
    CHECK(contains(lines.out, ": 1 added, 0 updated, 0 unchanged, 0 deleted, 1 skipped "));

    const Result text = newsindex({"add", "-", "--index", index, "--max-article-kib", "1"},
                                  "Headline here\n\n" + body + "\n");
    CHECK(text.status == 1);
    CHECK(text.err == "-: article is over the limit of 1024 bytes\n");
}

TEST_CASE("a second writer exits 4 while the index is locked, and readers still work") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles, "--index", index}).status == 0);
    // Holding Xapian's write lock here stands for another newsindex run in progress.
    Xapian::WritableDatabase writer(index, Xapian::DB_OPEN);
    const Result r = newsindex({"add", kArticles, "--index", index});
    CHECK(r.status == 4);
    CHECK(contains(r.err, "is locked by another writer"));
    CHECK(newsq({"\"war crimes\"", "--index", index, "--format", "ids"}).status == 0);
}

// --- The analysis on the query side: quotes, entities, show, quotes, facets, timeline. ---

namespace {

// Whether `list` (a JSON array of objects) has an element with these members.
bool has_element(const Json& list, const Json& members) {
    return std::any_of(list.begin(), list.end(), [&](const Json& e) {
        return std::all_of(members.items().begin(), members.items().end(),
                           [&](const auto& m) { return e.value(m.key(), Json()) == m.value(); });
    });
}

std::vector<std::string> texts_of(const Json& quotes) {
    std::vector<std::string> texts;
    for (const Json& q : quotes) {
        texts.push_back(q.at("text").get<std::string>());
    }
    return texts;
}

// The value → count pairs of one facet of a --facets --json document.
std::vector<std::pair<std::string, int>> facet_of(const Json& doc, const std::string& name) {
    std::vector<std::pair<std::string, int>> out;
    for (const Json& v : doc.at("facets").at(name)) {
        out.emplace_back(v.at("value").get<std::string>(), v.at("count").get<int>());
    }
    return out;
}

// Code points in UTF-8 `text`.
std::size_t width_of(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace

TEST_CASE("names fields filter by surname or quoted full name, quote: searches quote text") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"person:lindqvist", kOslo},
        {"person:\"Maria Lindqvist\"", kOslo},
        {"person:\"maria LINDQVIST\"", kOslo},
        {"person:\"Henrik Lindqvist\"", ""},
        {"speaker:dahl", kOslo},
        {"speaker:\"Henrik Dahl\"", kOslo},
        {"place:oslo place:norway", kOslo},
        {"entity:oslo", kOslo},
        {"quote:corridor", kOslo},
        {"quote:\"ships wait\"", kOslo},
        // In the headline and body, never inside a quote.
        {"quote:\"grain corridor\"", ""},
        // Two quotes stand side by side: no phrase across them.
        {"quote:\"months we\"", ""},
    };
    for (const auto& [query, expected] : cases) {
        INFO(query);
        CHECK(ids_found({query}) == expected);
    }
}

TEST_CASE("text output shows a hit's matching quotes with their speakers, and only those") {
    const Result r = search({"permits"});
    CHECK(r.status == 0);
    const std::vector<std::string> lines = lines_of(r.out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == "  1. Ministers meet in Oslo over grain corridor");
    CHECK(lines[1] == "     Europe · Nordic Post · " + kOslo);
    CHECK(lines[3] == "     \u201c" + kPermitsQuote + "\u201d \u2014 Henrik Dahl");
    CHECK(lines[4].empty());
    CHECK(lines[5] == "1 result (showing 1–1)");

    const Result bold = search({"permits", "--color", "always"});
    CHECK(contains(bold.out, "\u201cShipping \x1B[1mpermits\x1B[0m are the real obstacle,\u201d"));
}

TEST_CASE("--json hits carry entities and quotes, each quote marked matched or not") {
    const Json hit = only_hit(search({"quote:ships", "--json"}));
    CHECK(hit["id"] == kOslo);
    for (const Json& entity :
         {Json{{"type", "person"}, {"name", "Maria Lindqvist"}},
          Json{{"type", "person"}, {"name", "Henrik Dahl"}},
          Json{{"type", "place"}, {"name", "Oslo"}}, Json{{"type", "place"}, {"name", "Norway"}}}) {
        CHECK_MESSAGE(has_element(hit["entities"], entity), entity.dump());
    }
    const Json& quotes = hit["quotes"];
    CHECK(has_element(quotes, {{"text", kCorridorQuote},
                               {"speaker", "Maria Lindqvist"},
                               {"matched", false},
                               {"highlights", Json::array()}}));
    CHECK(has_element(quotes, {{"text", kShipsQuote},
                               {"speaker", "Maria Lindqvist"},
                               {"matched", true},
                               {"highlights", {{20, 25}}}}));
    // "ships" and "Shipping" share the stem "ship".
    CHECK(has_element(quotes, {{"text", kPermitsQuote},
                               {"speaker", "Henrik Dahl"},
                               {"matched", true},
                               {"highlights", {{0, 8}}}}));
    // The quote: term is not a body match: the snippet highlights nothing.
    CHECK(hit["highlights"].empty());
}

TEST_CASE("newsq show prints one article: metadata, body, entities by type, quotes") {
    const Result r = search({"show", kOslo});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const std::vector<std::string> lines = lines_of(r.out);
    REQUIRE(lines.size() > 7);
    CHECK(lines[0] == "Ministers meet in Oslo over grain corridor");
    CHECK(lines[1] == "id       " + kOslo);
    CHECK(lines[2] == "section  Europe");
    CHECK(lines[3] == "source   Nordic Post");
    CHECK(lines[4] == "author   Jonas Berg");
    CHECK(lines[5] == "language en");
    CHECK(lines[6].empty());
    CHECK(lines[7].starts_with("Foreign ministers from Norway and Sweden met in Oslo"));
    const auto line_with = [&](std::string_view start) {
        const auto it = std::find_if(lines.begin(), lines.end(),
                                     [&](const std::string& l) { return l.starts_with(start); });
        return it == lines.end() ? std::string() : *it;
    };
    CHECK(contains(line_with("people:"), "Maria Lindqvist"));
    CHECK(contains(line_with("people:"), "Henrik Dahl"));
    CHECK(contains(line_with("places:"), "Oslo"));
    CHECK(line_with("quotes:") == "quotes:");
    CHECK(line_with("  \u201cShipping") ==
          "  \u201c" + kPermitsQuote + "\u201d \u2014 Henrik Dahl");
}

TEST_CASE("newsq show --json gives the article with typed entities and quotes") {
    const Result r = search({"show", kOslo, "--json"});
    CHECK(r.status == 0);
    const Json doc = Json::parse(r.out);
    CHECK(doc["format_version"] == 1);
    CHECK(doc["id"] == kOslo);
    CHECK(doc["title"] == "Ministers meet in Oslo over grain corridor");
    CHECK(doc["date"] == "");
    CHECK(doc["section"] == "Europe");
    CHECK(doc["source"] == "Nordic Post");
    CHECK(doc["author"] == "Jonas Berg");
    CHECK(doc["url"] == "");
    CHECK(doc["body"].get<std::string>().ends_with("The talks continue in Stockholm next month."));
    CHECK(has_element(doc["entities"], {{"type", "person"}, {"name", "Maria Lindqvist"}}));
    CHECK(has_element(doc["entities"], {{"type", "place"}, {"name", "Stockholm"}}));
    CHECK(texts_of(doc["quotes"]) ==
          std::vector<std::string>{kCorridorQuote, kShipsQuote, kPermitsQuote});
    CHECK(has_element(doc["quotes"], {{"text", kShipsQuote}, {"speaker", "Maria Lindqvist"}}));
}

TEST_CASE("newsq show: an unknown id exits 1 with a message, a missing id exits 2") {
    const Result unknown = search({"show", "no-such-article"});
    CHECK(unknown.status == 1);
    CHECK(unknown.out.empty());
    CHECK(contains(unknown.err, "no article with id \"no-such-article\""));
    CHECK(search({"show", "NP-OSLO-GRAIN-CORRIDOR"}).status == 1); // ids are exact

    const Result missing = search({"show"});
    CHECK(missing.status == 2);
    CHECK(missing.out.empty());
}

TEST_CASE("a query equal to a command name: newsq search WORD or newsq -- WORD") {
    CHECK(search({"search", "show", "--format", "ids"}).out == kOslo + "\n");
    CHECK(newsq({"--index", kIndex, "--format", "ids", "--", "show"}).out == kOslo + "\n");
    CHECK(search({"search", "quotes", "--format", "ids"}).status == 1);
    // A command name after the first word is a query word.
    CHECK(search({"meeting", "show", "--format", "ids"}).out == kOslo + "\n");
}

TEST_CASE("newsq quotes lists only the quotes that match, with speaker and article") {
    const Result r = search({"quotes", "corridor"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(lines_of(r.out) ==
          std::vector<std::string>{"  1. \u201c" + kCorridorQuote + "\u201d \u2014 Maria Lindqvist",
                                   "     Ministers meet in Oslo over grain corridor",
                                   "     Nordic Post · " + kOslo, "", "1 quote"});
}

TEST_CASE("newsq quotes --speaker: by surname or full name, per quote") {
    const auto quotes = [](std::vector<std::string> args) {
        args.insert(args.begin(), "quotes");
        args.push_back("--json");
        const Result r = search(std::move(args));
        CHECK(r.err.empty());
        return Json::parse(r.out)["quotes"];
    };
    const Json lindqvist = quotes({"--speaker", "Lindqvist"});
    CHECK(texts_of(lindqvist) == std::vector<std::string>{kCorridorQuote, kShipsQuote});
    for (const Json& q : lindqvist) {
        CHECK(q["speaker"] == "Maria Lindqvist");
        CHECK(q["id"] == kOslo);
        CHECK(q["title"] == "Ministers meet in Oslo over grain corridor");
        CHECK(q["date"] == "");
    }
    CHECK(texts_of(quotes({"\"stay open\"", "--speaker", "Maria Lindqvist"})) ==
          std::vector<std::string>{kCorridorQuote});
    CHECK(texts_of(quotes({"permits OR ships"})) ==
          std::vector<std::string>{kShipsQuote, kPermitsQuote});
    CHECK(texts_of(quotes({"speaker:dahl"})) == std::vector<std::string>{kPermitsQuote});
    CHECK(quotes({"permits", "--speaker", "Lindqvist"}).empty());
    CHECK(quotes({"corridor", "--since", "2022"}).empty()); // the article is undated
    CHECK(quotes({"corridor", "--section", "Europe"}).size() == 1);

    const Json highlighted = Json::parse(search({"quotes", "ships", "--json"}).out);
    CHECK(highlighted["format_version"] == 1);
    CHECK(highlighted["more"] == false);
    REQUIRE(highlighted["quotes"].size() == 2); // "ships", and "Shipping" by its stem
    CHECK(highlighted["quotes"][0]["highlights"] == Json{{20, 25}});
    CHECK(highlighted["quotes"][1]["highlights"] == Json{{0, 8}});
}

TEST_CASE("newsq quotes: no match exits 1, paging says when more match") {
    const Result none = search({"quotes", "permits", "--speaker", "Lindqvist"});
    CHECK(none.status == 1);
    CHECK(none.out == "no matching quotes\n");

    const Json page =
        Json::parse(search({"quotes", "--speaker", "Lindqvist", "--limit", "1", "--json"}).out);
    CHECK(page["more"] == true);
    CHECK(texts_of(page["quotes"]) == std::vector<std::string>{kCorridorQuote});
    const Json next = Json::parse(
        search({"quotes", "--speaker", "Lindqvist", "--limit", "1", "--offset", "1", "--json"})
            .out);
    CHECK(next["more"] == false);
    REQUIRE(next["quotes"].size() == 1);
    CHECK(next["quotes"][0]["rank"] == 2);
    CHECK(texts_of(next["quotes"]) == std::vector<std::string>{kShipsQuote});
}

TEST_CASE("newsq quotes: a speaker without a name or a bad query exits 2") {
    for (const char* speaker : {"", "  ", "\"\""}) {
        INFO(speaker);
        const Result r = search({"quotes", "corridor", "--speaker", speaker});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(contains(r.err, "has no name in it"));
    }
    const Result bad = search({"quotes", "\"stay open"});
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, "unclosed quote (query position 1)"));
    CHECK(search({"quotes", "corridor", "--bogus"}).status == 2);
}

TEST_CASE("--facets counts the whole matching set, not the page") {
    const Json doc = Json::parse(search({"--facets", "--limit", "1", "--json"}).out);
    CHECK(doc["hits"].size() == 1);
    using Counts = std::vector<std::pair<std::string, int>>;
    CHECK(facet_of(doc, "section") == Counts{{"World", 3},
                                             {"Business", 2},
                                             {"Politics", 2},
                                             {"Culture", 1},
                                             {"Europe", 1},
                                             {"Science", 1},
                                             {"Sport", 1}});
    CHECK(facet_of(doc, "source") == Counts{{"Harbor Herald", 3},
                                            {"Valley Ledger", 3},
                                            {"Capitol Wire", 2},
                                            {"Metro Times", 2},
                                            {"Nordic Post", 1}});
    for (const char* name : {"person", "organization", "place", "speaker"}) {
        CHECK_MESSAGE(doc["facets"][name].is_array(), name);
    }
    const Json speakers = Json::parse(search({"person:lindqvist", "--facets", "--json"}).out);
    CHECK(facet_of(speakers, "speaker") == Counts{{"Henrik Dahl", 1}, {"Maria Lindqvist", 1}});
    CHECK(has_element(speakers["facets"]["place"], {{"value", "Oslo"}, {"count", 1}}));

    const Json top = Json::parse(search({"--facets", "--facets-limit", "2", "--json"}).out);
    CHECK(facet_of(top, "section") == Counts{{"World", 3}, {"Business", 2}});
    CHECK(!Json::parse(search({"--json"}).out).contains("facets"));
}

TEST_CASE("--facets in text: a compact block after the results") {
    const std::vector<std::string> lines =
        lines_of(search({"\"war crimes\"", "--facets", "--facets-limit", "1"}).out);
    const auto facets = std::find(lines.begin(), lines.end(), "Facets");
    REQUIRE(facets != lines.end());
    CHECK(*(facets - 2) == "4 results (showing 1–4)");
    CHECK(*(facets + 1) == "  section       World 3 · (+1 more)");
    CHECK(*(facets + 2) == "  source        Harbor Herald 3 · (+1 more)");
}

TEST_CASE("--timeline counts matches per period, empty periods included") {
    const Json month = Json::parse(search({"\"war crimes\"", "--timeline", "month", "--json"}).out);
    Json expected = Json::array();
    expected.push_back({{"period", "2022-03"}, {"count", 2}}); // awkward, tribunal
    for (const char* m : {"04", "05", "06", "07", "08", "09", "10", "11", "12"}) {
        expected.push_back({{"period", std::string("2022-") + m}, {"count", 0}});
    }
    expected.push_back({{"period", "2023-01"}, {"count", 1}}); // committee
    CHECK(month["timeline"]["unit"] == "month");
    CHECK(month["timeline"]["buckets"] == expected);
    CHECK(month["timeline"]["undated"] == 1); // the explainer

    const Json week = Json::parse(search({"\"war crimes\"", "--timeline", "week", "--json"}).out);
    const Json& weeks = week["timeline"]["buckets"];
    REQUIRE(weeks.size() == 46); // 2022-W09 … 2022-W52, 2023-W01, 2023-W02
    CHECK(weeks[0] == Json{{"period", "2022-W09"}, {"count", 1}}); // Saturday 2022-03-05
    CHECK(weeks[1] == Json{{"period", "2022-W10"}, {"count", 0}});
    CHECK(weeks[2] == Json{{"period", "2022-W11"}, {"count", 1}}); // Thursday 2022-03-17
    CHECK(weeks[44] == Json{{"period", "2023-W01"}, {"count", 0}});
    CHECK(weeks[45] == Json{{"period", "2023-W02"}, {"count", 1}}); // Thursday 2023-01-12

    const Json days = Json::parse(search({"date:2022-03", "--timeline", "day", "--json"}).out);
    const Json& buckets = days["timeline"]["buckets"];
    REQUIRE(buckets.size() == 24); // 2022-03-05 … 2022-03-28
    for (const Json& b : buckets) {
        const std::string day = b["period"];
        const bool dated = day == "2022-03-05" || day == "2022-03-11" || day == "2022-03-17" ||
                           day == "2022-03-28";
        CHECK_MESSAGE(b["count"] == (dated ? 1 : 0), day);
    }
    CHECK(days["timeline"]["undated"] == 0);
}

TEST_CASE("--timeline in text: a bar chart within 60 columns when piped") {
    const Result r = search({"\"war crimes\"", "--timeline", "month", "--limit", "0"});
    CHECK(r.status == 1); // no hits on the page
    const std::vector<std::string> lines = lines_of(r.out);
    const auto title = std::find(lines.begin(), lines.end(), "Timeline by month");
    REQUIRE(title != lines.end());
    REQUIRE(lines.end() - title == 13); // title, 11 months, undated
    const std::string full = *(title + 1);
    CHECK(full.starts_with("  2022-03  \u2588"));
    CHECK(full.ends_with("\u2588 2"));
    CHECK(width_of(full) == 60);
    CHECK(*(title + 2) == "  2022-04  0");
    const std::string half = *(title + 11);
    CHECK(half.starts_with("  2023-01  \u2588"));
    CHECK(width_of(half) < width_of(full));
    CHECK(*(title + 12) == "  undated: 1");

    // By day, 2022-03-05 … 2023-01-12 would be 314 rows: weeks instead.
    const std::vector<std::string> daily =
        lines_of(search({"\"war crimes\"", "--timeline", "day"}).out);
    CHECK(std::find(daily.begin(), daily.end(), "Timeline by week (by day it would be too long)") !=
          daily.end());
}

TEST_CASE("--limit all with --facets still counts every match") {
    const Json doc =
        Json::parse(search({"\"war crimes\"", "--limit", "all", "--facets", "--json"}).out);
    CHECK(doc["hits"].size() == 4);
    CHECK(facet_of(doc, "section") ==
          std::vector<std::pair<std::string, int>>{{"World", 3}, {"Politics", 1}});
}

// --- Nightly jobs: update, prune, rebuild, rollback, locking, signals, reports. ---

namespace {

const std::string kGenerator = NEWSQ_GENERATOR;

// Every article of an index as "id hash", read with Xapian itself (schema: id terms are
// prefixed Q, the content hash is in value slot 2).
std::set<std::string> ids_and_hashes(const std::string& index) {
    const Xapian::Database db(index);
    std::set<std::string> out;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        const Xapian::Document doc = db.get_document(*p);
        auto t = doc.termlist_begin();
        t.skip_to("Q");
        out.insert(*t + " " + doc.get_value(2));
    }
    return out;
}

std::string generate(const TempDir& dir, std::string_view name, int count, int seed) {
    const std::string file = dir / name;
    REQUIRE(run(kGenerator,
                {"--count", std::to_string(count), "--seed", std::to_string(seed), "--out", file})
                .status == 0);
    return file;
}

// A copy of the fixture articles that a case may change.
std::string copy_articles(const TempDir& dir) {
    const std::string copy = dir / "articles";
    fs::copy(kArticles, copy, fs::copy_options::recursive);
    return copy;
}

Xapian::rev revision(const std::string& index) {
    return Xapian::Database(index).get_revision();
}

} // namespace

TEST_CASE("update: new and changed articles are written, unchanged ones skipped without a write") {
    const TempDir dir;
    const std::string articles = copy_articles(dir);
    const std::string index = dir / "index";
    const Result first = newsindex({"update", articles, "--index", index});
    CHECK(first.status == 0);
    CHECK(contains(first.out, ": 12 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped "));
    const Xapian::rev before = revision(index);

    const Result again = newsindex({"update", articles, "--index", index});
    CHECK(again.status == 0);
    CHECK(contains(again.out, ": 0 added, 0 updated, 12 unchanged, 0 deleted, 0 skipped "));
    CHECK(revision(index) == before);

    std::ofstream(articles + "/grain.txt", std::ios::app) << "\nA late paragraph on freight.\n";
    const Result changed = newsindex({"update", articles, "--index", index});
    CHECK(contains(changed.out, ": 0 added, 1 updated, 11 unchanged, 0 deleted, 0 skipped "));
    CHECK(newsq({"\"late paragraph\"", "--index", index, "--format", "ids"}).out == kGrain + "\n");
}

TEST_CASE("update --prune deletes what left the paths given, and nothing from other paths") {
    const TempDir dir;
    const std::string articles = copy_articles(dir);
    const std::string index = dir / "index";
    const std::string other = dir / "other.txt";
    std::ofstream(other) << "Id: other-1\n\nCanal boats\n\nCanal boats return to the city.\n";
    REQUIRE(newsindex({"update", articles, other, "--index", index}).status == 0);

    fs::remove(articles + "/grain.txt");
    const Result plain = newsindex({"update", articles, "--index", index});
    CHECK(contains(plain.out, " 0 deleted, "));
    const Result pruned = newsindex({"update", articles, "--index", index, "--prune"});
    CHECK(pruned.status == 0);
    CHECK(contains(pruned.out, ": 0 added, 0 updated, 11 unchanged, 1 deleted, 0 skipped "));
    const std::vector<std::string> ids =
        lines_of(newsq({"--index", index, "--limit", "all", "--all", "--format", "ids"}).out);
    CHECK(ids.size() == 12);
    CHECK(std::find(ids.begin(), ids.end(), "other-1") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), kGrain) == ids.end());

    // A record of wire.jsonl gone bad: that file keeps its articles, the run exits 1.
    std::ofstream(articles + "/wire.jsonl", std::ios::app) << "{\"id\": \n";
    const Result bad = newsindex({"update", articles, "--index", index, "--prune"});
    CHECK(bad.status == 1);
    CHECK(contains(bad.out, " 0 deleted, 1 skipped"));
}

TEST_CASE("--report writes the run's summary as JSON, skipped records with reasons") {
    const TempDir dir;
    const std::string report = dir / "report.json";
    const Result r =
        newsindex({"update", kBad, "--index", dir / "index", "--report", report, "-q"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    std::ifstream in(report);
    const Json json = Json::parse(in);
    CHECK(json["command"] == "update");
    CHECK(json["added"] == 6);
    CHECK(json["unchanged"] == 0);
    CHECK(json["skipped_count"] == 12);
    CHECK(json["skipped"].size() == 12);
    CHECK(std::any_of(json["skipped"].begin(), json["skipped"].end(), [&](const Json& b) {
        return b["path"] == kBad + "/records.jsonl" && b["line"] == 2 &&
               b["reason"].get<std::string>().starts_with("malformed JSON");
    }));
    CHECK(json["exit_status"] == 1);
    CHECK(json["interrupted"] == false);

    const Result locked_out = newsindex({"stats", "--index", dir / "missing"});
    CHECK(locked_out.status == 3);
}

TEST_CASE("a second newsindex is told the pid holding the lock, or waits with --wait") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles, "--index", index}).status == 0);
    const int fd = ::open((index + "/newsq.lock").c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    const std::string pid = std::to_string(::getpid()) + "\n";
    REQUIRE(::write(fd, pid.data(), pid.size()) == static_cast<ssize_t>(pid.size()));

    const Result r = newsindex({"update", kArticles, "--index", index});
    CHECK(r.status == 4);
    CHECK(contains(r.err, "is locked (by pid " + std::to_string(::getpid()) + ")"));
    CHECK(newsindex({"rebuild", kArticles, "--index", index}).status == 4);
    CHECK(newsq({"\"war crimes\"", "--index", index, "--format", "ids"}).status == 0);

    std::thread release([fd] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        ::close(fd);
    });
    const Result waited = newsindex({"update", kArticles, "--index", index, "--wait", "30"});
    release.join();
    CHECK(waited.status == 0);
    CHECK(contains(waited.out, " 12 unchanged, "));
}

TEST_CASE("rebuild switches to a new database, rollback returns to the old one") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles + "/tribunal.txt", "--index", index}).status == 0);
    const Result rebuilt = newsindex({"rebuild", kArticles, "--index", index});
    CHECK(rebuilt.status == 0);
    CHECK(rebuilt.out.starts_with("rebuilt \"" + index + "\": 12 added, "));
    const auto count = [&] {
        return lines_of(newsq({"--index", index, "--limit", "all", "--all", "--format", "ids"}).out)
            .size();
    };
    CHECK(count() == 12);

    const Json stats = Json::parse(newsindex({"stats", "--index", index, "--json"}).out);
    CHECK(stats["articles"] == 12);
    CHECK(stats["generation"] == "gen-2");
    CHECK(stats["previous"] == "gen-1");
    CHECK(has_element(stats["sections"], {{"value", "World"}}));

    const Result back = newsindex({"rollback", "--index", index});
    CHECK(back.status == 0);
    CHECK(count() == 1);
    CHECK(newsindex({"rollback", "--index", index}).status == 0);
    CHECK(count() == 12);
    CHECK(newsindex({"check", "--index", index}).out == "\"" + index + "\": ok, 12 articles\n");

    const TempDir fresh;
    const Result none = newsindex({"rollback", "--index", fresh / "index"});
    CHECK(none.status == 3);
}

TEST_CASE("an index of the previous schema version is refused until a rebuild converts it") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles, "--index", index}).status == 0);
    {
        Xapian::WritableDatabase db(index, Xapian::DB_OPEN);
        db.set_metadata("newsq.schema", "5");
        db.commit();
    }
    const Result refused = newsq({"--index", index, "tribunal"});
    CHECK(refused.status == 5);
    CHECK(contains(refused.err, "schema version 5"));
    CHECK(contains(refused.err, "rebuild"));
    REQUIRE(newsindex({"rebuild", kArticles, "--index", index}).status == 0);
    CHECK(newsq({"--index", index, "tribunal"}).status == 0);
    // The rebuilt index has the current terms: languages, and names of any type.
    CHECK(newsq({"--index", index, "tribunal", "--lang", "en"}).status == 0);
    CHECK(newsq({"--index", index, "tribunal", "entity:\"Ilse Marten\""}).status == 0);
}

TEST_CASE("check reports a document that breaks the index's invariants") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"add", kArticles, "--index", index}).status == 0);
    {
        Xapian::WritableDatabase db(index, Xapian::DB_OPEN);
        Xapian::Document doc;
        doc.set_data("not json");
        doc.add_boolean_term("Qstray");
        db.add_document(doc);
        db.commit();
    }
    const Result r = newsindex({"check", "--index", index});
    CHECK(r.status == 5);
    CHECK(contains(r.err, "13 articles"));
}

TEST_CASE("SIGINT and SIGTERM: what was done is committed, the summary printed, exit 128+N") {
    const TempDir dir;
    const std::string corpus = generate(dir, "big.jsonl", 1500, 7);
    const std::string index = dir / "index";
    for (const int number : {SIGINT, SIGTERM}) {
        CAPTURE(number);
        Background job(kNewsindex, {"update", corpus, "--index", index, "--batch", "50"}, dir);
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        job.signal(number);
        const Result r = job.wait();
        CHECK(r.status == 128 + number);
        CHECK(contains(r.err, "stopped by signal"));
        CHECK(contains(r.out, " added, "));
        CHECK(newsindex({"check", "--index", index}).status == 0);
    }
    const Result rest = newsindex({"update", corpus, "--index", index});
    CHECK(rest.status == 0);
    CHECK(ids_and_hashes(index).size() == 1500);
}

TEST_CASE("SIGKILL at random moments: rerunning update ends exactly where a clean run does") {
    const TempDir dir;
    const std::string corpus = generate(dir, "articles.jsonl", 600, 11);
    const std::string clean = dir / "clean";
    REQUIRE(newsindex({"update", corpus, "--index", clean, "-q"}).status == 0);

    const std::string killed = dir / "killed";
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> delay_ms(50, 800);
    for (int round = 0; round < 4; ++round) {
        Background job(kNewsindex, {"update", corpus, "--index", killed, "--batch", "40"}, dir);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
        job.signal(SIGKILL);
        job.wait();
        CHECK(newsq({"--index", killed, "--limit", "1", "--format", "ids"}).status <= 1);
    }
    REQUIRE(newsindex({"update", corpus, "--index", killed, "-q"}).status == 0);
    CHECK(ids_and_hashes(killed) == ids_and_hashes(clean));
    CHECK(newsindex({"check", "--index", killed}).status == 0);
}

// --- Near-duplicates: collapsed results, newsq similar. ---

TEST_CASE("a story and its spun copy are one hit, with the copy named, and --all shows both") {
    // tribunal.txt and spun-tribunal.txt share their quotes and names, not their wording; both
    // say "prosecutor".
    const Json collapsed = Json::parse(search({"prosecutor", "--json"}).out);
    const auto in_tribunal_cluster = [](const Json& hit) {
        return hit["id"] == kTribunal || hit["id"] == kSpun;
    };
    const auto story =
        std::find_if(collapsed["hits"].begin(), collapsed["hits"].end(), in_tribunal_cluster);
    REQUIRE(story != collapsed["hits"].end());
    CHECK(std::count_if(collapsed["hits"].begin(), collapsed["hits"].end(), in_tribunal_cluster) ==
          1);
    const Json& cluster = (*story)["cluster"];
    CHECK(cluster["canonical"] == kTribunal);
    CHECK(cluster["copies"] == Json::array({(*story)["id"] == kTribunal ? kSpun : kTribunal}));

    const Json all = Json::parse(search({"prosecutor", "--json", "--all"}).out);
    CHECK(std::count_if(all["hits"].begin(), all["hits"].end(), in_tribunal_cluster) == 2);
    CHECK(contains(search({"prosecutor"}).out, "+1 similar: "));
}

TEST_CASE("newsq similar lists an article's copies with their similarity") {
    const Result text = search({"similar", kTribunal});
    CHECK(text.status == 0);
    CHECK(contains(text.out, "canonical " + kTribunal));
    CHECK(contains(text.out, kSpun));

    const Json json = Json::parse(search({"similar", kSpun, "--json"}).out);
    REQUIRE(json["similar"].size() == 1);
    CHECK(json["similar"][0]["id"] == kTribunal);
    CHECK(json["similar"][0]["canonical"] == true);
    CHECK(json["similar"][0]["similarity"].get<double>() >= 0.5);

    const Result alone = search({"similar", kGrain});
    CHECK(alone.status == 1);
    CHECK(contains(alone.out, "no copies"));
    CHECK(search({"similar", "no-such-id"}).status == 1);
}

TEST_CASE("on a terminal newsindex draws a progress bar, and --quiet draws nothing") {
    // script(1) (util-linux, in every Debian) runs the command on a pseudo-terminal.
    const TempDir dir;
    const auto on_terminal = [&](const std::string& flags) {
        return run("/usr/bin/script",
                   {"-qec",
                    kNewsindex + " update " + kArticles + " --index " + dir / "index" + flags,
                    "/dev/null"});
    };
    const Result shown = on_terminal("");
    CHECK(shown.status == 0);
    CHECK(contains(shown.out, "12/12 articles"));
    CHECK(contains(shown.out, " kB  "));
    CHECK(contains(shown.out, "100%"));
    CHECK(contains(shown.out, "ETA "));
    CHECK(contains(shown.out, ": 12 added, "));

    // Without boilerplate to learn, the files are read once: the bar goes by their size.
    const Result by_bytes = on_terminal(" --no-analysis");
    CHECK(by_bytes.status == 0);
    CHECK(contains(by_bytes.out, " 12 articles  "));
    CHECK_FALSE(contains(by_bytes.out, "/12 articles"));
    CHECK(contains(by_bytes.out, "100%"));

    const Result quiet = on_terminal(" --quiet");
    CHECK(quiet.status == 0);
    CHECK_FALSE(contains(quiet.out, "articles"));
    CHECK_FALSE(contains(quiet.out, "unchanged"));
}
