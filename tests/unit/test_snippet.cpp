#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "search/snippet.hpp"

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
