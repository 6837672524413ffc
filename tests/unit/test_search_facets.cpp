#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <xapian.h>

#include <newsq/schema.hpp>
#include <newsq/search.hpp>

#include "search/facets.hpp"

using newsq::Facet;
using newsq::FacetValue;
using newsq::detail::FacetSpy;

namespace {

Xapian::Document doc(std::string term, std::string facets) {
    Xapian::Document d;
    d.add_boolean_term(std::move(term));
    d.add_value(newsq::kFacetSlot, std::move(facets));
    return d;
}

// A database of four documents: three match "Xmatch".
Xapian::WritableDatabase database() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(doc("Xmatch",
                        "section\tWorld\nsource\tHarbor Herald\n"
                        "person\tAntony Blinken\nplace\tOslo\nspeaker\tAntony Blinken\n"));
    db.add_document(doc("Xmatch", "section\tWorld\nsource\tCapitol Wire\nperson\tMaria Lindqvist\n"
                                  "person\tAntony Blinken\n"));
    db.add_document(doc("Xmatch", "section\tPolitics\nplace\tNorway\n"));
    db.add_document(doc("Xother", "section\tSport\nperson\tLena Fischer\n"));
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
