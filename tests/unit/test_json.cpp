#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <newsq/error.hpp>
#include <newsq/json.hpp>

using Json = nlohmann::json;

namespace {

newsq::Article sample() {
    return {.id = "a1",
            .title = "Port reopens",
            .author = "Mira Castellanos",
            .published = "2022-03-17",
            .body = "Ships came in.",
            .entities = {{newsq::EntityType::place, "Varna"}},
            .quotes = {{"We are open", "Ilse Marten"}}};
}

} // namespace

TEST_CASE("an article converts to every member of its stored form") {
    const Json json = sample();
    CHECK(json.dump() ==
          R"({"author":"Mira Castellanos","body":"Ships came in.",)"
          R"("entities":[{"name":"Varna","type":"place"}],"id":"a1","language":"",)"
          R"("published":"2022-03-17","quotes":[{"speaker":"Ilse Marten","text":"We are open"}],)"
          R"("section":"","source":"","title":"Port reopens","url":""})");
    CHECK(json.get<newsq::Article>() == sample());
}

TEST_CASE("article_json renames the date and leaves out what the options say") {
    const Json shown = newsq::article_json(sample(), {.published_name = "date", .body = false});
    CHECK(shown.at("date") == "2022-03-17");
    CHECK_FALSE(shown.contains("published"));
    CHECK_FALSE(shown.contains("body"));

    const Json analysed = newsq::article_json(sample(), {.omit_empty = true});
    CHECK(analysed.dump() ==
          R"({"author":"Mira Castellanos","body":"Ships came in.",)"
          R"("entities":[{"name":"Varna","type":"place"}],"id":"a1",)"
          R"("published":"2022-03-17","quotes":[{"speaker":"Ilse Marten","text":"We are open"}],)"
          R"("title":"Port reopens"})");
    CHECK(newsq::article_json({}, {.omit_empty = true, .body = false}).dump() ==
          R"({"entities":[],"id":"","quotes":[]})");
}

TEST_CASE("an article without a language reads as one with an empty language") {
    Json json = sample();
    json.erase("language");
    CHECK(json.get<newsq::Article>() == sample());
}

TEST_CASE("reading an article refuses missing members and unknown entity types") {
    Json no_title = sample();
    no_title.erase("title");
    CHECK_THROWS_AS((void)no_title.get<newsq::Article>(), Json::exception);

    const Json alien = {{"type", "planet"}, {"name", "Mars"}};
    try {
        (void)alien.get<newsq::Entity>();
        FAIL("an unknown entity type was read");
    } catch (const newsq::Error& e) {
        CHECK(e.code() == newsq::ErrorCode::index_corrupt);
    }
}
