// End-to-end cases for articles in many languages: the articles of tests/fixtures/languages
// (German, French, Spanish, Russian, Arabic, Chinese; no language declared) indexed with the
// English ones of tests/fixtures/articles. Expected values come from the tables of
// tests/fixtures/languages/README.md.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

using namespace e2e;
using Json = nlohmann::json;

const std::string kLanguages = NEWSQ_FIXTURES "/languages";
const std::vector<std::string> kCodes = {"de", "fr", "es", "ru", "ar", "zh"};
constexpr std::size_t kEnglishArticles = 12;

// One index of both fixture folders, built once for every case.
const std::string& shared_index() {
    static TempDir dir;
    static const std::string index = [] {
        const std::string path = dir / "index";
        const Result r = newsindex({"add", kLanguages, kArticles, "--index", path, "-q"});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        return path;
    }();
    return index;
}

// Every matching article (copies too), as JSON.
Json search(std::vector<std::string> args) {
    args.insert(args.end(), {"--index", shared_index(), "--json", "-n", "all", "--all"});
    const Result r = newsq(std::move(args));
    REQUIRE_MESSAGE((r.status == 0 || r.status == 1), r.err);
    return Json::parse(r.out);
}

std::set<std::string> ids_of(const Json& doc) {
    std::set<std::string> ids;
    for (const Json& hit : doc["hits"]) {
        ids.insert(hit["id"].get<std::string>());
    }
    return ids;
}

// The analysed articles of one fixture file, by id.
std::map<std::string, Json> analysed(const std::string& code) {
    const Result r = newsindex({"analyze", "--json", kLanguages + "/" + code + ".jsonl"});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    std::map<std::string, Json> articles;
    std::size_t start = 0;
    while (start < r.out.size()) {
        const std::size_t end = r.out.find('\n', start);
        Json a = Json::parse(r.out.substr(start, end - start));
        const std::string id = a["id"];
        articles[id] = std::move(a);
        start = end + 1;
    }
    return articles;
}

std::vector<std::string> quote_texts(const Json& article) {
    std::vector<std::string> texts;
    for (const Json& q : article.value("quotes", Json::array())) {
        texts.push_back(q["text"].get<std::string>());
    }
    return texts;
}

} // namespace

TEST_CASE("each fixture article is detected in its language, and the English ones as English") {
    for (const std::string& code : kCodes) {
        CAPTURE(code);
        const Json doc = search({"lang:" + code});
        CHECK(ids_of(doc) == std::set<std::string>{code + "-1", code + "-2", code + "-3"});
        for (const Json& hit : doc["hits"]) {
            CHECK(hit["language"] == code);
        }
    }
    CHECK(ids_of(search({"--lang", "en"})).size() == kEnglishArticles);
    // A tag names its language as its code does.
    CHECK(ids_of(search({"--lang", "de-DE"})) == ids_of(search({"lang:de"})));
    CHECK(ids_of(search({"--lang", "de", "--lang", "fr"})).size() == 6);
}

TEST_CASE("the language facet and newsindex stats count articles per language") {
    const Json doc = search({"--facets"});
    std::map<std::string, int> counts;
    for (const Json& v : doc["facets"]["language"]) {
        counts[v["value"].get<std::string>()] = v["count"].get<int>();
    }
    CHECK(counts ==
          std::map<std::string, int>{
              {"ar", 3}, {"de", 3}, {"en", 12}, {"es", 3}, {"fr", 3}, {"ru", 3}, {"zh", 3}});
    const Result stats = newsindex({"stats", "--index", shared_index(), "--json"});
    REQUIRE(stats.status == 0);
    const Json languages = Json::parse(stats.out)["languages"];
    REQUIRE(languages.size() == 7);
    CHECK(languages[0] == Json{{"value", "en"}, {"count", 12}});
    CHECK(languages[1]["count"] == 3);
}

TEST_CASE("a word finds its inflected forms in its own language") {
    // Only article 1 of each language holds the inflected form; the base form is in none.
    const std::map<std::string, std::string> base_forms = {
        {"de", "Verhandlung"}, {"fr", "négociation"}, {"es", "negociación"},
        {"ru", "переговоры"},  {"ar", "مفاوضة"},      {"zh", "谈判"}};
    for (const auto& [code, word] : base_forms) {
        CAPTURE(word);
        CHECK(ids_of(search({word})) == std::set<std::string>{code + "-1"});
        CHECK(ids_of(search({word, "--lang", code})) == std::set<std::string>{code + "-1"});
        CHECK(ids_of(search({word, "--lang", "en"})).empty());
    }
    // English words are still stemmed as English: "crime" finds the "war crimes" articles.
    CHECK(ids_of(search({"crime"})).contains("hh-2022-0317-tribunal"));
}

TEST_CASE("snippets highlight the inflected form the stemmed word matched") {
    const Json doc = search({"Verhandlung"});
    REQUIRE(doc["hits"].size() == 1);
    const Json& hit = doc["hits"][0];
    const std::string snippet = hit["snippet"];
    REQUIRE(!hit["highlights"].empty());
    CHECK(contains(snippet, "Verhandlungen"));
    const Json chinese = search({"谈判"});
    REQUIRE(chinese["hits"].size() == 1);
    CHECK(!chinese["hits"][0]["highlights"].empty());
}

TEST_CASE("a spelling suggestion comes from the articles of the query's language") {
    CHECK(search({"Verhandlungn", "--lang", "de"})["suggestion"] == "Verhandlungen");
    CHECK(search({"Verhandlungn", "--lang", "fr"})["suggestion"].is_null());
}

TEST_CASE("quotations are found in each language's marks, without English-rule speakers") {
    const std::map<std::string, std::vector<std::string>> quotes = {
        {"de-2", {"Wir haben so etwas seit mehr als dreißig Jahren nicht erlebt"}},
        {"de-3", {"Wir sind zufrieden, aber noch lange nicht am Ziel"}},
        {"fr-1", {"Nous restons prudents"}},
        {"fr-2", {"C'est une situation que nous n'avions pas connue depuis quarante ans"}},
        {"es-1", {"Todavía queda mucho trabajo por delante, pero hay voluntad de acuerdo"}},
        {"es-2", {"Nunca habíamos visto el río así, subió en menos de una hora"}},
        {"ru-1", {"Мы рассчитываем на компромисс, но спешить не будем"}},
        {"ar-1", {"نأمل أن نصل إلى اتفاق متوازن يخدم مصالح جميع الأطراف"}},
        {"ar-3", {"هذا اللقب هدية لجماهيرنا التي وقفت معنا طوال الموسم"}},
        {"zh-1", {"我们对达成协议抱有信心，但不会急于求成。"}},
        {"zh-2", {"水涨得太快了，不到一个小时就漫进了院子。"}},
    };
    for (const std::string& code : kCodes) {
        for (const auto& [id, article] : analysed(code)) {
            CAPTURE(id);
            CHECK(article["language"] == code);
            const auto expected = quotes.find(id);
            CHECK(quote_texts(article) ==
                  (expected == quotes.end() ? std::vector<std::string>{} : expected->second));
            for (const Json& q : article.value("quotes", Json::array())) {
                CHECK(q.value("speaker", "") == "");
            }
            CHECK(article.value("entities", Json::array()).empty());
        }
    }
}
