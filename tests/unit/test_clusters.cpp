// Duplicate clusters in the index: a spun copy joins its original's cluster, a different
// article on the same event does not, search collapses a cluster into one hit, and clusters
// follow replacement and deletion. Real Xapian databases in temporary directories.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/index.hpp>
#include <newsq/search.hpp>

#include "temp_dir.hpp"

using newsq::Article;
using newsq::Index;
using newsq::Searcher;
using newsq::test::TempDir;

namespace {

Article original() {
    return {.id = "harbour-original",
            .title = "Dock workers at Valbrook walk out over night shifts",
            .section = "Business",
            .source = "Coastline Times",
            .published = "2024-03-04",
            .body = "Dock workers at the port of Valbrook stopped work on Monday after talks with "
                    "Harmon Shipping broke down over new night shifts.\n\n"
                    "\"We have carried this port through two winters and now they want our nights "
                    "too,\" said Ilse Marquardt, who leads the Valbrook Dockers Union.\n\n"
                    "Harmon Shipping said 14 vessels were waiting outside the harbour. \"Every "
                    "day of this costs the town more than it costs us,\" chief executive Tomas "
                    "Reyes told reporters in Valbrook.\n\n"
                    "The union said 1,200 members had voted for the strike, which is planned to "
                    "last until Friday."};
}

// The original after a spinner: common words swapped, names, numbers and quotes kept.
Article spun_copy() {
    return {.id = "harbour-spun",
            .published = "2024-03-05",
            .body = "Harbour labourers at the haven of Valbrook halted labour on Monday once "
                    "negotiations with Harmon Shipping fell apart over fresh evening rotas.\n\n"
                    "\"We have carried this port through two winters and now they want our nights "
                    "too,\" mentioned Ilse Marquardt, who heads the Valbrook Dockers Union.\n\n"
                    "Harmon Shipping stated 14 ships were idling beyond the haven. \"Every "
                    "day of this costs the town more than it costs us,\" chief executive Tomas "
                    "Reyes informed journalists in Valbrook.\n\n"
                    "The union stated 1,200 members had voted for the walkout, which is meant to "
                    "run until Friday."};
}

// Another article on the same strike: the same people and places, its own text and quotes.
Article same_event() {
    return {.id = "harbour-second-day",
            .title = "Valbrook strike enters second day as ships queue",
            .section = "Business",
            .source = "Valbrook Courier",
            .published = "2024-03-05",
            .body = "Ships queued off Valbrook for a second day on Tuesday as the strike by "
                    "members of the Valbrook Dockers Union continued.\n\n"
                    "Ilse Marquardt said the union would meet Harmon Shipping again on Wednesday. "
                    "\"Nobody here wants to be standing at the gate in March,\" she said.\n\n"
                    "Tomas Reyes said the company had offered to phase the shifts in over a year. "
                    "\"The offer is on the table and it is a fair one,\" he said in a statement "
                    "issued in Valbrook."};
}

std::vector<newsq::Hit> hits(const std::filesystem::path& index, const std::string& query,
                             bool collapse) {
    Searcher searcher(index);
    newsq::SearchRequest r;
    r.query = query;
    r.collapse = collapse;
    return searcher.search(r).hits;
}

} // namespace

TEST_CASE("a spun copy joins its original's cluster, another article on the event does not") {
    const TempDir dir;
    const auto index = dir.path() / "index";
    {
        Index writer = Index::open(index);
        writer.add(spun_copy());
        writer.add(original());
        writer.add(same_event());
        writer.commit();
    }
    const auto collapsed = hits(index, "Valbrook Marquardt", true);
    REQUIRE(collapsed.size() == 2);
    CHECK(hits(index, "Valbrook Marquardt", false).size() == 3);
    for (const newsq::Hit& h : collapsed) {
        if (h.id == "harbour-second-day") {
            CHECK_FALSE(h.cluster);
            continue;
        }
        REQUIRE(h.cluster);
        CHECK(h.cluster->canonical == "harbour-original"); // published first
        CHECK(h.cluster->copies.size() == 1);
    }

    Searcher searcher(index);
    const auto similar = searcher.similar("harbour-original");
    REQUIRE(similar);
    REQUIRE(similar->articles.size() == 1);
    CHECK(similar->articles[0].id == "harbour-spun");
    CHECK(similar->articles[0].similarity >= 0.5);
    CHECK_FALSE(searcher.similar("no-such-article"));
    CHECK(searcher.similar("harbour-second-day")->articles.empty());
}

TEST_CASE("among copies of one date, the one with a headline and a section is canonical") {
    const TempDir dir;
    const auto index = dir.path() / "index";
    Index writer = Index::open(index);
    Article copy = spun_copy();
    copy.published = original().published;
    writer.add(copy);
    writer.add(original());
    writer.commit();
    const auto found = hits(index, "Harmon", true);
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].cluster);
    CHECK(found[0].cluster->canonical == "harbour-original");
}

TEST_CASE("clusters follow replacement and deletion of their members") {
    const TempDir dir;
    const auto index = dir.path() / "index";
    const auto file = dir.path() / "copy.jsonl";
    const auto write_copy = [&](const std::string& body) {
        std::ofstream(file) << R"({"id": "harbour-spun", "published": "2024-03-05", "body": )"
                            << '"' << body << "\"}\n";
    };
    {
        Index writer = Index::open(index);
        writer.add(original());
        writer.commit();
    }
    std::string body = spun_copy().body;
    for (std::size_t at = body.find('\n'); at != std::string::npos; at = body.find('\n', at)) {
        body.replace(at, 1, "\\n");
    }
    for (std::size_t at = body.find('"'); at != std::string::npos; at = body.find('"', at + 2)) {
        body.replace(at, 1, "\\\"");
    }
    write_copy(body);
    newsq::IngestOptions update;
    update.skip_unchanged = true;
    const std::vector<std::string> paths{file.string()};
    {
        Index writer = Index::open(index);
        newsq::ingest(writer, paths, update);
    }
    CHECK(hits(index, "Harmon", true).size() == 1);

    SUBCASE("replaced by another story, the copy leaves the cluster") {
        write_copy("A new ferry timetable for the islands starts on Sunday, with \\\"more boats "
                   "at dawn than ever before,\\\" the Island Ferry Board said in Ostra.");
        Index writer = Index::open(index);
        CHECK(newsq::ingest(writer, paths, update).updated == 1);
        writer.commit();
        CHECK(hits(index, "Harmon", true).size() == 1);
        CHECK_FALSE(hits(index, "Harmon", true)[0].cluster);
    }
    SUBCASE("pruned, the copy leaves the original alone") {
        std::filesystem::remove(file);
        update.prune = true;
        const std::vector<std::string> dir_paths{dir.path().string()};
        Index writer = Index::open(index);
        CHECK(newsq::ingest(writer, dir_paths, update).deleted == 1);
        writer.commit();
        const auto left = hits(index, "Harmon", true);
        REQUIRE(left.size() == 1);
        CHECK_FALSE(left[0].cluster);
    }
}

namespace {

// Three parts with their own quotations and names: articles made of overlapping parts are
// copies of each other by how much they share.
const std::string kPartOne =
    "\"The bridge at Kestrel Point will open in May,\" said Odile Fanshawe of Rowan Works. "
    "\"Every cable has been tested twice,\" added Piet Haverkamp.";
const std::string kPartTwo =
    "\"Traffic on the Saltmere road will fall by half,\" said Greta Lindholm of the Harbour "
    "Board. \"The old ferry keeps running until June,\" said Anwar Castell.";
const std::string kPartThree =
    "\"Nobody in Dunmore was asked about the tolls,\" said Beatrix Oyelaran. \"We will "
    "challenge them in the High Court at Corvin,\" said Lucan Ferreira of Toll Watch.";

Article made_of(std::string id, std::vector<std::string> parts) {
    Article a{.id = std::move(id), .title = "Kestrel Point bridge", .section = "World"};
    for (const std::string& part : parts) {
        a.body += (a.body.empty() ? "" : "\n\n") + part;
    }
    return a;
}

std::size_t cluster_size(const std::filesystem::path& index, const std::string& id) {
    Searcher searcher(index);
    newsq::SearchRequest r;
    r.query = "id:\"" + id + "\"";
    r.collapse = false;
    const auto found = searcher.search(r).hits;
    REQUIRE(found.size() == 1);
    return found[0].cluster ? found[0].cluster->size : 1;
}

} // namespace

TEST_CASE("clusters are the articles linked by copies, whatever order they arrive in") {
    const Article a = made_of("part-a", {kPartOne, kPartTwo});
    const Article b = made_of("part-b", {kPartTwo, kPartThree});
    const Article c = made_of("part-c", {kPartOne, kPartTwo, kPartThree});
    for (const auto& order : std::vector<std::vector<Article>>{{a, b, c}, {c, a, b}, {a, c, b}}) {
        const TempDir dir;
        const auto index = dir.path() / "index";
        Index writer = Index::open(index);
        for (const Article& article : order) {
            writer.add(article);
        }
        writer.commit();
        CHECK(cluster_size(index, "part-a") == 3);
        CHECK(cluster_size(index, "part-b") == 3);

        // Without the article linking them, a and b are not copies of each other.
        writer.add(made_of("part-c", {"\"A different story,\" said Mara Quist in Tollund."}));
        writer.commit();
        CHECK(cluster_size(index, "part-a") == 1);
        CHECK(cluster_size(index, "part-b") == 1);
    }
}
