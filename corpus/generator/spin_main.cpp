// newsq-spin: writes spun or lightly edited copies of articles as JSON Lines, for testing
// near-duplicate detection.
//   newsq-spin [--mode spin|edit] [--rate R] [--drop-headline] [--seed N] [--clean] [--out FILE]
//              PATH...
// Exit status: 0 every article copied, 1 some input was bad or the output could not be written,
// 2 usage error.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <newsq/analysis.hpp>
#include <newsq/reader.hpp>

#include "json_line.hpp"
#include "spinner.hpp"

namespace {

enum class Mode { spin, edit };

struct Options {
    std::vector<std::string> paths;
    Mode mode = Mode::spin;
    double rate = 0.4;
    bool drop_headline = false;
    std::uint64_t seed = 1;
    bool clean = false;
    std::string out;
};

struct Totals {
    std::size_t articles = 0;
    std::size_t bad = 0;
    std::size_t content_words = 0;
    std::size_t replaced = 0;
};

newsq::Article copy_of(const newsq::Article& article, const Options& options, Totals& totals) {
    if (options.mode == Mode::edit) {
        return newsq::spin::light_edit(article, {.seed = options.seed});
    }
    newsq::spin::SpinResult result = newsq::spin::spin(
        article,
        {.rate = options.rate, .drop_headline = options.drop_headline, .seed = options.seed});
    totals.content_words += result.content_words;
    totals.replaced += result.replaced;
    return std::move(result.article);
}

int run(const Options& options) {
    std::ofstream file;
    if (!options.out.empty()) {
        file.open(options.out, std::ios::binary);
        if (!file) {
            fmt::print(stderr, "newsq-spin: cannot open {}\n", options.out);
            return 1;
        }
    }
    std::ostream& out = options.out.empty() ? std::cout : file;
    // Only the fixed boilerplate patterns: a content farm copies one article at a time.
    const newsq::Analyzer cleaner{{.boilerplate = true, .entities = false, .quotes = false}};
    Totals totals;
    const auto write = [&](newsq::Article&& article) {
        if (options.clean) {
            cleaner.analyze(article);
        }
        out << newsq::gen::to_json_line(copy_of(article, options, totals));
        ++totals.articles;
    };
    const auto report = [&](newsq::BadRecord&& bad) {
        fmt::print(stderr, "{}:{}: {}\n", bad.path, bad.line, bad.reason);
        ++totals.bad;
    };
    newsq::read_articles(options.paths, {write, report});
    out.flush();
    if (!out) {
        fmt::print(stderr, "newsq-spin: cannot write {}\n",
                   options.out.empty() ? "to standard output" : options.out);
        return 1;
    }
    if (options.mode == Mode::spin && totals.content_words > 0) {
        fmt::print(stderr, "newsq-spin: {} articles, {} of {} content words replaced ({:.1f}%)\n",
                   totals.articles, totals.replaced, totals.content_words,
                   100.0 * static_cast<double>(totals.replaced) /
                       static_cast<double>(totals.content_words));
    }
    return totals.bad == 0 ? 0 : 1;
}

void add_options(CLI::App& app, Options& options) {
    app.add_option("paths", options.paths, "Article files or directories (\"-\": standard input)")
        ->required();
    const std::map<std::string, Mode> modes{{"spin", Mode::spin}, {"edit", Mode::edit}};
    app.add_option("--mode", options.mode,
                   "spin: synonym swaps; edit: drop and add a sentence, change three words, "
                   "trim the last paragraph")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case))
        ->default_str("spin");
    app.add_option("--rate", options.rate, "Share of content words outside quotations to replace")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    app.add_flag("--drop-headline", options.drop_headline, "Leave out the title and the section");
    app.add_option("--seed", options.seed, "Random seed")->capture_default_str();
    app.add_flag("--clean", options.clean, "Remove web boilerplate paragraphs before copying");
    app.add_option("--out", options.out, "Output file (default: standard output)");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes spun or lightly edited copies of articles as JSON Lines."};
    Options options;
    add_options(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    try {
        return run(options);
    } catch (const std::exception& e) {
        fmt::print(stderr, "newsq-spin: {}\n", e.what());
        return 1;
    }
}
