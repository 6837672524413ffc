// check-seeds: runs the analysis on the two seed documents the project was specified from (an
// article with trailing web boilerplate, and a spun copy of it without section or headline) and
// checks what the issue asks of them: the same quotes in both, the boilerplate gone from the
// article's clean body, the people and places found under their canonical names, and both
// detected as English.
//   usage: check-seeds SEEDS_DIR
// Exit status: 0 every check passed, 1 some check failed, 2 the seeds could not be read.

#include <algorithm>
#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <newsq/article.hpp>

#include "corpus.hpp"

namespace {

using newsq::Article;
using newsq::Entity;
using newsq::EntityType;

constexpr std::string_view kOriginal = "000_9df1945755b2818f.txt";
constexpr std::string_view kSpun = "003_0fafb07de12b38bd.txt";

// Paragraphs of the article that are web boilerplate: whole paragraphs, then prefixes.
constexpr std::string_view kBoilerplate[] = {
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Trending",
    "Exit mobile version",
};
constexpr std::string_view kBoilerplatePrefixes[] = {"For the latest headlines", "Read more:"};

constexpr std::string_view kPeople[] = {"Antony Blinken", "Joe Biden", "Vladimir Putin",
                                        "Xi Jinping"};
constexpr std::string_view kPlaces[] = {"Russia",   "Ukraine",   "China",
                                        "Mariupol", "Chernihiv", "Luhansk"};
// Bare surnames that must have been merged into the canonical names above.
constexpr std::string_view kSurnames[] = {"Blinken", "Biden", "Putin", "Xi"};

// The quote that reports Biden's words but is Blinken's, like every other.
constexpr std::string_view kNestedQuoteStart = "Yesterday, President Biden said that";

class Checker {
public:
    void check(bool passed, std::string_view what, std::string_view detail = {}) {
        ++checks_;
        failures_ += passed ? 0 : 1;
        fmt::print("{}: {}\n", passed ? "ok" : "FAILED", what);
        if (!passed && !detail.empty()) {
            fmt::print("  {}\n", detail);
        }
    }

    int finish() const {
        fmt::print("analysis of the seeds: {} passed, {} failed\n", checks_ - failures_, failures_);
        return failures_ == 0 ? 0 : 1;
    }

private:
    std::size_t checks_ = 0;
    std::size_t failures_ = 0;
};

const Article& find_article(const std::vector<Article>& articles, std::string_view id) {
    const auto it = std::ranges::find(articles, id, &Article::id);
    if (it == articles.end()) {
        throw std::runtime_error(fmt::format("no seed {} in the seeds directory", id));
    }
    return *it;
}

std::vector<std::string_view> paragraphs(std::string_view body) {
    std::vector<std::string_view> result;
    for (std::size_t start = 0; start <= body.size();) {
        const std::size_t end = std::min(body.find("\n\n", start), body.size());
        result.push_back(body.substr(start, end - start));
        start = end + 2;
    }
    return result;
}

bool is_boilerplate(std::string_view paragraph) {
    return std::ranges::find(kBoilerplate, paragraph) != std::end(kBoilerplate) ||
           std::ranges::any_of(kBoilerplatePrefixes,
                               [&](std::string_view p) { return paragraph.starts_with(p); });
}

void check_boilerplate(Checker& checker, const Article& original) {
    std::vector<std::string_view> left;
    std::ranges::copy_if(paragraphs(original.body), std::back_inserter(left), is_boilerplate);
    checker.check(left.empty(), "the article's web boilerplate is gone from its clean body",
                  fmt::format("still there: {}", fmt::join(left, " | ")));
    checker.check(original.body.find("Intentionally targeting civilians") != std::string::npos,
                  "the article's clean body keeps its text");
}

std::set<std::string> quote_texts(const Article& article) {
    std::set<std::string> texts;
    for (const newsq::Quote& q : article.quotes) {
        texts.insert(q.text);
    }
    return texts;
}

void check_quotes(Checker& checker, const Article& original, const Article& spun) {
    const std::set<std::string> a = quote_texts(original);
    const std::set<std::string> b = quote_texts(spun);
    std::vector<std::string> only_a, only_b;
    std::ranges::set_difference(a, b, std::back_inserter(only_a));
    std::ranges::set_difference(b, a, std::back_inserter(only_b));
    checker.check(!a.empty() && only_a.empty() && only_b.empty(),
                  fmt::format("the article and its spun copy have the same {} quotes", a.size()),
                  fmt::format("only in the article: [{}]; only in the copy: [{}]",
                              fmt::join(only_a, " | "), fmt::join(only_b, " | ")));
}

// Every quote of both seeds is Antony Blinken's, the one that reports Biden's words included.
void check_speakers(Checker& checker, const Article& article, std::string_view label) {
    std::vector<std::string> wrong;
    for (const newsq::Quote& q : article.quotes) {
        if (q.speaker != "Antony Blinken") {
            wrong.push_back(
                fmt::format("{} ({:.40}…)", q.speaker.empty() ? "none" : q.speaker, q.text));
        }
    }
    const bool nested = std::ranges::any_of(article.quotes, [](const newsq::Quote& q) {
        return q.text.starts_with(kNestedQuoteStart);
    });
    checker.check(
        nested && wrong.empty(),
        fmt::format("{}: all {} quotes are Antony Blinken's", label, article.quotes.size()),
        nested ? fmt::format("others: {}", fmt::join(wrong, "; "))
               : std::string("“Yesterday, President Biden said …” not found"));
}

bool has_entity(const Article& article, EntityType type, std::string_view name) {
    return std::ranges::find(article.entities, Entity{type, std::string(name)}) !=
           article.entities.end();
}

void check_entities(Checker& checker, const Article& article, std::string_view label) {
    const auto check_type = [&](EntityType type, const auto& names) {
        std::vector<std::string_view> missing;
        std::ranges::copy_if(names, std::back_inserter(missing),
                             [&](std::string_view n) { return !has_entity(article, type, n); });
        checker.check(
            missing.empty(),
            fmt::format("{}: {} {}", label, newsq::to_string(type), fmt::join(names, ", ")),
            fmt::format("missing: {}", fmt::join(missing, ", ")));
    };
    check_type(EntityType::person, kPeople);
    check_type(EntityType::place, kPlaces);
    std::vector<std::string_view> bare;
    std::ranges::copy_if(kSurnames, std::back_inserter(bare), [&](std::string_view n) {
        return has_entity(article, EntityType::person, n);
    });
    checker.check(bare.empty(), fmt::format("{}: no bare surname as a separate person", label),
                  fmt::format("found: {}", fmt::join(bare, ", ")));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        fmt::print(stderr, "usage: check-seeds SEEDS_DIR\n");
        return 2;
    }
    try {
        std::vector<Article> seeds = newsq::eval::read_corpus({argv[1]});
        newsq::eval::analyse(seeds);
        const Article& original = find_article(seeds, kOriginal);
        const Article& spun = find_article(seeds, kSpun);
        Checker checker;
        for (const Article* a : {&original, &spun}) {
            checker.check(a->language == "en", fmt::format("{} is detected as English", a->id),
                          fmt::format("detected: \"{}\"", a->language));
        }
        check_boilerplate(checker, original);
        check_quotes(checker, original, spun);
        check_speakers(checker, original, "article");
        check_speakers(checker, spun, "spun copy");
        check_entities(checker, original, "article");
        check_entities(checker, spun, "spun copy");
        return checker.finish();
    } catch (const std::exception& e) {
        fmt::print(stderr, "check-seeds: {}\n", e.what());
        return 2;
    }
}
