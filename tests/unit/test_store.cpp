#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/schema.hpp>

#include "store/fields.hpp"
#include "store/ids.hpp"
#include "store/slots.hpp"
#include "store/terms.hpp"

using newsq::field;
using namespace newsq::detail;
using Values = std::vector<std::string>;

namespace {

newsq::Article sample() {
    newsq::Article a;
    a.id = "a1";
    a.section = "World";
    a.url = "https://News.Example:8443/world/1";
    a.published = "2022-03-17T09:30:00Z";
    a.entities = {{newsq::EntityType::person, "Antony Blinken"},
                  {newsq::EntityType::organization, "United Nations"},
                  {newsq::EntityType::place, "Kyiv"},
                  {newsq::EntityType::person, "Anna Holt"}};
    a.quotes = {
        {"We will respond.", "Antony Blinken"}, {"Nothing.", ""}, {"Again.", "Antony Blinken"}};
    return a;
}

} // namespace

TEST_CASE("a field's values are read where its row says they come from") {
    const newsq::Article a = sample();
    CHECK(field_values(a, field("section")) == Values{"World"});
    CHECK(field_values(a, field("title")).empty());
    CHECK(field_values(a, field("host")) == Values{"news.example"});
    CHECK(field_values(a, field("person")) == Values{"Antony Blinken", "Anna Holt"});
    CHECK(field_values(a, field("org")) == Values{"United Nations"});
    CHECK(field_values(a, field("entity")) ==
          Values{"Antony Blinken", "United Nations", "Kyiv", "Anna Holt"});
    CHECK(field_values(a, field("quote")) == Values{"We will respond.", "Nothing.", "Again."});
    CHECK(field_values(a, field("speaker")) == Values{"Antony Blinken", "Antony Blinken"});
}

TEST_CASE("the facet slot holds each value of each faceted field once") {
    // One character names the facet: its place among section, source, language, person,
    // organization, place and speaker.
    CHECK(facet_value(sample()) == "0World\n"
                                   "3Anna Holt\n"
                                   "3Antony Blinken\n"
                                   "4United Nations\n"
                                   "5Kyiv\n"
                                   "6Antony Blinken\n");
    const auto line = facet_line("4United Nations");
    REQUIRE(line);
    CHECK(line->facet == "organization");
    CHECK(line->value == "United Nations");
    CHECK(make_facet_line("speaker", "Anna Holt") == "6Anna Holt");
    CHECK_THROWS_AS(make_facet_line("colour", "red"), std::invalid_argument);
    CHECK_FALSE(facet_line(""));
    CHECK_FALSE(facet_line("7 is no facet"));
    CHECK_FALSE(facet_line("/ is below the first"));
}

TEST_CASE("the date slot encodes and decodes days") {
    using namespace std::chrono;
    CHECK(date_value("2022-03-17T09:30:00Z") == "20220317093000");
    CHECK(date_value("2022-03-17") == "20220317000000");
    CHECK(date_value(year_month_day{year{2024}, month{2}, day{9}}, "235959") == "20240209235959");
    CHECK(day_of("20220317093000") == sys_days{year{2022} / 3 / 17});
    CHECK_FALSE(day_of(""));
    CHECK_FALSE(day_of("20221317000000"));
}

TEST_CASE("quote terms are told from the article's other terms") {
    CHECK(is_quote_term("XQUOTErespond"));
    CHECK(is_quote_term("ZXQUOTErespond"));
    CHECK(is_quote_term("XSPEAKERblinken"));
    CHECK_FALSE(is_quote_term("respond"));
    CHECK_FALSE(is_quote_term("Zrespond"));
    CHECK_FALSE(is_quote_term("XPERSONblinken"));
}

TEST_CASE("id terms keep the id as written") {
    CHECK(id_term("AbC-1") == "QAbC-1");
    CHECK(is_id_term("QAbC-1"));
    CHECK_FALSE(is_id_term("XQUOTEa"));
    Xapian::Document doc;
    CHECK(stored_id_term(doc).empty());
    doc.add_boolean_term("XSECTIONworld");
    doc.add_boolean_term(id_term("a1"));
    doc.add_boolean_term("Sword");
    CHECK(stored_id_term(doc) == "Qa1");
}
