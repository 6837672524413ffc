// eval-langid: language identification (newsq::detect_language) measured on short articles of
// many languages, each labelled with its ISO 639-1 code (tests/eval/langid), and checked on
// articles known to be English.
//   usage: eval-langid LABELLED.tsv [--english PATH…] [--min-accuracy A] [--errors]
// Prints accuracy and per-language precision / recall / F1. Exit status: 0 accuracy at least
// A and every --english article detected as English, 1 otherwise, 2 unreadable input.

#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <newsq/analysis.hpp>

#include "corpus.hpp"
#include "scoring.hpp"

namespace {

struct Labelled {
    std::string language;
    std::string text;
};

std::vector<Labelled> read_labelled(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", path));
    }
    std::vector<Labelled> rows;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) {
            throw std::runtime_error(fmt::format("{}:{}: no tab", path, number));
        }
        if (number > 1) {
            rows.push_back({line.substr(0, tab), line.substr(tab + 1)});
        }
    }
    return rows;
}

// Scores every row; returns the accuracy.
double score_labelled(const std::vector<Labelled>& rows, bool errors) {
    std::map<std::string, newsq::eval::Counts> by_language;
    std::size_t right = 0;
    for (const Labelled& row : rows) {
        const std::string found = newsq::detect_language(row.text);
        if (found == row.language) {
            ++right;
            ++by_language[row.language].matched;
            continue;
        }
        ++by_language[row.language].missed;
        ++by_language[found.empty() ? "(none)" : found].spurious;
        if (errors) {
            fmt::print("  {} detected as \"{}\": {:.60}…\n", row.language, found, row.text);
        }
    }
    fmt::print("{:<8} {:>9} {:>7} {:>6} {:>6}\n", "language", "precision", "recall", "F1", "items");
    for (const auto& [language, c] : by_language) {
        fmt::print("{:<8} {:>9.3f} {:>7.3f} {:>6.3f} {:>6}\n", language, c.precision(), c.recall(),
                   c.f1(), c.gold());
    }
    const double accuracy = rows.empty() ? 0.0 : static_cast<double>(right) / rows.size();
    fmt::print("accuracy {:.3f} ({} of {} articles, {} languages)\n", accuracy, right, rows.size(),
               by_language.size());
    return accuracy;
}

// Counts the articles under `paths`, analysed as ingest does, not detected as English.
std::size_t not_english(const std::vector<std::string>& paths) {
    std::vector<newsq::Article> articles = newsq::eval::read_corpus(paths);
    newsq::eval::analyse(articles);
    std::size_t wrong = 0;
    for (const newsq::Article& a : articles) {
        if (a.language != "en") {
            ++wrong;
            fmt::print("  {} detected as \"{}\", not English\n", a.id, a.language);
        }
    }
    fmt::print("English articles: {} of {} detected as English\n", articles.size() - wrong,
               articles.size());
    return wrong;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Measures language identification on labelled short articles."};
    std::string labelled;
    std::vector<std::string> english;
    double min_accuracy = 0.97;
    bool errors = false;
    app.add_option("labelled", labelled, "TSV of language<TAB>text, with a header line")
        ->required();
    app.add_option("--english", english, "articles (files or directories) that are English");
    app.add_option("--min-accuracy", min_accuracy, "accuracy below this fails")
        ->capture_default_str();
    app.add_flag("--errors", errors, "list every article detected wrongly");
    CLI11_PARSE(app, argc, argv);
    try {
        const double accuracy = score_labelled(read_labelled(labelled), errors);
        const std::size_t wrong = english.empty() ? 0 : not_english(english);
        if (accuracy < min_accuracy) {
            fmt::print("FAILED: accuracy {:.3f} is below {:.3f}\n", accuracy, min_accuracy);
        }
        return accuracy >= min_accuracy && wrong == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "eval-langid: {}\n", e.what());
        return 2;
    }
}
