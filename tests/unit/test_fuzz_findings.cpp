// What the fuzz harnesses (tests/fuzz) found, checked at the function that was wrong. The
// inputs that found them are replayed from tests/fuzz/regressions/.
#include <string>
#include <variant>

#include <doctest/doctest.h>

#include <newsq/article.hpp>
#include <newsq/reader.hpp>

using newsq::normalise_published;

TEST_CASE("a published date has digits only, without a sign") {
    CHECK(!normalise_published("-022-03-17"));
    CHECK(!normalise_published("-022-03-17T09:30:00Z"));
    CHECK(!normalise_published("2022--3-17"));
    CHECK(!normalise_published("2022-03--1"));
    CHECK(!normalise_published("2022-03-17T-1:-1"));
    CHECK(!normalise_published("2022-03-17T09:30:-1Z"));
    CHECK(!normalise_published("2022-03-17T09:30:00+-1:00"));
    CHECK(normalise_published("2022-03-17T09:30:00-01:00") == "2022-03-17T10:30:00Z");
    const auto parsed = newsq::parse_text_article("Date: -022-03-17\n\nThe body.\n");
    REQUIRE(std::holds_alternative<newsq::BadRecord>(parsed));
    CHECK(std::get<newsq::BadRecord>(parsed).line == 1);
}

TEST_CASE("a published time whose offset leaves the four-digit years is rejected") {
    CHECK(!normalise_published("0000-01-01T00:00:00+01:00"));
    CHECK(!normalise_published("9999-12-31T23:30:00-01:00"));
    CHECK(normalise_published("0000-01-01T01:00:00+01:00") == "0000-01-01T00:00:00Z");
    CHECK(normalise_published("9999-12-31T22:00:00-01:00") == "9999-12-31T23:00:00Z");
}
