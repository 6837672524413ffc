// eval-entity-search: how well searching the analysis finds the stories that name an entity,
// beside searching the name as a phrase, on CoNLL-2003 data (../shared/data/conll2003/dev.txt:
// Reuters stories with every name tagged by hand). Every story is analysed and indexed; for
// each name the gold tags give (a person, organisation or place, as written), the stories
// relevant to it are those the gold tags it in with that type. It is searched as
// `person:"…"` (or org:, place:) and as the phrase `"…"`, and each ranking is scored by average
// precision; the mean over the names of a type (MAP) is printed for both, with their recall.
//   usage: eval-entity-search CONLL_FILE
// Exit status: 0 when the entity search's MAP is at least the phrase search's for every type,
// 1 when not, 2 bad usage or data.

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <newsq/analysis.hpp>
#include <newsq/index.hpp>
#include <newsq/search.hpp>

#include "conll.hpp"
#include "temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
namespace conll = newsq::eval::conll;
namespace ner = newsq::detail::ner;
using newsq::EntityType;

constexpr std::array kTypes{EntityType::person, EntityType::organization, EntityType::place};

// The stories each name is tagged in, by type and name as written.
using Relevant = std::map<std::pair<EntityType, std::string>, std::set<std::string>>;

std::optional<EntityType> entity_type_of(ner::NameType type) {
    switch (type) {
    case ner::NameType::person:
        return EntityType::person;
    case ner::NameType::organization:
        return EntityType::organization;
    case ner::NameType::place:
        return EntityType::place;
    default:
        return std::nullopt;
    }
}

// Indexes every story, analysed, and returns the gold names' stories.
Relevant index_stories(const std::vector<conll::Document>& docs, const fs::path& dir) {
    Relevant relevant;
    newsq::Index index = newsq::Index::open(dir);
    const newsq::Analyzer analyzer;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        newsq::Article a{.id = fmt::format("story-{}", d + 1)};
        for (const std::string& p : docs[d].paragraphs) {
            a.body += (a.body.empty() ? "" : "\n\n") + p;
        }
        analyzer.analyze(a);
        index.add(a);
        for (const conll::Mention& m : conll::gold_mentions(docs[d])) {
            const auto type = entity_type_of(m.type);
            std::string name;
            for (std::size_t i = m.begin; i < m.end; ++i) {
                name += (name.empty() ? "" : " ") + docs[d].sentences[m.sentence][i].word;
            }
            if (type && name.find('"') == std::string::npos) {
                relevant[{*type, name}].insert(a.id);
            }
        }
    }
    index.commit();
    return relevant;
}

struct Ranking {
    double average_precision = 0;
    double recall = 0;
};

Ranking score(newsq::Searcher& searcher, const std::string& query,
              const std::set<std::string>& relevant) {
    newsq::SearchRequest request{
        .query = query, .limit = 1000, .snippets = false, .clusters = false};
    request.collapse = false;
    std::size_t found = 0;
    double precision_sum = 0;
    std::size_t rank = 0;
    for (const newsq::Hit& hit : searcher.search(request).hits) {
        ++rank;
        if (relevant.contains(hit.id)) {
            ++found;
            precision_sum += static_cast<double>(found) / static_cast<double>(rank);
        }
    }
    const auto total = static_cast<double>(relevant.size());
    return {precision_sum / total, static_cast<double>(found) / total};
}

struct Means {
    std::size_t names = 0;
    Ranking entity, phrase;

    void add(const Ranking& e, const Ranking& p) {
        ++names;
        entity.average_precision += e.average_precision;
        entity.recall += e.recall;
        phrase.average_precision += p.average_precision;
        phrase.recall += p.recall;
    }

    double mean(double sum) const { return names == 0 ? 0 : sum / static_cast<double>(names); }
};

int run(const std::string& file) {
    const std::vector<conll::Document> docs = conll::read(file);
    const newsq::test::TempDir scratch;
    const Relevant relevant = index_stories(docs, scratch.path());
    newsq::Searcher searcher(scratch.path());
    std::map<EntityType, Means> by_type;
    for (const auto& [key, stories] : relevant) {
        const auto& [type, name] = key;
        const std::string_view field = type == EntityType::organization ? "org" : to_string(type);
        by_type[type].add(score(searcher, fmt::format("{}:\"{}\"", field, name), stories),
                          score(searcher, fmt::format("\"{}\"", name), stories));
    }
    fmt::print("{} stories of {}\n{:<14}{:>7}{:>12}{:>12}{:>14}{:>14}\n", docs.size(), file, "type",
               "names", "entity MAP", "phrase MAP", "entity recall", "phrase recall");
    bool ok = true;
    for (const EntityType type : kTypes) {
        const Means& m = by_type[type];
        const double entity = m.mean(m.entity.average_precision);
        const double phrase = m.mean(m.phrase.average_precision);
        fmt::print("{:<14}{:>7}{:>12.3f}{:>12.3f}{:>14.3f}{:>14.3f}   {}\n", to_string(type),
                   m.names, entity, phrase, m.mean(m.entity.recall), m.mean(m.phrase.recall),
                   entity >= phrase ? "ok" : "FAIL: below the phrase search");
        ok = ok && entity >= phrase;
    }
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Ranks entity searches against phrase searches on CoNLL-2003 data"};
    std::string file;
    app.add_option("file", file, "a CoNLL-2003 file, e.g. dev.txt")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        return run(file);
    } catch (const std::exception& e) {
        fmt::print(stderr, "eval-entity-search: {}\n", e.what());
        return 2;
    }
}
