// eval-extraction: scores the article bodies that extract_page finds on the pages of an
// article extraction benchmark (../shared/data/article-extraction: html/<key>.html.gz and
// ground-truth.json, key → {articleBody, url}), as that folder's README defines the score.
//   usage: eval-extraction DIR [--errors]
//
// Tokens are runs of Unicode word characters (letters, digits, "_"), case kept; a text's
// shingles are its runs of 4 tokens (one shorter shingle for fewer tokens), counted with
// repeats. A page's precision is the share of found shingles that are in the true body, its
// recall the share of true shingles found. Precision is averaged over the pages with a found
// body, recall over the pages with a true body; F1 is the harmonic mean of those averages.
// --errors lists every page's scores, worst first, with shingles it added and missed.
// Exit status: 0 F1 at least 0.95, 1 below, 2 bad usage or data.

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <zlib.h>

#include "html/page.hpp"

namespace {

namespace fs = std::filesystem;

constexpr double kMinF1 = 0.95;
constexpr std::size_t kShingle = 4;
/// How many added and missed shingles --errors shows per page.
constexpr std::size_t kShownShingles = 6;

using Shingles = std::map<std::string, int>;

bool is_word_char(unsigned ch) {
    using namespace Xapian::Unicode;
    if (ch == '_') {
        return true;
    }
    switch (get_category(ch)) {
    case UPPERCASE_LETTER:
    case LOWERCASE_LETTER:
    case TITLECASE_LETTER:
    case MODIFIER_LETTER:
    case OTHER_LETTER:
    case DECIMAL_DIGIT_NUMBER:
    case LETTER_NUMBER:
    case OTHER_NUMBER:
        return true;
    default:
        return false;
    }
}

std::vector<std::string> tokens(const std::string& text) {
    std::vector<std::string> out;
    std::string token;
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        if (is_word_char(*it)) {
            Xapian::Unicode::append_utf8(token, *it);
        } else if (!token.empty()) {
            out.push_back(std::move(token));
            token.clear();
        }
    }
    if (!token.empty()) {
        out.push_back(std::move(token));
    }
    return out;
}

Shingles shingles(const std::vector<std::string>& words) {
    Shingles out;
    const std::size_t n = words.size() < kShingle ? std::min<std::size_t>(words.size(), 1)
                                                  : words.size() - kShingle + 1;
    for (std::size_t i = 0; i < n; ++i) {
        std::string key;
        for (std::size_t k = i; k < std::min(words.size(), i + kShingle); ++k) {
            key += (k == i ? "" : " ") + words[k];
        }
        ++out[key];
    }
    return out;
}

int total(const Shingles& s) {
    int n = 0;
    for (const auto& [key, count] : s) {
        n += count;
    }
    return n;
}

/// The shingles of `a` beyond those of `b`, with their surplus counts.
Shingles surplus(const Shingles& a, const Shingles& b) {
    Shingles out;
    for (const auto& [key, count] : a) {
        const auto other = b.find(key);
        const int extra = count - (other == b.end() ? 0 : other->second);
        if (extra > 0) {
            out[key] = extra;
        }
    }
    return out;
}

std::string gunzip(const fs::path& path) {
    const std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
    if (!file) {
        throw std::runtime_error("cannot open " + path.string());
    }
    std::string out;
    std::vector<char> buffer(1 << 16);
    int n = 0;
    while ((n = gzread(file.get(), buffer.data(), static_cast<unsigned>(buffer.size()))) > 0) {
        out.append(buffer.data(), static_cast<std::size_t>(n));
    }
    if (n < 0) {
        throw std::runtime_error("cannot read " + path.string());
    }
    return out;
}

struct PageScore {
    std::string key;
    bool predicted = false;
    bool has_truth = false;
    double precision = 0;
    double recall = 0;
    bool exact = false;
    std::string error;
    Shingles added;
    Shingles missed;
};

PageScore score_page(const std::string& key, const nlohmann::json& truth, const fs::path& dir) {
    PageScore score;
    score.key = key;
    const std::string url = truth.value("url", "");
    const auto true_words = tokens(truth.value("articleBody", ""));
    std::vector<std::string> found_words;
    try {
        const std::string html = gunzip(dir / "html" / (key + ".html.gz"));
        newsq::detail::PageOrigin origin;
        origin.url = url;
        found_words = tokens(newsq::detail::extract_page(html, origin).body);
    } catch (const std::runtime_error& e) {
        score.error = e.what();
    }
    const Shingles truth_set = shingles(true_words);
    const Shingles found_set = shingles(found_words);
    score.added = surplus(found_set, truth_set);
    score.missed = surplus(truth_set, found_set);
    const int t = total(truth_set);
    const int f = total(found_set);
    score.predicted = f > 0;
    score.has_truth = t > 0;
    score.exact = true_words == found_words;
    if (t == 0 && f == 0) {
        score.precision = score.recall = 1;
        score.predicted = score.has_truth = true;
    } else {
        const int matched = f - total(score.added);
        score.precision = f > 0 ? static_cast<double>(matched) / f : 0;
        score.recall = t > 0 ? static_cast<double>(matched) / t : 0;
    }
    return score;
}

void print_errors(std::vector<PageScore> pages) {
    const auto f1 = [](const PageScore& p) {
        return p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall)
                                          : 0;
    };
    std::sort(pages.begin(), pages.end(),
              [&](const PageScore& a, const PageScore& b) { return f1(a) < f1(b); });
    for (const PageScore& p : pages) {
        fmt::print("{:.12}  P {:.3f}  R {:.3f}  F1 {:.3f}{}\n", p.key, p.precision, p.recall, f1(p),
                   p.error.empty() ? "" : "  error: " + p.error);
        if (f1(p) >= 0.98) {
            continue;
        }
        std::size_t shown = 0;
        for (const auto& [key, count] : p.added) {
            if (shown++ < kShownShingles) {
                fmt::print("    + {}\n", key);
            }
        }
        shown = 0;
        for (const auto& [key, count] : p.missed) {
            if (shown++ < kShownShingles) {
                fmt::print("    - {}\n", key);
            }
        }
    }
}

int run(const fs::path& dir, bool errors) {
    std::ifstream in(dir / "ground-truth.json");
    if (!in) {
        throw std::runtime_error("no ground-truth.json in " + dir.string());
    }
    const nlohmann::json truth = nlohmann::json::parse(in);
    std::vector<PageScore> pages;
    for (const auto& [key, value] : truth.items()) {
        pages.push_back(score_page(key, value, dir));
    }
    double precision = 0;
    double recall = 0;
    int predicted = 0;
    int with_truth = 0;
    int exact = 0;
    for (const PageScore& p : pages) {
        precision += p.predicted ? p.precision : 0;
        predicted += p.predicted ? 1 : 0;
        recall += p.has_truth ? p.recall : 0;
        with_truth += p.has_truth ? 1 : 0;
        exact += p.exact ? 1 : 0;
    }
    precision = predicted > 0 ? precision / predicted : 0;
    recall = with_truth > 0 ? recall / with_truth : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    if (errors) {
        print_errors(pages);
    }
    fmt::print("article extraction on {} pages ({} with a body found)\n", pages.size(), predicted);
    fmt::print("precision {:.3f}  recall {:.3f}  F1 {:.3f}  accuracy {:.3f}   (min F1 {:.2f})\n",
               precision, recall, f1,
               static_cast<double>(exact) / std::max<std::size_t>(1, pages.size()), kMinF1);
    return f1 >= kMinF1 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    std::string dir;
    bool errors = false;
    CLI::App app("Score the article bodies extracted from the pages of a benchmark");
    app.add_option("DIR", dir, "folder with html/<key>.html.gz and ground-truth.json")
        ->required()
        ->check(CLI::ExistingDirectory);
    app.add_flag("--errors", errors, "list every page's scores with its added and missed text");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(dir, errors);
    } catch (const std::exception& e) {
        fmt::print(stderr, "eval-extraction: {}\n", e.what());
        return 2;
    }
}
