// Language tags and detection (newsq::language_code, newsq::detect_language), and what the
// analysis does with the language it finds.

#include <string>

#include <doctest/doctest.h>

#include <newsq/analysis.hpp>

namespace {

// Written for the project: three sentences of a German news item, and of an English one.
const std::string kGerman =
    "Der Stadtrat von Lindenau hat am Dienstag beschlossen, die alte Brücke über den Fluss bis "
    "zum Herbst zu sanieren. Die Arbeiten sollen rund vier Millionen Euro kosten und werden "
    "vom Land zur Hälfte bezahlt. Während der Bauzeit fahren die Busse über eine Umleitung.";
const std::string kEnglish =
    "The town council of Lindenau voted on Tuesday to repair the old bridge over the river "
    "before the autumn. The work is expected to cost about four million euros, half of it paid "
    "by the region. Buses will take a diversion while the bridge is closed.";

// `first` then `second`, as one text.
std::string joined(const std::string& first, std::string_view second) {
    std::string text = first;
    text.append(second);
    return text;
}

} // namespace

TEST_CASE("a language tag reads as its ISO 639-1 code") {
    CHECK(newsq::language_code("de") == "de");
    CHECK(newsq::language_code(" DE-de ") == "de");
    CHECK(newsq::language_code("en_GB") == "en");
    CHECK(newsq::language_code("zh-Hant") == "zh");
    CHECK(newsq::language_code("iw") == "he");
    CHECK(newsq::language_code("no") == "nb");
    CHECK(newsq::language_code("und").empty());
    CHECK(newsq::language_code("english").empty());
    CHECK(newsq::language_code("e1").empty());
    CHECK(newsq::language_code("").empty());
}

TEST_CASE("detection finds the language, and keeps a declared one the text does not contradict") {
    CHECK(newsq::detect_language(kGerman) == "de");
    CHECK(newsq::detect_language(kEnglish) == "en");
    // A page declaring English for a German article is German.
    CHECK(newsq::detect_language(kGerman, "en-US") == "de");
    CHECK(newsq::detect_language(kEnglish, "EN") == "en");
    // Too little text to contradict anything: the declared language stands, as its code.
    CHECK(newsq::detect_language("Oslo, 12 May.", "nb-NO") == "nb");
    CHECK(newsq::detect_language("12:30").empty());
    CHECK(newsq::detect_language("").empty());
    // Control characters do not hide the language.
    CHECK(newsq::detect_language(joined("\x01\x1b[2J ", kEnglish)) == "en");
}

TEST_CASE("the analysis sets the language, and finds entities and speakers in English only") {
    const newsq::Analyzer analyzer;
    newsq::Article german{.id = "de",
                          .body = joined(kGerman, "\n\n„Wir halten den Zeitplan ein“, sagte "
                                                  "Bürgermeisterin Anna Keller.")};
    analyzer.analyze(german);
    CHECK(german.language == "de");
    CHECK(german.entities.empty());
    REQUIRE(german.quotes.size() == 1);
    CHECK(german.quotes[0].text == "Wir halten den Zeitplan ein");
    CHECK(german.quotes[0].speaker.empty());

    newsq::Article english{.id = "en",
                           .body = joined(kEnglish, "\n\n\"We will keep to the timetable,\" said "
                                                    "Mayor Anna Keller.")};
    analyzer.analyze(english);
    CHECK(english.language == "en");
    REQUIRE(english.quotes.size() == 1);
    CHECK(english.quotes[0].speaker == "Anna Keller");
}

TEST_CASE("without detection, the declared language is kept as its code") {
    const newsq::Analyzer analyzer({.language = false});
    newsq::Article a{.id = "a", .body = kEnglish, .language = "de-AT"};
    analyzer.analyze(a);
    CHECK(a.language == "de");
}
