// Near-duplicate fingerprints on small made-up articles: what survives spinning, what tells two
// articles about one event apart, the band keys and the stored form.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/dedup.hpp>
#include <newsq/error.hpp>

#include "dedup/candidates.hpp"

using newsq::Fingerprint;

namespace {

constexpr std::string_view kArticle =
    "Harbour officials in Valletta said on Monday that a new ferry link to Gozo would start in "
    "June, after two years of delays caused by a dispute over berths.\n\n"
    "“We have waited long enough, and the islanders have waited longer,” said transport minister "
    "Elena Borg. “From the first of June the crossing will take twenty minutes.”\n\n"
    "The operator, Maltese Seaways, will run four vessels and expects about 9,000 passengers a "
    "day in the summer. Its chief executive, Karl Zammit, said fares would stay frozen until "
    "2026.\n\n"
    "“Nobody should pay more to reach a hospital appointment than they pay for the appointment "
    "itself,” Zammit said.\n\n"
    "Residents in Mġarr welcomed the news but warned that parking near the terminal was already "
    "scarce. “The boats will be quick; the queue to board them will not,” said councillor Rita "
    "Camilleri.";

// kArticle through a dictionary spinner: common words swapped, quotes and names verbatim.
constexpr std::string_view kSpun =
    "Harbour officers in Valletta stated on Monday that a fresh ferry connection to Gozo would "
    "begin in June, following 2 yrs of delays brought about by a row over berths.\n\n"
    "“We have waited long enough, and the islanders have waited longer,” mentioned transport "
    "secretary Elena Borg. “From the first of June the crossing will take twenty minutes.”\n\n"
    "The operator, Maltese Seaways, will operate 4 ships and anticipates roughly 9,000 travellers "
    "a day in the summertime. Its main government, Karl Zammit, mentioned fares would remain "
    "frozen till 2026.\n\n"
    "“Nobody should pay more to reach a hospital appointment than they pay for the appointment "
    "itself,” Zammit mentioned.\n\n"
    "Inhabitants in Mġarr greeted the information however cautioned that parking close to the "
    "terminal was previously scarce. “The boats will be quick; the queue to board them will not,” "
    "stated councillor Rita Camilleri.";

// Another article about the same event: the same people and places, other words and quotes.
constexpr std::string_view kSameEvent =
    "A ferry service between Malta and Gozo run by Maltese Seaways will begin in June, transport "
    "minister Elena Borg announced in Valletta on Monday.\n\n"
    "“This is the most important change to island transport in a generation,” Borg told "
    "reporters, adding that the government had settled the berth dispute in March.\n\n"
    "Karl Zammit, who leads Maltese Seaways, said the company had hired 120 crew members. "
    "“Every one of them lives on Gozo or in the north of Malta,” Zammit said.\n\n"
    "In Mġarr, councillor Rita Camilleri asked for a new car park. “We need spaces before we need "
    "speeches,” Camilleri said.";

constexpr std::string_view kUnrelated =
    "Researchers at the University of Tartu said on Friday they had found a way to grow barley "
    "with a third less water.\n\n"
    "“The plants simply close their pores earlier in the day,” said Kadri Tamm, who led the "
    "study. The team tested 42 varieties over five summers near Jõgeva.\n\n"
    "Farmers in southern Estonia, where droughts have become more frequent, will be offered "
    "seed from 2027, the Estonian Crop Research Institute said.";

} // namespace

TEST_CASE("identical texts have similarity 1 and the same band keys") {
    const Fingerprint a = newsq::fingerprint(kArticle);
    const Fingerprint b = newsq::fingerprint(std::string(kArticle));
    CHECK(a == b);
    CHECK(a.shingles >= newsq::kMinShingles);
    CHECK(newsq::similarity(a, b) == doctest::Approx(1.0));
    CHECK(newsq::is_near_duplicate(a, b));
    const std::vector<std::string> keys = newsq::lsh_band_keys(a);
    CHECK(keys == newsq::lsh_band_keys(b));
    REQUIRE(keys.size() == newsq::kLshBands);
    CHECK(keys.front().starts_with("0"));
    CHECK(keys[10].starts_with("a"));
    CHECK(keys.back().starts_with("v"));
    CHECK(keys.front().size() == 5);
}

TEST_CASE("a spun copy stays a near-duplicate") {
    const Fingerprint original = newsq::fingerprint(kArticle);
    const Fingerprint spun = newsq::fingerprint(kSpun);
    CHECK(newsq::similarity(original, spun) >= 0.8);
    CHECK(newsq::is_near_duplicate(original, spun));
    const std::vector<std::string> a = newsq::lsh_band_keys(original);
    const std::vector<std::string> b = newsq::lsh_band_keys(spun);
    std::size_t shared = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        shared += a[i] == b[i] ? 1 : 0;
    }
    CHECK(shared > 0);
}

TEST_CASE("another article about the same event is not a near-duplicate") {
    const Fingerprint original = newsq::fingerprint(kArticle);
    const Fingerprint other = newsq::fingerprint(kSameEvent);
    CHECK(newsq::similarity(original, other) < 0.2);
    CHECK_FALSE(newsq::is_near_duplicate(original, other));
}

TEST_CASE("unrelated texts have a low similarity") {
    CHECK(newsq::similarity(newsq::fingerprint(kArticle), newsq::fingerprint(kUnrelated)) < 0.1);
}

TEST_CASE("only stable words count: quotations, names and numbers") {
    // Lower-case words outside quotations may change freely; "four" reads as "4".
    const Fingerprint a = newsq::fingerprint("Officials in Riga said four ferries left Liepaja on "
                                             "Monday. \"We are ready for the winter,\" Anna Ozola "
                                             "told the press.");
    const Fingerprint b = newsq::fingerprint("Officers from Riga claimed 4 boats departed Liepaja "
                                             "by Monday. \"We are ready for the winter,\" Anna "
                                             "Ozola informed reporters.");
    CHECK(a == b);
    const Fingerprint c = newsq::fingerprint("Officials in Riga said four ferries left Liepaja on "
                                             "Monday. \"We are ready for the summer,\" Anna Ozola "
                                             "told the press.");
    CHECK(a != c);
}

TEST_CASE("case, diacritics, quotation marks and apostrophes are folded") {
    const Fingerprint curly =
        newsq::fingerprint("Critics in Zürich and Kraków said the tour was late. “It’s a matter of "
                           "trust,” said Åsa Lindström of the Øresund Orchestra.");
    const Fingerprint straight = newsq::fingerprint(
        "Critics in ZURICH and Krakow said the tour was late. \"It's a matter of trust,\" said "
        "Asa Lindstrom of the Oresund Orchestra.");
    CHECK(curly == straight);
}

TEST_CASE("a body without enough stable words is nobody's duplicate") {
    const Fingerprint empty = newsq::fingerprint("");
    CHECK(empty.shingles == 0);
    CHECK(newsq::similarity(empty, empty) == 0.0);
    CHECK(newsq::lsh_band_keys(empty).empty());
    const Fingerprint tiny = newsq::fingerprint("the weather was fine in the morning.");
    CHECK(tiny.shingles == 0);
    const Fingerprint few = newsq::fingerprint("Anna Ozola won in Riga.");
    CHECK(few.shingles < newsq::kMinShingles);
    CHECK_FALSE(newsq::is_near_duplicate(few, few));
    CHECK(newsq::lsh_band_keys(few).empty());
}

TEST_CASE("best_duplicate picks the most similar near-duplicate") {
    const Fingerprint original = newsq::fingerprint(kArticle);
    const Fingerprint trimmed = newsq::fingerprint(kArticle.substr(0, kArticle.rfind("\n\n")));
    REQUIRE(newsq::similarity(original, trimmed) < 1.0);
    const std::vector<Fingerprint> candidates = {
        newsq::fingerprint(kSameEvent),
        trimmed,
        original,
        newsq::fingerprint(kUnrelated),
    };
    CHECK(newsq::detail::best_duplicate(original, candidates) == 2);
    CHECK(newsq::detail::best_duplicate(original, std::span(candidates).first(2)) == 1);
    CHECK_FALSE(
        newsq::detail::best_duplicate(original, std::span(candidates).first(1)).has_value());
    CHECK_FALSE(newsq::detail::best_duplicate(original, {}).has_value());
}

TEST_CASE("the stored form round-trips") {
    for (const std::string_view body : {kArticle, kSpun, std::string_view{}}) {
        const Fingerprint fingerprint = newsq::fingerprint(body);
        const std::string stored = newsq::serialise(fingerprint);
        CHECK(stored.size() == 6 + 2 * Fingerprint::kHashes);
        CHECK(newsq::parse_fingerprint(stored) == fingerprint);
    }
}

TEST_CASE("malformed stored fingerprints are rejected") {
    const std::string good = newsq::serialise(newsq::fingerprint(kArticle));
    std::string wrong_magic = good;
    wrong_magic[0] = 'X';
    std::string newer_version = good;
    newer_version[1] = '3';
    for (const std::string& bad : {std::string{}, good.substr(0, good.size() - 1), good + "x",
                                   wrong_magic, newer_version, std::string("F2")}) {
        CAPTURE(bad.size());
        try {
            (void)newsq::parse_fingerprint(bad);
            FAIL("no error");
        } catch (const newsq::Error& e) {
            CHECK(e.code() == newsq::ErrorCode::index_corrupt);
            CHECK(std::string_view(e.what()).find("fingerprint") != std::string_view::npos);
        }
    }
}

TEST_CASE("a phrase repeated many times counts once") {
    const std::string chant = "\"Go team go!\" ";
    const auto sung = [&](std::string text, int times) {
        for (int i = 0; i < times; ++i) {
            text += chant;
        }
        return text;
    };
    const std::string crowd = "At Harlow the crowd sang. ";
    CHECK(newsq::fingerprint(sung(crowd, 12)).shingles ==
          newsq::fingerprint(sung(crowd, 3)).shingles);
    CHECK_FALSE(
        newsq::is_near_duplicate(newsq::fingerprint(sung(crowd, 12)),
                                 newsq::fingerprint(sung("Rain fell on Denby all day. ", 12))));
}

TEST_CASE("a stray UTF-8 lead byte does not swallow the quotation mark after it") {
    const std::string quote =
        "\"the harbour will open in may and the ferries will run all summer long\" she said.";
    const std::string clean = "Officials spoke on Monday. " + quote;
    const std::string stray = "Officials spoke on Monday. \xC3" + quote;
    CHECK(newsq::fingerprint(stray).shingles == newsq::fingerprint(clean).shingles);
    CHECK(newsq::similarity(newsq::fingerprint(stray), newsq::fingerprint(clean)) == 1.0);
}
