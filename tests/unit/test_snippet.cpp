#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "search/snippet.hpp"
#include "text.hpp"

using newsq::Snippet;
using newsq::detail::HighlightSpec;
using newsq::detail::make_snippet;

namespace {

std::vector<std::string> marked(const Snippet& s) {
    std::vector<std::string> out;
    for (const auto& [begin, end] : s.highlights) {
        out.push_back(s.text.substr(begin, end - begin));
    }
    return out;
}

Snippet snippet_for(std::string_view text, const Xapian::Query& q, std::size_t length = 240) {
    return make_snippet(text, newsq::detail::highlight_spec(q), Xapian::Stem("english"), length);
}

Xapian::Query phrase(std::initializer_list<const char*> words) {
    std::vector<Xapian::Query> terms;
    for (const char* w : words) {
        terms.emplace_back(w);
    }
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
}

} // namespace

TEST_CASE("a phrase is highlighted only where its words stand together") {
    const std::string text = "The war dragged on. Crimes were reported. Officials said war crimes "
                             "had been committed, and the war, crimes aside, went on.";
    const Snippet s = snippet_for(text, phrase({"war", "crimes"}));
    CHECK(marked(s) == std::vector<std::string>{"war crimes", "war, crimes"});
}

TEST_CASE("stems and plain terms match inflected words, case-insensitively") {
    const Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query("Zattack"), Xapian::Query("kyiv"));
    const Snippet s = snippet_for("Attacks on KYIV continued; the attacking side fled.", q);
    CHECK(marked(s) == std::vector<std::string>{"Attacks", "KYIV", "attacking"});
}

TEST_CASE("possessives and curly apostrophes match like the indexer splits words") {
    const Snippet s = snippet_for("Moscow\u2019s unprovoked invasion.", Xapian::Query("Zmoscow"));
    CHECK(marked(s) == std::vector<std::string>{"Moscow\u2019s"});
}

TEST_CASE("the window goes to the best match and is cut at word boundaries") {
    std::string text;
    for (int i = 0; i < 60; ++i) {
        text += "Filler words about the weather. ";
    }
    text += "The court heard evidence of war crimes in the region. ";
    for (int i = 0; i < 60; ++i) {
        text += "More filler words follow here. ";
    }
    const Snippet s = snippet_for(text, phrase({"war", "crimes"}), 120);
    CHECK(marked(s) == std::vector<std::string>{"war crimes"});
    CHECK(s.text.starts_with("… The court heard"));
    CHECK(s.text.ends_with(" …"));
    CHECK(s.text.size() <= 120 + 10);
}

TEST_CASE("negated and filter terms are not highlighted") {
    const Xapian::Query q(Xapian::Query::OP_AND_NOT, Xapian::Query("Zport"),
                          Xapian::Query("Zstrike"));
    const Xapian::Query filtered(Xapian::Query::OP_FILTER, q, Xapian::Query("XSECTIONworld"));
    const Snippet s = snippet_for("Port strike: the port reopened.", filtered);
    CHECK(marked(s) == std::vector<std::string>{"Port", "port"});
}

TEST_CASE("without a match the snippet is the opening, white space folded") {
    const Snippet s = snippet_for("First paragraph here.\n\nSecond one.", Xapian::Query("Zzebra"));
    CHECK(s.text == "First paragraph here. Second one.");
    CHECK(s.highlights.empty());
    CHECK(snippet_for("", Xapian::Query("Zzebra")).text.empty());
}

TEST_CASE("NEAR highlights the words only where they are close") {
    const std::vector<Xapian::Query> words = {Xapian::Query("ceasefire"), Xapian::Query("gaza")};
    const Xapian::Query near(Xapian::Query::OP_NEAR, words.begin(), words.end(), 3);
    std::string text = "A ceasefire was agreed. ";
    for (int i = 0; i < 20; ++i) {
        text += "word ";
    }
    text += "Talks on a Gaza ceasefire resumed.";
    const Snippet s = snippet_for(text, near, 400);
    CHECK(marked(s) == std::vector<std::string>{"Gaza", "ceasefire"});
}

TEST_CASE("quote: terms highlight the quote's words when the quote prefix is asked for") {
    const Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query("ZXQUOTEwar"),
                          Xapian::Query("Ztown"));
    const auto text_only = newsq::detail::highlight_spec(q);
    CHECK(text_only.terms == std::vector<std::string>{"Ztown"});
    const auto with_quotes = newsq::detail::highlight_spec(q, {"", "XQUOTE"});
    CHECK(with_quotes.terms == std::vector<std::string>{"Zwar", "Ztown"});
    const auto quotes_only = newsq::detail::highlight_spec(q, {"XQUOTE"});
    CHECK(quotes_only.terms == std::vector<std::string>{"Zwar"});

    const Xapian::Query quoted = phrase({"XQUOTEwar", "XQUOTEcrimes"});
    const auto spec = newsq::detail::highlight_spec(quoted, {"XQUOTE"});
    REQUIRE(spec.phrases.size() == 1);
    CHECK(spec.phrases[0] == std::vector<newsq::detail::TermSet>{{"war"}, {"crimes"}});
    CHECK(newsq::detail::highlight_spec(quoted).phrases.empty());
}

TEST_CASE("highlight_all keeps the whole text and marks every match") {
    std::string text;
    for (int i = 0; i < 30; ++i) {
        text += "Words before. ";
    }
    text += "We saw war crimes,\n and war.";
    const Snippet s = newsq::detail::highlight_all(
        text, newsq::detail::highlight_spec(phrase({"war", "crimes"})), Xapian::Stem("english"));
    CHECK(s.text.starts_with("Words before."));
    CHECK(s.text.ends_with("We saw war crimes, and war."));
    CHECK(marked(s) == std::vector<std::string>{"war crimes"});
    CHECK(newsq::detail::highlight_all("No match here.", {}, Xapian::Stem("english"))
              .highlights.empty());
}

namespace {

// The words of `text` that a query's terms highlight, stemmed by the stemmer of `language`.
std::vector<std::string> highlighted(std::string_view text, const Xapian::Query& q,
                                     const char* language) {
    const HighlightSpec spec = newsq::detail::highlight_spec(q);
    return marked(newsq::detail::highlight_all(text, spec, Xapian::Stem(language, true)));
}

// `text` parsed as newsq parses a search: some words stemmed, CJK text as n-grams.
Xapian::Query parsed(const std::string& text, const char* language = "none") {
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem(language, true));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    return parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT |
                                        Xapian::QueryParser::FLAG_CJK_NGRAM);
}

std::string repeated(std::string_view s, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) {
        out += s;
    }
    return out;
}

} // namespace

TEST_CASE("stems of German, French, Spanish and Russian words highlight their inflections") {
    REQUIRE(Xapian::Stem("german")("verhandlungen") == "verhandl");
    CHECK(highlighted("Die Verhandlungen in Genf zogen sich hin; eine weitere Verhandlung folgt.",
                      Xapian::Query("Zverhandl"),
                      "de") == std::vector<std::string>{"Verhandlungen", "Verhandlung"});
    CHECK(highlighted("Les négociations ont repris. La négociation de mardi a échoué.",
                      parsed("négociations", "fr"),
                      "fr") == std::vector<std::string>{"négociations", "négociation"});
    CHECK(highlighted("Las negociaciones siguen; una negociación difícil.",
                      parsed("negociaciones", "es"),
                      "es") == std::vector<std::string>{"negociaciones", "negociación"});
    CHECK(highlighted("Переговоры в Минске затянулись. Итоги переговоров объявят в пятницу.",
                      parsed("переговоров", "ru"),
                      "ru") == std::vector<std::string>{"Переговоры", "переговоров"});
}

TEST_CASE("stems that change or drop a word's first letter still highlight the word") {
    CHECK(highlighted("Die Überweisungen kamen spät, eine Überweisung fehlt.",
                      parsed("überweisungen", "de"),
                      "de") == std::vector<std::string>{"Überweisungen", "Überweisung"});
    CHECK(highlighted("Los éxitos del club y otro Éxito.", parsed("éxitos", "es"), "es") ==
          std::vector<std::string>{"éxitos", "Éxito"});
    CHECK(highlighted("استؤنفت المفاوضات في القاهرة، وقال الوسيط إن المفاوضة صعبة.",
                      parsed("المفاوضات", "ar"),
                      "ar") == std::vector<std::string>{"المفاوضات", "المفاوضة"});
    CHECK(highlighted("Mereka merundingkan tarif, lalu tarif itu dirundingkan ulang.",
                      parsed("dirundingkan", "id"),
                      "id") == std::vector<std::string>{"merundingkan", "dirundingkan"});
    CHECK(highlighted("Tá an feirm mór; i bhfeirm eile.", parsed("feirm", "ga"), "ga") ==
          std::vector<std::string>{"feirm", "bhfeirm"});
}

TEST_CASE("every stemmer's stem of a word highlights that word") {
    const std::vector<std::string> words = {
        "negotiations",   "überweisungen", "éxitos",     "één",     "ès",       "المفاوضات",
        "переговоров",    "bhfeirm",       "dipelajari", "gelopen", "ullas",    "bini",
        "ştiri",          "ölçüler",       "ísiltír",    "yelling", "ijsberen", "எங்கே",
        "kirjoittaminen", "հայաստանի"};
    std::istringstream languages(Xapian::Stem::get_available_languages());
    for (std::string language; languages >> language;) {
        const Xapian::Stem stem(language);
        for (const std::string& word : words) {
            const std::string stemmed = stem(word);
            if (stemmed.empty()) {
                continue; // no "Z" term to look for
            }
            HighlightSpec spec;
            spec.terms = {"Z" + stemmed};
            CAPTURE(language);
            CAPTURE(word);
            CHECK(marked(newsq::detail::highlight_all("… " + word + " …", spec, stem)) ==
                  std::vector<std::string>{word});
        }
    }
}

TEST_CASE("words of every script are split and matched case-insensitively") {
    CHECK(highlighted("ПЕРЕГОВОРЫ сорваны. Переговоры возобновятся.", parsed("переговоры"),
                      "none") == std::vector<std::string>{"ПЕРЕГОВОРЫ", "Переговоры"});
    CHECK(highlighted("Η ΒΟΥΛΉ συνεδρίασε· η Βουλή ψήφισε.", parsed("βουλή"), "none") ==
          std::vector<std::string>{"ΒΟΥΛΉ", "Βουλή"});
    CHECK(highlighted("ÉCONOMIE en crise, Économie en hausse.", parsed("économie"), "none") ==
          std::vector<std::string>{"ÉCONOMIE", "Économie"});
    CHECK(highlighted("נדחו הבחירות, אך הבחירות יתקיימו.", parsed("הבחירות"), "none") ==
          std::vector<std::string>{"הבחירות", "הבחירות"});
    CHECK(highlighted("المفاوضات، والمفاوضات.", parsed("المفاوضات"), "none") ==
          std::vector<std::string>{"المفاوضات"});
}

TEST_CASE("a CJK word highlights where its characters stand together") {
    CHECK(newsq::detail::highlight_spec(parsed("谈判")).terms == std::vector<std::string>{"谈判"});
    CHECK(highlighted("中美两国周二恢复谈判，会谈持续到深夜。", parsed("谈判"), "none") ==
          std::vector<std::string>{"谈判"});
    CHECK(highlighted("東京で開かれた会議は、次の会議の日程を決めた。", parsed("会議"), "none") ==
          std::vector<std::string>{"会議", "会議"});
    CHECK(highlighted("정상 회담이 열렸다. 다음 회담은 서울에서.", parsed("회담"), "none") ==
          std::vector<std::string>{"회담", "회담"});
    CHECK(highlighted("会谈后重启谈判。", parsed("谈"), "none") ==
          std::vector<std::string>{"谈", "谈"});
}

TEST_CASE("a longer CJK word highlights the pairs of its characters that the index matched") {
    CHECK(highlighted("双方的贸易谈判取得进展。此前谈判一度中断，贸易往来减少。",
                      parsed("贸易谈判"),
                      "none") == std::vector<std::string>{"贸易谈判", "谈判", "贸易"});
    CHECK(highlighted("贸易谈判重启，谈判代表抵达。", parsed("\"贸易谈判\""), "none") ==
          std::vector<std::string>{"贸易谈判"});
}

TEST_CASE("CJK words mix with other words in one query") {
    CHECK(highlighted("Trade talks (贸易谈判) resumed.", parsed("谈判 talks", "en"), "en") ==
          std::vector<std::string>{"talks", "谈判"});
    CHECK(highlighted("Trade 谈判 resumed; 会谈 ended.", parsed("谈判 AND trade", "en"), "en") ==
          std::vector<std::string>{"Trade", "谈判"});
    CHECK(highlighted("谈判 and 贸易, 会谈.", parsed("谈判 AND 贸易"), "none") ==
          std::vector<std::string>{"谈判", "贸易"});
    CHECK(highlighted("APEC会议在利马举行。", parsed("会议 APEC", "en"), "en") ==
          std::vector<std::string>{"APEC", "会议"});
    CHECK(highlighted("谈判's end", parsed("谈判 end", "en"), "en") ==
          std::vector<std::string>{"谈判", "end"});
}

TEST_CASE("a snippet of CJK text goes to the match and is cut between characters") {
    const std::string text = repeated("今天天气晴朗，市场平稳。", 40) +
                             "周二，中美两国在日内瓦恢复贸易谈判。" +
                             repeated("专家预计价格将继续上涨。", 40);
    const HighlightSpec spec = newsq::detail::highlight_spec(parsed("谈判"));
    const Snippet s = make_snippet(text, spec, Xapian::Stem("none"), 240);
    CHECK(marked(s) == std::vector<std::string>{"谈判"});
    CHECK(s.text.starts_with("…周二，中美两国在日内瓦恢复贸易谈判。专家预计"));
    CHECK(s.text.ends_with("…"));
    CHECK(s.text.size() <= 240 + 10);
    CHECK(s.text.size() >= 200);
    CHECK_FALSE(newsq::detail::invalid_utf8_offset(s.text));

    const Snippet opening = make_snippet(text, {}, Xapian::Stem("none"), 240);
    CHECK(opening.text.starts_with("今天天气晴朗，市场平稳。"));
    CHECK(opening.text.ends_with("…"));
    CHECK(opening.text.size() <= 240 + 10);
    CHECK_FALSE(newsq::detail::invalid_utf8_offset(opening.text));

    const std::string unbroken = repeated("市场平稳价格上涨", 30);
    const Snippet cut = make_snippet(unbroken, {}, Xapian::Stem("none"), 240);
    CHECK(cut.text == repeated("市场平稳价格上涨", 10) + "…");
}
