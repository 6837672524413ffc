// Uses the installed newsq library as an application would: analyses and indexes three
// articles in a fresh index under DIR, searches it and reads one back. Exits 1, saying what
// differed, when a result is not the expected one.
// Usage: consumer DIR
#include <algorithm>
#include <cctype>
#include <cstdlib> // mkdtemp
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <newsq/json.hpp>
#include <newsq/newsq.hpp>

namespace fs = std::filesystem;

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
    if (!ok) {
        std::cerr << "consumer: FAILED: " << what << '\n';
        ++failures;
    }
}

std::vector<newsq::Article> articles() {
    return {
        {.id = "hh-tribunal",
         .title = "Tribunal opens inquiry into shelling of river towns",
         .section = "World",
         .source = "Harbor Herald",
         .author = "Mira Castellanos",
         .url = "https://harborherald.example/world/2022/03/17/tribunal-inquiry",
         .published = "2022-03-17T09:30:00Z",
         .body = "Prosecutors at an international tribunal said on Thursday that they had opened "
                 "an inquiry into possible war crimes after weeks of shelling along the Varna "
                 "river.\n\n"
                 "\u201cEvidence fades quickly, so we are moving now,\u201d said Ilse Marten, "
                 "the chief prosecutor.\n\n"
                 "Read more: our coverage of the tribunal"},
        {.id = "cw-committee",
         .title = "Committee backs funding for evidence archive",
         .section = "Politics",
         .source = "Capitol Wire",
         .published = "2023-01-12",
         .body = "A parliamentary committee voted on Thursday to fund a permanent archive for "
                 "war crimes evidence gathered by volunteer lawyers.\n\n"
                 "Opponents questioned the cost of the archive."},
        // "crimes" and "war", but not the phrase.
        {.id = "vl-grain",
         .title = "Grain traders count the cost of a long winter",
         .section = "Business",
         .source = "Valley Ledger",
         .published = "2021-06-02",
         .body = "Customs officers reported a rise in smuggling crimes at the northern "
                 "terminals. Older traders compared the disruption with the years during the "
                 "war, when the port was closed."},
    };
}

std::string ids(const std::vector<newsq::Hit>& hits) {
    std::string list;
    for (const newsq::Hit& hit : hits) {
        list += (list.empty() ? "" : " ") + hit.id;
    }
    return "[" + list + "]";
}

// The highlighted parts of a snippet, lower-cased.
std::vector<std::string> highlighted(const newsq::Snippet& snippet) {
    std::vector<std::string> parts;
    for (const auto& [begin, end] : snippet.highlights) {
        std::string part = snippet.text.substr(begin, end - begin);
        std::ranges::transform(part, part.begin(), [](unsigned char c) { return std::tolower(c); });
        parts.push_back(part);
    }
    return parts;
}

void check(const fs::path& index_dir) {
    newsq::Analyzer analyzer;
    {
        newsq::Index index = newsq::Index::open(index_dir);
        for (newsq::Article article : articles()) {
            analyzer.analyze(article);
            expect(index.add(article) == newsq::Upsert::added, "add " + article.id);
        }
        index.commit();
        expect(index.size() == 3, "index size " + std::to_string(index.size()));
    }

    newsq::Searcher searcher(index_dir);
    const auto phrase = searcher.search({.query = "\"war crimes\""}).hits;
    std::set<std::string> found;
    for (const newsq::Hit& hit : phrase) {
        found.insert(hit.id);
        const auto parts = highlighted(hit.snippet);
        expect(parts == std::vector<std::string>{"war crimes"},
               "phrase highlighted in the snippet of " + hit.id + ": " + hit.snippet.text);
    }
    expect(found == std::set<std::string>{"hh-tribunal", "cw-committee"},
           "\"war crimes\" found " + ids(phrase));

    const auto politics = searcher.search({.query = "\"war crimes\" section:politics"}).hits;
    expect(politics.size() == 1 && politics[0].id == "cw-committee",
           "\"war crimes\" section:politics found " + ids(politics));

    const auto world = searcher.search({.query = "crimes", .filters = {{"section", "world"}}}).hits;
    expect(world.size() == 1 && world[0].id == "hh-tribunal",
           "crimes with filter section=world found " + ids(world));

    const auto stored = searcher.article("hh-tribunal");
    expect(stored.has_value(), "article(hh-tribunal) found");
    if (stored) {
        expect(stored->title == articles()[0].title, "stored title: " + stored->title);
        expect(stored->body.find("Read more") == std::string::npos,
               "boilerplate removed from the stored body: " + stored->body);
        const newsq::Entity marten{newsq::EntityType::person, "Ilse Marten"};
        expect(std::ranges::find(stored->entities, marten) != stored->entities.end(),
               "Ilse Marten among the stored entities");
        expect(stored->quotes.size() == 1 && stored->quotes[0].speaker == "Ilse Marten" &&
                   stored->quotes[0].text.starts_with("Evidence fades quickly"),
               "one stored quote, by Ilse Marten");
        const nlohmann::json json = *stored;
        expect(json.at("id") == "hh-tribunal" && json.get<newsq::Article>() == *stored,
               "the stored article as JSON and back: " + json.dump());
    }
    expect(!searcher.article("no-such-id"), "article(no-such-id) is empty");

    const newsq::SearchResults misspelt = searcher.search({.query = "war crimse"});
    expect(misspelt.hits.empty() && misspelt.suggestion == "war crimes",
           "suggestion for \"war crimse\": " + misspelt.suggestion.value_or("none"));

    {
        newsq::Index index = newsq::Index::open(index_dir);
        expect(index.remove("vl-grain"), "remove vl-grain");
        expect(!index.remove("vl-grain"), "remove vl-grain a second time finds nothing");
        index.commit();
    }
    const newsq::SearchResults crimes = searcher.search({.query = "crimes", .facets = 5});
    expect(crimes.hits.size() == 2, "crimes after removing vl-grain found " + ids(crimes.hits));
    const newsq::Facet& sections = crimes.facets.at(0);
    expect(sections.name == "section" && sections.distinct == 2,
           "section facet of crimes has World and Politics only");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer DIR\n";
        return 2;
    }
    // A fresh index of our own under DIR, removed at the end.
    std::string pattern = (fs::path(argv[1]) / "index-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        std::cerr << "consumer: cannot create a directory under " << argv[1] << '\n';
        return 2;
    }
    const fs::path index_dir = pattern;
    try {
        check(index_dir);
    } catch (const newsq::Error& e) {
        std::cerr << "consumer: newsq error " << newsq::to_string(e.code()) << ": " << e.what()
                  << '\n';
        ++failures;
    }
    fs::remove_all(index_dir);
    if (failures == 0) {
        std::cout << "consumer: all checks passed\n";
    }
    return failures == 0 ? 0 : 1;
}
