#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <xapian.h>

#include <newsq/index.hpp>
#include <newsq/schema.hpp>
#include <newsq/search.hpp>

#include "search/facets.hpp"
#include "store/slots.hpp"
#include "temp_dir.hpp"

using newsq::Facet;
using newsq::FacetValue;
using newsq::detail::FacetSpy;

namespace {

using Values = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// A document holding `term`, whose facet slot holds each of `values` (facet, value).
Xapian::Document doc(std::string term, Values values) {
    std::string facets;
    for (const auto& [facet, value] : values) {
        facets.append(newsq::detail::make_facet_line(facet, value)).append(1, '\n');
    }
    Xapian::Document d;
    d.add_boolean_term(std::move(term));
    d.add_value(newsq::kFacetSlot, facets);
    return d;
}

// A database of four documents: three match "Xmatch".
Xapian::WritableDatabase database() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(doc("Xmatch", {{"section", "World"},
                                   {"source", "Harbor Herald"},
                                   {"person", "Antony Blinken"},
                                   {"place", "Oslo"},
                                   {"speaker", "Antony Blinken"}}));
    db.add_document(doc("Xmatch", {{"section", "World"},
                                   {"source", "Capitol Wire"},
                                   {"person", "Maria Lindqvist"},
                                   {"person", "Antony Blinken"}}));
    db.add_document(doc("Xmatch", {{"section", "Politics"}, {"place", "Norway"}}));
    db.add_document(doc("Xother", {{"section", "Sport"}, {"person", "Lena Fischer"}}));
    return db;
}

std::vector<Facet> count(const Xapian::Query& query, std::size_t limit, Xapian::doccount page) {
    Xapian::WritableDatabase db = database();
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    FacetSpy spy;
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, page, db.get_doccount());
    return spy.facets(limit);
}

const Facet& facet(const std::vector<Facet>& facets, std::string_view name) {
    for (const Facet& f : facets) {
        if (f.name == name) {
            return f;
        }
    }
    FAIL("no facet " << name);
    return facets.front();
}

} // namespace

TEST_CASE("the facet spy counts every match, not only the page") {
    const std::vector<Facet> facets = count(Xapian::Query("Xmatch"), 10, 1);
    REQUIRE(facets.size() == newsq::kFacetNames.size());
    for (std::size_t i = 0; i < facets.size(); ++i) {
        CHECK(facets[i].name == newsq::kFacetNames[i]);
    }
    CHECK(facet(facets, "section").values ==
          std::vector<FacetValue>{{"World", 2}, {"Politics", 1}});
    CHECK(facet(facets, "source").values ==
          std::vector<FacetValue>{{"Capitol Wire", 1}, {"Harbor Herald", 1}});
    CHECK(facet(facets, "person").values ==
          std::vector<FacetValue>{{"Antony Blinken", 2}, {"Maria Lindqvist", 1}});
    CHECK(facet(facets, "place").values == std::vector<FacetValue>{{"Norway", 1}, {"Oslo", 1}});
    CHECK(facet(facets, "organization").values.empty());
    CHECK(facet(facets, "speaker").values == std::vector<FacetValue>{{"Antony Blinken", 1}});
}

TEST_CASE("facets keep the top values and say how many there were") {
    const std::vector<Facet> facets = count(Xapian::Query(std::string()), 1, 10);
    const Facet& sections = facet(facets, "section");
    CHECK(sections.values == std::vector<FacetValue>{{"World", 2}});
    CHECK(sections.distinct == 3);
}

namespace {

// A database of 3,200 documents: section "Common" in about 30% of them and "Rare" in about 2%,
// drawn by a fixed generator so that neighbours differ, as articles of one day do.
Xapian::WritableDatabase sampled_database() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::uint32_t state = 12345;
    for (int i = 0; i < 3200; ++i) {
        state = state * 1103515245 + 12345;
        const std::uint32_t draw = (state >> 16) % 100;
        const std::string_view section = draw < 30 ? "Common" : draw < 32 ? "Rare" : "Other";
        db.add_document(doc("Xmatch", {{"section", section}}));
    }
    return db;
}

std::vector<Facet> count_with(FacetSpy& spy) {
    Xapian::WritableDatabase db = sampled_database();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("Xmatch"));
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    return spy.facets(10);
}

} // namespace

TEST_CASE("a sample's counts are scaled to every match, within bounds that hold the true ones") {
    FacetSpy every;
    const std::vector<Facet> exact = count_with(every);
    CHECK(every.exact());
    CHECK(facet(exact, "section").exact);
    CHECK(facet(exact, "section").values.front().bounds == std::nullopt);

    FacetSpy sample(8);
    const std::vector<Facet> estimated = count_with(sample);
    CHECK_FALSE(sample.exact());
    CHECK(sample.seen() == 3200);
    CHECK(sample.counted() == 400); // 25 runs of 16 documents
    const Facet& sections = facet(estimated, "section");
    CHECK_FALSE(sections.exact);
    REQUIRE(sections.values.size() == 3);
    for (const FacetValue& truth : facet(exact, "section").values) {
        INFO(truth.value, " truly ", truth.count);
        const auto found =
            std::find_if(sections.values.begin(), sections.values.end(),
                         [&](const FacetValue& v) { return v.value == truth.value; });
        REQUIRE(found != sections.values.end());
        REQUIRE(found->bounds);
        const auto [lower, upper] = *found->bounds;
        CHECK(lower <= found->count);
        CHECK(found->count <= upper);
        CHECK(lower <= truth.count);
        CHECK(truth.count <= upper);
        // About ±2 standard errors of a sample of 400: tight for the common value.
        CHECK(upper - lower < truth.count / 2 + 60);
    }
}

TEST_CASE("the searcher samples the facets of many matches, says so, and counts all when told") {
    const newsq::test::TempDir dir;
    newsq::rebuild(dir.path(), std::vector<std::string>{NEWSQ_SAMPLES});
    newsq::Searcher searcher(dir.path());
    newsq::SearchRequest request{.limit = 1, .facets = 10, .facet_sample = 20};

    // 65 matches, more than 20: one run of 16 docids in 4 is counted, 17 articles.
    const newsq::SearchResults sampled = searcher.search(request);
    REQUIRE(sampled.facets.size() == newsq::kFacetNames.size());
    CHECK(sampled.notes == std::vector<std::string>{"facet counts are estimates from 17 of the 65 "
                                                    "matching articles, each with its 95% bounds"});
    for (const Facet& f : sampled.facets) {
        CHECK_FALSE(f.exact);
        for (const FacetValue& v : f.values) {
            REQUIRE(v.bounds);
            CHECK(v.bounds->first <= v.count);
            CHECK(v.count <= v.bounds->second);
            CHECK(v.bounds->second <= 65);
        }
    }

    request.facet_sample = 0;
    const newsq::SearchResults exact = searcher.search(request);
    CHECK(exact.notes.empty());
    CHECK(facet(exact.facets, "section").exact);
    for (const FacetValue& v : facet(exact.facets, "section").values) {
        CHECK(v.bounds == std::nullopt);
    }
}
