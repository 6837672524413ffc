// eval-analysis: scores the analysis stage (entities, quotes, speakers) on the sample corpus
// against its hand-written gold annotations, over all articles and per split: "text" (the
// plain-text files) and "wire" (the JSON Lines records).
//   usage: eval-analysis SAMPLES_DIR GOLD_JSONL [--errors]
// Exit status: 0 every threshold met, 1 some threshold missed, 2 bad usage or data.

#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <newsq/reader.hpp>

#include "corpus.hpp"
#include "scoring.hpp"

namespace {

namespace fs = std::filesystem;
using newsq::Article;
using newsq::EntityType;
using newsq::eval::analyse;
using newsq::eval::Annotation;
using newsq::eval::ArticleScore;
using newsq::eval::Counts;
using newsq::eval::read_corpus;
using newsq::eval::Totals;
using Gold = std::map<std::string, Annotation, std::less<>>;

// The acceptance thresholds, over all articles.
constexpr double kMinEntityF1 = 0.85;
constexpr double kMinQuoteF1 = 0.95;
constexpr double kMinSpeakerAccuracy = 0.90;
constexpr std::array kEntityTypes{EntityType::person, EntityType::organization, EntityType::place};

struct Options {
    std::string samples;
    std::string gold;
    bool errors = false;
    std::set<std::string> known_gaps; // measures reported but not enforced
};

std::string speaker_of(const nlohmann::json& quote) {
    const auto& speaker = quote.at("speaker");
    return speaker.is_null() ? std::string{} : speaker.get<std::string>();
}

Annotation parse_annotation(const nlohmann::json& record) {
    Annotation annotation;
    for (const auto& entity : record.at("entities")) {
        const auto type = newsq::entity_type(entity.at("type").get<std::string>());
        if (!type) {
            throw std::runtime_error(
                fmt::format("unknown entity type {}", entity.at("type").dump()));
        }
        annotation.entities.push_back({*type, entity.at("name").get<std::string>()});
    }
    for (const auto& quote : record.at("quotes")) {
        annotation.quotes.push_back({quote.at("text").get<std::string>(), speaker_of(quote)});
    }
    return annotation;
}

Gold read_gold(const fs::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", path.string()));
    }
    Gold gold;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        try {
            const auto record = nlohmann::json::parse(line);
            const auto id = record.at("id").get<std::string>();
            if (!gold.emplace(id, parse_annotation(record)).second) {
                throw std::runtime_error(fmt::format("id {} annotated twice", id));
            }
        } catch (const std::exception& e) {
            throw std::runtime_error(
                fmt::format("{}:{}: {}", path.string(), line_number, e.what()));
        }
    }
    return gold;
}

// Ids of the records of the JSON Lines files under `samples`: the "wire" split. A record's id
// does not depend on the directory it is read from, unlike a plain-text file's.
std::set<std::string, std::less<>> wire_ids(const fs::path& samples) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(samples)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && (name.ends_with(".jsonl") || name.ends_with(".ndjson") ||
                                        name.ends_with(".jsonl.gz"))) {
            files.push_back(entry.path().string());
        }
    }
    std::set<std::string, std::less<>> ids;
    for (const Article& a : read_corpus(files)) {
        ids.insert(a.id);
    }
    return ids;
}

void check_ids(const std::vector<Article>& articles, const Gold& gold) {
    std::set<std::string, std::less<>> seen;
    for (const Article& a : articles) {
        if (!seen.insert(a.id).second) {
            throw std::runtime_error(fmt::format("two articles have the id {}", a.id));
        }
        if (!gold.contains(a.id)) {
            throw std::runtime_error(fmt::format("article {} has no gold annotation", a.id));
        }
    }
    for (const auto& [id, annotation] : gold) {
        if (!seen.contains(id)) {
            throw std::runtime_error(
                fmt::format("gold id {} matches no article of the corpus", id));
        }
    }
}

void print_errors(const Article& article, const ArticleScore& score) {
    if (score.spurious_entities.empty() && score.missed_entities.empty() &&
        score.spurious_quotes.empty() && score.missed_quotes.empty() &&
        score.wrong_speakers.empty()) {
        return;
    }
    fmt::print("{}\n", article.id);
    for (const auto& e : score.missed_entities) {
        fmt::print("  missed    {:<12} {}\n", newsq::to_string(e.type), e.name);
    }
    for (const auto& e : score.spurious_entities) {
        fmt::print("  spurious  {:<12} {}\n", newsq::to_string(e.type), e.name);
    }
    for (const auto& text : score.missed_quotes) {
        fmt::print("  missed    quote        \"{}\"\n", text);
    }
    for (const auto& text : score.spurious_quotes) {
        fmt::print("  spurious  quote        \"{}\"\n", text);
    }
    for (const auto& w : score.wrong_speakers) {
        fmt::print("  speaker   gold {}, found {}: \"{}\"\n", w.gold.empty() ? "(none)" : w.gold,
                   w.found.empty() ? "(none)" : w.found, w.text);
    }
}

void print_row(std::string_view label, const Counts& c) {
    fmt::print("{:<18} {:>6} {:>6} {:>8} {:>10.3f} {:>7.3f} {:>7.3f}\n", label, c.gold(), c.found(),
               c.matched, c.precision(), c.recall(), c.f1());
}

void print_table(std::string_view split, const Totals& t) {
    fmt::print("\n{} ({} articles)\n", split, t.articles);
    fmt::print("{:<18} {:>6} {:>6} {:>8} {:>10} {:>7} {:>7}\n", "", "gold", "found", "matched",
               "precision", "recall", "F1");
    for (const EntityType type : kEntityTypes) {
        print_row(newsq::to_string(type), t.entities[static_cast<std::size_t>(type)]);
    }
    print_row("quote", t.quotes);
    fmt::print("{:<18} {:.3f} ({} of {} matched quotes)\n", "speaker accuracy",
               t.speaker_accuracy(), t.right_speakers, t.quotes.matched);
}

// Prints each threshold's verdict; returns whether all the enforced ones were met. A known
// gap is printed as "BELOW" (the measure is still under its target) and does not fail.
bool check_thresholds(const Totals& t, const std::set<std::string>& known_gaps) {
    bool all_met = true;
    const auto check = [&](std::string_view what, double value, double minimum) {
        const bool met = value >= minimum;
        const bool gap = known_gaps.contains(std::string(what.substr(0, what.find(' '))));
        all_met = all_met && (met || gap);
        fmt::print("  {:<7} {:<26} {:.3f} {} {:.2f}\n",
                   met   ? "ok"
                   : gap ? "BELOW"
                         : "FAILED",
                   what, value, met ? ">=" : "<", minimum);
    };
    fmt::print("\nthresholds over all {} articles:\n", t.articles);
    for (const EntityType type : kEntityTypes) {
        check(fmt::format("{} F1", newsq::to_string(type)),
              t.entities[static_cast<std::size_t>(type)].f1(), kMinEntityF1);
    }
    check("quote F1", t.quotes.f1(), kMinQuoteF1);
    check("speaker accuracy", t.speaker_accuracy(), kMinSpeakerAccuracy);
    return all_met;
}

int evaluate(const Options& options) {
    const Gold gold = read_gold(options.gold);
    std::vector<Article> articles = read_corpus({options.samples});
    check_ids(articles, gold);
    const auto wire = wire_ids(options.samples);
    analyse(articles);
    Totals all, text, wire_split;
    for (const Article& a : articles) {
        const auto found = Annotation{a.entities, a.quotes};
        const ArticleScore score = newsq::eval::score(gold.find(a.id)->second, found);
        if (options.errors) {
            print_errors(a, score);
        }
        all.add(score);
        (wire.contains(a.id) ? wire_split : text).add(score);
    }
    print_table("all", all);
    print_table("text", text);
    print_table("wire", wire_split);
    return check_thresholds(all, options.known_gaps) ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Scores the analysis on the sample corpus against the gold annotations."};
    Options options;
    app.add_option("samples", options.samples, "the sample corpus (corpus/samples)")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_option("gold", options.gold, "the gold annotations (tests/gold/analysis.jsonl)")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_flag("--errors", options.errors,
                 "list each article's missed and spurious entities and quotes, wrong speakers");
    app.add_option("--known-gap", options.known_gaps,
                   "a measure (person, organization, place, quote, speaker) known to be below "
                   "its target: reported, not enforced")
        ->check(CLI::IsMember({"person", "organization", "place", "quote", "speaker"}));
    CLI11_PARSE(app, argc, argv);
    try {
        return evaluate(options);
    } catch (const std::exception& e) { // bad data: a malformed gold file, an unmatched id
        fmt::print(stderr, "eval-analysis: {}\n", e.what());
        return 2;
    }
}
