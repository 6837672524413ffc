// The scoring of the analysis evaluation (tests/eval): a wrong score would hide regressions.

#include <doctest/doctest.h>

#include "scoring.hpp"

using newsq::Entity;
using newsq::EntityType;
using newsq::Quote;
using newsq::eval::Annotation;
using newsq::eval::ArticleScore;
using newsq::eval::Counts;
using newsq::eval::Totals;

namespace {

constexpr auto kPerson = static_cast<std::size_t>(EntityType::person);
constexpr auto kPlace = static_cast<std::size_t>(EntityType::place);
constexpr auto kOrganization = static_cast<std::size_t>(EntityType::organization);

} // namespace

TEST_CASE("eval scoring: quotes compare after normalising white space and quote characters") {
    CHECK(newsq::eval::normalise_quote("  We\u2019ll  share\n\nthat,\u00A0\u201Cthe\u201D plan ") ==
          "We'll share that, \"the\" plan");
    CHECK(newsq::eval::normalise_quote("\u2018Nan.\u2019") == "'Nan.'");
    CHECK(newsq::eval::normalise_name("C\u00F4te d\u2019Ivoire") == "C\u00F4te d'Ivoire");
    CHECK(newsq::eval::normalise_name("Zürich") != "Zurich");
}

TEST_CASE("eval scoring: entities are (type, name) pairs, apostrophes normalised, no fuzziness") {
    const Annotation gold{{{EntityType::organization, "Prosecutor General\u2019s Office"},
                           {EntityType::person, "Antony Blinken"},
                           {EntityType::place, "Kyiv"}},
                          {}};
    const Annotation found{{{EntityType::organization, "Prosecutor General's Office"},
                            {EntityType::person, "Blinken"},
                            {EntityType::person, "Kyiv"}},
                           {}};
    const ArticleScore s = newsq::eval::score(gold, found);
    CHECK(s.entities[kOrganization].matched == 1);
    CHECK(s.entities[kPerson].matched == 0);
    CHECK(s.entities[kPerson].missed == 1);
    CHECK(s.entities[kPerson].spurious == 2);
    CHECK(s.entities[kPlace].missed == 1);
    CHECK(s.entities[kPlace].spurious == 0);
    CHECK(s.missed_entities ==
          std::vector<Entity>{{EntityType::person, "Antony Blinken"}, {EntityType::place, "Kyiv"}});
}

TEST_CASE("eval scoring: each gold quote matches once, speakers are scored on matched quotes") {
    const Annotation gold{{},
                          {{"Personally, I agree,", "Antony Blinken"},
                           {"campaign of terror", ""},
                           {"Personally, I agree,", "Joe Biden"},
                           {"Never found.", "Joe Biden"}}};
    const Annotation found{{},
                           {{"Personally, I agree,", "Joe Biden"},
                            {"Personally, I agree,", "Antony Blinken"},
                            {"Personally, I agree,", "Antony Blinken"},
                            {"campaign of terror", "Xi Jinping"}}};
    const ArticleScore s = newsq::eval::score(gold, found);
    CHECK(s.quotes.matched == 3);
    CHECK(s.quotes.missed == 1);
    CHECK(s.quotes.spurious == 1);
    // Pairing same-speaker duplicates first leaves only the null-speaker quote wrong.
    CHECK(s.right_speakers == 2);
    REQUIRE(s.wrong_speakers.size() == 1);
    CHECK(s.wrong_speakers[0].gold.empty());
    CHECK(s.wrong_speakers[0].found == "Xi Jinping");
    CHECK(s.missed_quotes == std::vector<std::string>{"Never found."});
}

TEST_CASE("eval scoring: micro-averaged totals") {
    const Counts c{.matched = 6, .spurious = 2, .missed = 4};
    CHECK(c.precision() == doctest::Approx(0.75));
    CHECK(c.recall() == doctest::Approx(0.6));
    CHECK(c.f1() == doctest::Approx(2 * 0.75 * 0.6 / 1.35));
    CHECK(Counts{}.f1() == doctest::Approx(1.0));
    CHECK(Counts{.matched = 0, .spurious = 1, .missed = 1}.f1() == 0.0);

    Totals totals;
    totals.add(newsq::eval::score({{}, {{"A.", "X"}}}, {{}, {{"A.", "X"}}}));
    totals.add(newsq::eval::score({{}, {{"B.", "X"}, {"C.", "Y"}}}, {{}, {{"B.", "Z"}}}));
    CHECK(totals.articles == 2);
    CHECK(totals.quotes.matched == 2);
    CHECK(totals.quotes.missed == 1);
    CHECK(totals.speaker_accuracy() == doctest::Approx(0.5));
}
