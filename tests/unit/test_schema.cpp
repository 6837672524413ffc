#include <set>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include <newsq/schema.hpp>

#include "store/document.hpp"
#include "store/fields.hpp"

using newsq::boolean_term;
using newsq::field;

TEST_CASE("fields are found by name and alias") {
    CHECK(newsq::find_field("title") == &field("title"));
    CHECK(newsq::find_field("headline") == &field("title"));
    CHECK(newsq::find_field("site") == &field("host"));
    CHECK(newsq::find_field("nonsense") == nullptr);
}

TEST_CASE("boolean terms fold case, except ids and URLs") {
    CHECK(boolean_term(field("section"), "World") == "XSECTIONworld");
    CHECK(boolean_term(field("source"), " Harbor Herald ") == "XSOURCEharbor herald");
    CHECK(boolean_term(field("source"), "ZÜRICH POST") == "XSOURCEzürich post");
    CHECK(boolean_term(field("id"), "AbC-1") == "QAbC-1");
    CHECK(boolean_term(field("url"), "https://X.example/A") == "Uhttps://X.example/A");
    // The entity row has no terms of its own: it filters through the typed rows'.
    CHECK_THROWS_AS((void)boolean_term(field("entity"), "Oslo"), std::invalid_argument);
}

TEST_CASE("long boolean terms are cut on a character boundary and keep apart") {
    const std::string base = "https://example.org/" + std::string(300, 'a');
    const std::string one = boolean_term(field("url"), base + "1");
    const std::string two = boolean_term(field("url"), base + "2");
    CHECK(one.size() <= newsq::kMaxTermBytes);
    CHECK(one != two);
    const std::string accents = boolean_term(
        field("source"), std::string(200, 'x') + "ééééééééééééé" + std::string(100, 'y'));
    CHECK(accents.size() <= newsq::kMaxTermBytes);
    CHECK(!newsq::detail::encode_article({.id = accents, .body = "b"}).empty());
}

TEST_CASE("a document carries the schema's terms, value and data") {
    newsq::detail::DocumentBuilder builder;
    const newsq::Article a{.id = "n1",
                           .title = "Harbour strike ends",
                           .section = "Business",
                           .source = "Harbor Herald",
                           .author = "Ann Lee",
                           .url = "https://www.Harbor.example/b/1",
                           .published = "2022-03-17T09:30:00Z",
                           .body = "Dock workers returned."};
    const Xapian::Document doc = builder.build(a);
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    for (const char* t :
         {"Qn1", "XSECTIONbusiness", "XSOURCEharbor herald", "Uhttps://www.Harbor.example/b/1",
          "Hwww.harbor.example", "D20220317", "M202203", "Y2022", "Sharbour", "ZSharbour",
          "harbour", "Zharbour", "dock", "Zdock", "Aann", "Alee"}) {
        CAPTURE(t);
        CHECK(terms.contains(t));
    }
    CHECK_FALSE(terms.contains("Aworkers"));
    CHECK(doc.get_value(newsq::kDateSlot) == "20220317093000");
    CHECK(newsq::detail::decode_article(doc.get_data()) == a);
}

TEST_CASE("title words weigh more than body words") {
    newsq::detail::DocumentBuilder builder;
    const Xapian::Document doc = builder.build({.id = "n2", .title = "strike", .body = "strike"});
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "strike") {
            CHECK(it.get_wdf() == field("title").weight + field("body").weight);
        }
    }
}

TEST_CASE("URL hosts") {
    using newsq::detail::url_host;
    CHECK(url_host("https://www.Example.org:8080/a?b") == "www.example.org");
    CHECK(url_host("http://user@news.example") == "news.example");
    CHECK(url_host("not a url").empty());
}
