// Searches on the analysis, with the analysis run on hand-written articles: a person found by
// full name or surname, a company with or without its legal form, a speaker by surname, a
// name the analysis missed still found by its text, and the articles where the analysis found
// the name ranked first.
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/analysis.hpp>
#include <newsq/index.hpp>
#include <newsq/search.hpp>

#include "temp_dir.hpp"

using newsq::Article;
using newsq::Searcher;
using newsq::SearchRequest;
using newsq::test::TempDir;

namespace {

Article analysed(std::string id, std::string title, std::string body) {
    Article a{.id = std::move(id), .title = std::move(title), .body = std::move(body)};
    newsq::Analyzer{}.analyze(a);
    return a;
}

// The director named in full once, then by surname; the same director named once in passing in
// a longer story; a company with its legal form, and with another one and without.
void build(const TempDir& dir) {
    newsq::Index index = newsq::Index::open(dir.path());
    index.add(analysed(
        "profile", "Port director plans to double capacity",
        "Maria Lindqvist, the director of the port of Gothenburg, said on Tuesday that the "
        "harbour would double its container capacity by 2030.\n\n"
        "\u201cWe have waited long enough,\u201d Lindqvist said. \u201cThe ships are getting "
        "bigger every year.\u201d\n\n"
        "Lindqvist, who took over the port in 2019, has argued for the expansion for years. "
        "Critics say the plan will harm the river delta, but Lindqvist said the port would pay "
        "for new wetlands."));
    index.add(analysed(
        "passing", "Shipping rates fall for a third month",
        "Container shipping rates fell for a third month in April as demand from Europe "
        "weakened, freight brokers said.\n\n"
        "The price of moving a container from Shanghai to Rotterdam dropped by 8 percent, "
        "according to data from a freight index. Ports from Hamburg to Gothenburg, where Maria "
        "Lindqvist runs the harbour, reported fewer calls.\n\n"
        "Analysts expect rates to recover in the autumn."));
    index.add(analysed("acme-corp", "Acme Widget Corp to cut 200 jobs",
                       "Acme Widget Corp said on Monday it would cut 200 jobs at its plant in "
                       "Dayton, Ohio, as orders for industrial parts slowed.\n\n"
                       "The company said the cuts would be finished by the end of the year."));
    index.add(analysed("acme-inc", "Widget maker's shares fall",
                       "Shares of Acme Widget Inc. fell 5 percent on Tuesday after the company "
                       "warned that its profit would miss forecasts.\n\n"
                       "The Ohio manufacturer blamed weaker demand from carmakers. Acme Widget "
                       "said it would cut costs."));
    index.add(analysed("credit", "Harbour at dawn",
                       "The harbour at dawn, seen from the old lighthouse.\n\n"
                       "photo: maria lindqvist / port archive"));
    index.add(analysed("other", "Harbour strike ends",
                       "Dock workers in Rotterdam ended a two-day strike on Friday."));
    index.commit();
}

std::vector<std::string> ids(Searcher& searcher, SearchRequest request) {
    std::vector<std::string> found;
    for (const newsq::Hit& h : searcher.search(std::move(request)).hits) {
        found.push_back(h.id);
    }
    return found;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

TEST_CASE("org: finds a company with or without its legal form") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const std::vector<std::string> both{"acme-corp", "acme-inc"};
    for (const std::string q :
         {"org:\"Acme Widget\"", "org:\"Acme Widget Corp\"", "organization:\"Acme Widget Corp.\"",
          "org:\"acme widget inc\"", "entity:\"Acme Widget, Inc.\""}) {
        CAPTURE(q);
        CHECK(sorted(ids(searcher, {.query = q})) == both);
    }
    CHECK(sorted(ids(searcher, {.filters = {{"org", "Acme Widget Corp"}}})) == both);
}

TEST_CASE("person: finds every article naming the person, the most about them first") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    // The profile first, then the story naming her in passing, then the photo credit in lower
    // case, where the analysis found no name but the text writes hers.
    const std::vector<std::string> expected{"profile", "passing", "credit"};
    for (const std::string q :
         {"person:\"Maria Lindqvist\"", "person:Lindqvist", "person:\"Ms Maria Lindqvist's\""}) {
        CAPTURE(q);
        const newsq::SearchResults r = searcher.search({.query = q});
        CHECK(ids(searcher, {.query = q}) == expected);
        REQUIRE(r.hits.size() == 3);
        CHECK(r.hits[0].score > r.hits[1].score);
        CHECK(r.hits[1].score > r.hits[2].score);
    }
    // As a phrase, the full name is found in the same articles, ranked by its words alone.
    const std::vector<std::string> phrase = ids(searcher, {.query = "\"Maria Lindqvist\""});
    CHECK(sorted(phrase) == sorted(expected));
    CHECK(ids(searcher, {.query = "person:Lindqvist -id:profile"}) ==
          std::vector<std::string>{"passing", "credit"});
}

TEST_CASE("speaker: matches the canonical speaker by surname or full name") {
    TempDir dir;
    build(dir);
    Searcher searcher(dir.path());
    const std::vector<std::string> profile{"profile"};
    CHECK(ids(searcher, {.query = "speaker:Lindqvist"}) == profile);
    CHECK(ids(searcher, {.query = "speaker:\"Maria Lindqvist\""}) == profile);
    CHECK(ids(searcher, {.query = "speaker:Maria"}) == profile);
    CHECK(ids(searcher, {.query = "speaker:Gothenburg"}).empty());
}

TEST_CASE("a name with an apostrophe is found in the text as the index writes it") {
    TempDir dir;
    {
        newsq::Index index = newsq::Index::open(dir.path());
        index.add(analysed("credit", "Studio audience returns",
                           "The studio audience returned on Monday.\n\n"
                           "photo: conan o\u2019brien / studio archive"));
        index.add(analysed("apart", "Two names", "Conan Doyle met Brien Smith at the studio."));
        index.commit();
    }
    Searcher searcher(dir.path());
    for (const std::string q : {"person:\"Conan O'Brien\"", "entity:\"Conan O\u2019Brien\""}) {
        CAPTURE(q);
        CHECK(ids(searcher, {.query = q}) == std::vector<std::string>{"credit"});
    }
}
