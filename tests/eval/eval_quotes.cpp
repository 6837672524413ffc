// eval-quotes: scores the direct quotes and their speakers found by the analysis on PolNeAR
// (US political news with every attribution annotated by hand; ../shared/data/polnear).
//   usage: eval-quotes SPLIT_DIR [--errors] [--no-check]
//
// Gold: a direct quote is a quoted stretch that an attribution's content spans from mark to
// mark (3 letters of slip allowed); quoted stretches inside another attribution's content or
// a Discard span are not annotated as quotes, so finding them is neither right nor wrong. A
// found quote matches a gold one when at least 80% of the words of each are shared. Speaker
// accuracy counts the matched quotes whose gold source names someone: the source's own words,
// or for "he"/"she" the nearest named source before it; descriptions ("the nominee"),
// anonymous and plural sources ("aides said") are not scored. A found speaker is right when
// it holds the gold name's last capitalised word (the surname), or the gold holds its last
// word ("Hillary Clinton" for "the Clinton campaign" is right).
// Exit status: 0 every threshold met, 1 some threshold missed, 2 bad usage or data.

#include <algorithm>
#include <cctype>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <newsq/analysis.hpp>

#include "polnear.hpp"
#include "scoring.hpp"

namespace {

using newsq::eval::Counts;
using newsq::eval::polnear::Document;
using newsq::eval::polnear::GoldQuote;

constexpr double kMinQuoteF1 = 0.90;
constexpr double kMinSpeakerAccuracy = 0.90;
constexpr double kMinSharedWords = 0.8;

// Lower-case words (letters and digits, apostrophes splitting them: "o", "connor").
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : newsq::eval::normalise_name(text)) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || u >= 0x80) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

bool same_quote(std::string_view a, std::string_view b) {
    std::vector<std::string> x = words_of(a);
    std::vector<std::string> y = words_of(b);
    if (x.empty() || y.empty()) {
        return false;
    }
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    std::vector<std::string> shared;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(shared));
    return static_cast<double>(shared.size()) >=
           kMinSharedWords * static_cast<double>(std::max(x.size(), y.size()));
}

// The gold name's surname: its last capitalised word, without a possessive.
std::string surname(std::string_view name) {
    std::string last;
    std::string word;
    for (const char c : std::string(name) + ' ') {
        if (c != ' ') {
            word += c;
            continue;
        }
        if (word.ends_with("'s") || word.ends_with("\u2019s")) {
            word.erase(word.size() - (word.ends_with("'s") ? 2 : 4));
        }
        if (!word.empty() && std::isupper(static_cast<unsigned char>(word.front())) != 0 &&
            word != "Jr." && word != "Sr.") {
            last = word;
        }
        word.clear();
    }
    return words_of(last).empty() ? std::string() : words_of(last).back();
}

bool same_speaker(std::string_view gold, std::string_view found) {
    const std::vector<std::string> found_words = words_of(found);
    const std::vector<std::string> gold_words = words_of(gold);
    if (found_words.empty()) {
        return false;
    }
    const std::string gold_surname = surname(gold);
    return std::find(found_words.begin(), found_words.end(), gold_surname) != found_words.end() ||
           std::find(gold_words.begin(), gold_words.end(), found_words.back()) != gold_words.end();
}

struct Totals {
    Counts quotes;
    std::size_t scored = 0; // matched quotes with a named gold speaker
    std::size_t right = 0;
};

struct Options {
    std::string dir;
    bool errors = false;
    bool check = true;
};

void score(const Document& doc, const std::vector<newsq::Quote>& found, Totals& totals,
           const Options& o) {
    std::vector<bool> used(doc.quotes.size(), false);
    for (const newsq::Quote& q : found) {
        const auto gold =
            std::find_if(doc.quotes.begin(), doc.quotes.end(), [&](const GoldQuote& g) {
                return !used[static_cast<std::size_t>(&g - doc.quotes.data())] &&
                       same_quote(g.text, q.text);
            });
        if (gold == doc.quotes.end()) {
            const bool unscored =
                std::any_of(doc.unscored.begin(), doc.unscored.end(),
                            [&](const std::string& u) { return same_quote(u, q.text); });
            totals.quotes.spurious += unscored ? 0 : 1;
            if (!unscored && o.errors) {
                fmt::print("{}: spurious quote: {:.70}\n", doc.name, q.text);
            }
            continue;
        }
        used[static_cast<std::size_t>(gold - doc.quotes.begin())] = true;
        ++totals.quotes.matched;
        if (gold->speaker.empty()) {
            continue;
        }
        ++totals.scored;
        const bool right = same_speaker(gold->speaker, q.speaker);
        totals.right += right ? 1 : 0;
        if (!right && o.errors) {
            fmt::print("{}: speaker {:?}, gold {:?}: {:.60}\n", doc.name, q.speaker, gold->speaker,
                       q.text);
        }
    }
    for (std::size_t k = 0; k < doc.quotes.size(); ++k) {
        if (!used[k]) {
            ++totals.quotes.missed;
            if (o.errors) {
                fmt::print("{}: missed quote ({}): {:.70}\n", doc.name, doc.quotes[k].speaker,
                           doc.quotes[k].text);
            }
        }
    }
}

int run(const Options& o) {
    const std::vector<Document> docs = newsq::eval::polnear::read_split(o.dir);
    const newsq::Analyzer analyzer;
    Totals totals;
    for (const Document& doc : docs) {
        newsq::Article article = doc.article;
        analyzer.analyze(article);
        score(doc, article.quotes, totals, o);
    }
    const double accuracy =
        totals.scored == 0 ? 1.0
                           : static_cast<double>(totals.right) / static_cast<double>(totals.scored);
    fmt::print("PolNeAR {}: {} articles, {} gold direct quotes\n", o.dir, docs.size(),
               totals.quotes.gold());
    fmt::print("direct quotes    precision {:.3f}  recall {:.3f}  F1 {:.3f}   (min F1 {:.2f})\n",
               totals.quotes.precision(), totals.quotes.recall(), totals.quotes.f1(), kMinQuoteF1);
    fmt::print("speaker accuracy {:.3f} on {} matched quotes with a named source   (min {:.2f})\n",
               accuracy, totals.scored, kMinSpeakerAccuracy);
    const bool met = totals.quotes.f1() >= kMinQuoteF1 && accuracy >= kMinSpeakerAccuracy;
    return met || !o.check ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App app("Score direct quotes and speakers on a PolNeAR split");
    app.add_option("split", o.dir, "folder with text/ and attributions/")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_flag("--errors", o.errors, "print every missed, spurious or misattributed quote");
    app.add_flag("--no-check{false}", o.check, "report the figures without enforcing thresholds");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(o);
    } catch (const std::exception& e) {
        fmt::print(stderr, "eval-quotes: {}\n", e.what());
        return 2;
    }
}
