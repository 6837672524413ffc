// eval-dedup: measures near-duplicate detection the way the index runs it. Every article of the
// corpus gets generated copies (spun at 30, 40 and 50% with and without headline, lightly edited,
// spun and edited); then the documents arrive one by one in a fixed shuffled order, each finds
// its candidates only through shared LSH bands with earlier documents (at most kMaxCandidates,
// most shared bands first), confirms them by similarity, and the confirmed pairs are united into
// clusters. Pair precision and recall are counted against the stories the copies came from and
// the hand-labelled gold pairs (duplicate copies among the corpus files, and distinct articles
// about the same event, which must never be merged).
//   usage: eval-dedup --gold PAIRS_TSV CORPUS_PATH... [--errors]   the evaluation
//          eval-dedup --seeds SEEDS_DIR                 the two seed documents are one cluster
//          eval-dedup --scale CORPUS_PATH...            time and candidates per article as the
//                                                       corpus grows (e.g. newsq-gen output)
// Exit status: 0 every check passed, 1 a threshold or check missed, 2 bad usage or data.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <newsq/dedup.hpp>

#include "corpus.hpp"
#include "dedup/candidates.hpp"
#include "spinner.hpp"

namespace {

using newsq::Article;
using newsq::Fingerprint;
using Clock = std::chrono::steady_clock;

// The acceptance thresholds, over pairs of documents.
constexpr double kMinPrecision = 0.98;
constexpr double kMinRecall = 0.95;

// --- the generated copies ---

struct Variant {
    std::string_view name;
    double rate;        ///< spin rate; 0: not spun
    bool drop_headline; ///< headline and section dropped
    bool edit;          ///< lightly edited (after spinning, if spun)
};

constexpr auto kVariants = std::to_array<Variant>({
    {"spun 30%", 0.3, false, false},
    {"spun 40%, no headline", 0.4, true, false},
    {"spun 50%", 0.5, false, false},
    {"spun 50%, no headline", 0.5, true, false},
    {"lightly edited", 0.0, false, true},
    {"spun 40% and edited", 0.4, true, true},
});

// One document of the evaluation set.
struct Item {
    Article article;
    std::size_t story = 0;                ///< gold cluster: copies share their original's
    std::optional<std::size_t> variant{}; ///< index in kVariants; none for corpus files
    Fingerprint fingerprint{};
};

struct SpinTotals {
    std::size_t content_words = 0;
    std::size_t replaced = 0;
};

Article make_copy(const Article& original, const Variant& variant, std::uint64_t seed,
                  SpinTotals& totals) {
    Article copy = original;
    if (variant.rate > 0.0) {
        newsq::spin::SpinResult spun = newsq::spin::spin(
            copy, {.rate = variant.rate, .drop_headline = variant.drop_headline, .seed = seed});
        totals.content_words += spun.content_words;
        totals.replaced += spun.replaced;
        copy = std::move(spun.article);
    }
    if (variant.edit) {
        copy = newsq::spin::light_edit(copy, {.seed = seed});
    }
    // Copies appear under a content farm's name, as they would in an archive.
    copy.source = fmt::format("Copy Farm {}", variant.name);
    return copy;
}

// --- disjoint sets, for the gold stories and the detected clusters ---

class DisjointSets {
public:
    explicit DisjointSets(std::size_t size)
        : parent_(size) {
        std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    }

    std::size_t find(std::size_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }

    void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

    std::vector<std::size_t> labels() {
        std::vector<std::size_t> result(parent_.size());
        for (std::size_t i = 0; i < parent_.size(); ++i) {
            result[i] = find(i);
        }
        return result;
    }

private:
    std::vector<std::size_t> parent_;
};

// --- detection as the index runs it ---

// The band terms of the documents seen so far, and what one more document finds among them.
class Detector {
public:
    struct Outcome {
        std::vector<std::size_t> candidates; ///< earlier documents worth confirming
        std::vector<std::size_t> confirmed;  ///< of which near-duplicates
        std::optional<std::size_t> best;     ///< the most similar confirmed one
    };

    Outcome add(const Fingerprint& fingerprint) {
        const std::vector<std::string> keys = newsq::lsh_band_keys(fingerprint);
        Outcome outcome;
        outcome.candidates = candidates(keys);
        std::vector<Fingerprint> found;
        for (const std::size_t c : outcome.candidates) {
            found.push_back(fingerprints_[c]);
            if (newsq::is_near_duplicate(fingerprint, fingerprints_[c])) {
                outcome.confirmed.push_back(c);
            }
        }
        if (const auto best = newsq::detail::best_duplicate(fingerprint, found)) {
            outcome.best = outcome.candidates[*best];
        }
        for (const std::string& key : keys) {
            bands_[key].push_back(fingerprints_.size());
        }
        fingerprints_.push_back(fingerprint);
        return outcome;
    }

private:
    // As the index does: the documents sharing the most bands first, earlier ones first among
    // equals.
    std::vector<std::size_t> candidates(const std::vector<std::string>& keys) const {
        std::map<std::size_t, std::size_t> shared;
        for (const std::string& key : keys) {
            if (const auto it = bands_.find(key); it != bands_.end()) {
                for (const std::size_t doc : it->second) {
                    ++shared[doc];
                }
            }
        }
        std::vector<std::pair<std::size_t, std::size_t>> ranked(shared.begin(), shared.end());
        std::ranges::stable_sort(ranked, std::ranges::greater{},
                                 [](const auto& entry) { return entry.second; });
        std::vector<std::size_t> result;
        for (std::size_t i = 0; i < ranked.size() && i < newsq::detail::kMaxCandidates; ++i) {
            result.push_back(ranked[i].first);
        }
        return result;
    }

    std::unordered_map<std::string, std::vector<std::size_t>> bands_;
    std::vector<Fingerprint> fingerprints_;
};

// The clusters of the documents, in the order given, as the index would build them: united over
// every confirmed pair, and as each document joining its best match's cluster.
struct Detection {
    std::vector<std::size_t> united;
    std::vector<std::size_t> joined;
    std::size_t candidate_pairs = 0;
    std::size_t confirmed_pairs = 0;
};

Detection detect(const std::vector<Item>& items, const std::vector<std::size_t>& order) {
    Detector detector;
    DisjointSets united(items.size());
    Detection result;
    result.joined.resize(items.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t item = order[k];
        const Detector::Outcome outcome = detector.add(items[item].fingerprint);
        result.candidate_pairs += outcome.candidates.size();
        result.confirmed_pairs += outcome.confirmed.size();
        for (const std::size_t c : outcome.confirmed) {
            united.unite(item, order[c]);
        }
        result.joined[item] = outcome.best ? result.joined[order[*outcome.best]] : item;
    }
    result.united = united.labels();
    return result;
}

// --- scoring ---

struct PairCounts {
    std::size_t true_positive = 0;
    std::size_t false_positive = 0;
    std::size_t false_negative = 0;

    double precision() const { return ratio(true_positive, true_positive + false_positive); }
    double recall() const { return ratio(true_positive, true_positive + false_negative); }
    double f1() const {
        const double p = precision();
        const double r = recall();
        return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }

private:
    static double ratio(std::size_t a, std::size_t b) {
        return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b);
    }
};

PairCounts count_pairs(const std::vector<Item>& items, const std::vector<std::size_t>& cluster) {
    PairCounts counts;
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const bool gold = items[i].story == items[j].story;
            const bool found = cluster[i] == cluster[j];
            counts.true_positive += gold && found ? 1 : 0;
            counts.false_positive += !gold && found ? 1 : 0;
            counts.false_negative += gold && !found ? 1 : 0;
        }
    }
    return counts;
}

struct GoldPair {
    std::string a;
    std::string b;
    bool duplicate = false;
};

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    for (std::size_t start = 0; start <= line.size();) {
        const std::size_t end = std::min(line.find('\t', start), line.size());
        fields.push_back(line.substr(start, end - start));
        start = end + 1;
    }
    return fields;
}

std::vector<GoldPair> read_gold(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", path));
    }
    std::vector<GoldPair> pairs;
    std::size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (line.empty() || line.starts_with('#')) {
            continue;
        }
        const std::vector<std::string_view> fields = split_tabs(line);
        if (fields.size() < 3 || (fields[2] != "duplicate" && fields[2] != "distinct")) {
            throw std::runtime_error(
                fmt::format("{}:{}: expected ID, ID, duplicate|distinct, note (tab-separated)",
                            path, line_number));
        }
        pairs.push_back({std::string(fields[0]), std::string(fields[1]), fields[2] == "duplicate"});
    }
    return pairs;
}

std::size_t index_of(const std::vector<Item>& items, std::string_view id) {
    const auto it = std::ranges::find_if(items, [&](const Item& i) { return i.article.id == id; });
    if (it == items.end()) {
        throw std::runtime_error(fmt::format("gold pair names an unknown article {}", id));
    }
    return static_cast<std::size_t>(it - items.begin());
}

// --- the evaluation set ---

struct EvalSet {
    std::vector<Item> items;
    std::size_t originals = 0;
    SpinTotals spin;
};

EvalSet build_set(std::vector<Article> corpus, const std::vector<GoldPair>& gold) {
    newsq::eval::analyse(corpus);
    EvalSet set;
    set.originals = corpus.size();
    DisjointSets stories(corpus.size());
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        set.items.push_back({corpus[i], i});
    }
    for (const GoldPair& pair : gold) {
        if (pair.duplicate) {
            stories.unite(index_of(set.items, pair.a), index_of(set.items, pair.b));
        }
    }
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        set.items[i].story = stories.find(i);
    }
    std::vector<Article> copies;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        for (std::size_t v = 0; v < kVariants.size(); ++v) {
            copies.push_back(make_copy(corpus[i], kVariants[v], 1000 * i + v + 1, set.spin));
        }
    }
    // Copies go through the analysis like anything else ingested.
    newsq::eval::analyse(copies);
    for (std::size_t c = 0; c < copies.size(); ++c) {
        const std::size_t original = c / kVariants.size();
        set.items.push_back(
            {std::move(copies[c]), set.items[original].story, c % kVariants.size()});
    }
    for (Item& item : set.items) {
        item.fingerprint = newsq::fingerprint(item.article);
    }
    return set;
}

// A fixed shuffle, so that copies arrive before their originals as often as after.
std::vector<std::size_t> arrival_order(std::size_t size) {
    std::vector<std::size_t> order(size);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::uint64_t state = 0x5eed;
    for (std::size_t i = size; i > 1; --i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        std::swap(order[i - 1], order[(state >> 33U) % i]);
    }
    return order;
}

// --- reports ---

std::vector<std::string> quote_texts(const Article& article) {
    std::vector<std::string> texts;
    for (const newsq::Quote& q : article.quotes) {
        texts.push_back(q.text);
    }
    return texts;
}

// The spinner's promise, seen through the analysis: a spun copy (not edited) has the quotations
// of its original. Misses so far are quotations of a dropped headline and short scare quotes
// ("called a “campaign of terror”") that the analysis no longer takes for quotations once
// their lead-in words are spun; the text between the marks is never changed.
void print_quotes_kept(const EvalSet& set) {
    std::size_t spun = 0;
    std::size_t kept = 0;
    for (std::size_t i = set.originals; i < set.items.size(); ++i) {
        if (!kVariants[*set.items[i].variant].edit) {
            const std::size_t original = (i - set.originals) / kVariants.size();
            ++spun;
            kept += quote_texts(set.items[i].article) == quote_texts(set.items[original].article)
                        ? 1
                        : 0;
        }
    }
    fmt::print("spinner: the analysis finds the original's quotations in {} of {} spun copies\n",
               kept, spun);
}

struct Similarities {
    double lowest_copy = 1.0;
    double highest_distinct = 0.0;
    double highest_other = 0.0;
};

Similarities similarities(const std::vector<Item>& items, const std::vector<GoldPair>& gold) {
    Similarities s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            const double sim = newsq::similarity(items[i].fingerprint, items[j].fingerprint);
            if (items[i].story == items[j].story) {
                s.lowest_copy = std::min(s.lowest_copy, sim);
            } else {
                s.highest_other = std::max(s.highest_other, sim);
            }
        }
    }
    for (const GoldPair& pair : gold) {
        if (!pair.duplicate) {
            s.highest_distinct = std::max(
                s.highest_distinct, newsq::similarity(items[index_of(items, pair.a)].fingerprint,
                                                      items[index_of(items, pair.b)].fingerprint));
        }
    }
    return s;
}

void print_counts(std::string_view label, const PairCounts& counts) {
    fmt::print("{}: precision {:.4f}  recall {:.4f}  F1 {:.4f}  (TP {}, FP {}, FN {})\n", label,
               counts.precision(), counts.recall(), counts.f1(), counts.true_positive,
               counts.false_positive, counts.false_negative);
}

// Recall per kind of copy: the share of copies in their original's cluster, and the lowest and
// median similarity of a copy to its original.
void print_variant_recall(const EvalSet& set, const std::vector<std::size_t>& cluster) {
    for (std::size_t v = 0; v < kVariants.size(); ++v) {
        std::size_t found = 0;
        std::vector<double> sims;
        for (std::size_t i = set.originals; i < set.items.size(); ++i) {
            if (set.items[i].variant == v) {
                const std::size_t original = (i - set.originals) / kVariants.size();
                found += cluster[i] == cluster[original] ? 1 : 0;
                sims.push_back(
                    newsq::similarity(set.items[i].fingerprint, set.items[original].fingerprint));
            }
        }
        std::ranges::sort(sims);
        fmt::print("  {:<24} {:>3}/{} copies with their original; similarity lowest {:.3f}, "
                   "median {:.3f}\n",
                   kVariants[v].name, found, sims.size(), sims.front(), sims[sims.size() / 2]);
    }
}

// Pairs of documents, copies included, that belong to two different articles about one event
// and were merged; the hand-labelled originals are counted apart.
std::pair<std::size_t, std::size_t> print_same_event(const EvalSet& set,
                                                     const std::vector<GoldPair>& gold,
                                                     const std::vector<std::size_t>& cluster) {
    std::size_t labelled = 0;
    std::size_t labelled_merged = 0;
    std::size_t expanded = 0;
    std::size_t expanded_merged = 0;
    for (const GoldPair& pair : gold) {
        if (pair.duplicate) {
            continue;
        }
        const std::size_t a = index_of(set.items, pair.a);
        const std::size_t b = index_of(set.items, pair.b);
        ++labelled;
        labelled_merged += cluster[a] == cluster[b] ? 1 : 0;
        for (std::size_t i = 0; i < set.items.size(); ++i) {
            for (std::size_t j = 0; j < set.items.size(); ++j) {
                if (set.items[i].story == set.items[a].story &&
                    set.items[j].story == set.items[b].story) {
                    ++expanded;
                    expanded_merged += cluster[i] == cluster[j] ? 1 : 0;
                }
            }
        }
    }
    fmt::print("same-event pairs wrongly merged: {} of {} hand-labelled pairs; {} of {} pairs "
               "counting their copies\n",
               labelled_merged, labelled, expanded_merged, expanded);
    return {labelled, labelled_merged + expanded_merged};
}

// The copies left out of their original's cluster, and the documents of different stories put
// in one cluster.
void print_errors(const EvalSet& set, const std::vector<std::size_t>& cluster) {
    for (std::size_t i = set.originals; i < set.items.size(); ++i) {
        const std::size_t original = (i - set.originals) / kVariants.size();
        if (cluster[i] != cluster[original]) {
            fmt::print("  missed: {} ({}), similarity {:.3f} to its original, {} shingles\n",
                       set.items[i].article.id, kVariants[*set.items[i].variant].name,
                       newsq::similarity(set.items[i].fingerprint, set.items[original].fingerprint),
                       set.items[i].fingerprint.shingles);
        }
    }
    for (std::size_t i = 0; i < set.items.size(); ++i) {
        for (std::size_t j = i + 1; j < set.items.size(); ++j) {
            if (cluster[i] == cluster[j] && set.items[i].story != set.items[j].story) {
                fmt::print("  merged: {} and {}, similarity {:.3f}\n", set.items[i].article.id,
                           set.items[j].article.id,
                           newsq::similarity(set.items[i].fingerprint, set.items[j].fingerprint));
            }
        }
    }
}

int run_eval(const std::vector<std::string>& paths, const std::string& gold_path, bool errors) {
    const std::vector<GoldPair> gold = read_gold(gold_path);
    const EvalSet set = build_set(newsq::eval::read_corpus(paths), gold);
    const std::size_t n = set.items.size();
    if (set.originals == 0) {
        fmt::print(stderr, "eval-dedup: no articles under the paths given\n");
        return 2;
    }
    fmt::print("documents: {} ({} corpus articles, {} generated copies: {} per article)\n", n,
               set.originals, n - set.originals, kVariants.size());
    fmt::print("spinner: {} of {} content words replaced ({:.1f}%) over the spun copies\n",
               set.spin.replaced, set.spin.content_words,
               100.0 * static_cast<double>(set.spin.replaced) /
                   static_cast<double>(std::max<std::size_t>(set.spin.content_words, 1)));
    print_quotes_kept(set);
    fmt::print("fingerprint: {} hashes, shingles of {} stable words; LSH {} bands x {} rows; "
               "threshold {:.2f}; at most {} candidates\n",
               Fingerprint::kHashes, newsq::kShingleWords, newsq::kLshBands, newsq::kLshRows,
               newsq::kDuplicateThreshold, newsq::detail::kMaxCandidates);

    const Detection detection = detect(set.items, arrival_order(n));
    const std::size_t all_pairs = n * (n - 1) / 2;
    fmt::print("candidate pairs from LSH bands: {} of {} pairs ({:.2f}%); confirmed {}\n",
               detection.candidate_pairs, all_pairs,
               100.0 * static_cast<double>(detection.candidate_pairs) /
                   static_cast<double>(all_pairs),
               detection.confirmed_pairs);
    const Similarities s = similarities(set.items, gold);
    fmt::print("similarity: lowest between copies of one story {:.3f}; highest between "
               "same-event articles {:.3f}, between any different stories {:.3f}\n",
               s.lowest_copy, s.highest_distinct, s.highest_other);

    const PairCounts united = count_pairs(set.items, detection.united);
    print_counts("pairs (clusters united over confirmed pairs)", united);
    print_variant_recall(set, detection.united);
    if (errors) {
        print_errors(set, detection.united);
    }
    print_counts("pairs (each document joins its best match)",
                 count_pairs(set.items, detection.joined));
    const auto [labelled, merged] = print_same_event(set, gold, detection.united);

    const bool passed = united.precision() >= kMinPrecision && united.recall() >= kMinRecall &&
                        merged == 0 && labelled >= 20;
    fmt::print("{}: precision >= {:.2f}, recall >= {:.2f}, no same-event merge, >= 20 "
               "same-event pairs\n",
               passed ? "PASSED" : "FAILED", kMinPrecision, kMinRecall);
    return passed ? 0 : 1;
}

// --- the seed documents ---

int run_seeds(const std::string& dir) {
    std::vector<Article> seeds = newsq::eval::read_corpus({dir});
    if (seeds.size() != 2) {
        throw std::runtime_error(
            fmt::format("expected 2 seed documents in {}, found {}", dir, seeds.size()));
    }
    newsq::eval::analyse(seeds);
    std::vector<Item> items;
    for (Article& a : seeds) {
        const Fingerprint fp = newsq::fingerprint(a);
        items.push_back({std::move(a), 0, std::nullopt, fp});
    }
    const Detection detection = detect(items, {0, 1});
    const bool same = detection.united[0] == detection.united[1];
    fmt::print("{}: the seeds {} and {} are one duplicate cluster (similarity {:.3f}, {} and {} "
               "shingles, {} candidate found through the LSH bands)\n",
               same ? "ok" : "FAILED", items[0].article.id, items[1].article.id,
               newsq::similarity(items[0].fingerprint, items[1].fingerprint),
               items[0].fingerprint.shingles, items[1].fingerprint.shingles,
               detection.candidate_pairs);
    return same ? 0 : 1;
}

// --- scale: time and candidates per article as the corpus grows ---

int run_scale(const std::vector<std::string>& paths) {
    std::vector<Article> corpus = newsq::eval::read_corpus(paths);
    const auto analysis_start = Clock::now();
    newsq::eval::analyse(corpus);
    const std::chrono::duration<double> analysis = Clock::now() - analysis_start;

    std::vector<Fingerprint> fingerprints;
    fingerprints.reserve(corpus.size());
    const auto fingerprint_start = Clock::now();
    for (const Article& a : corpus) {
        fingerprints.push_back(newsq::fingerprint(a));
    }
    const std::chrono::duration<double> fingerprinting = Clock::now() - fingerprint_start;
    const double per_article = 1e6 / static_cast<double>(std::max<std::size_t>(corpus.size(), 1));
    fmt::print("{} articles: analysis {:.1f} us/article, fingerprint {:.1f} us/article\n",
               corpus.size(), analysis.count() * per_article, fingerprinting.count() * per_article);

    Detector detector;
    const std::size_t step = std::max<std::size_t>(corpus.size() / 10, 1);
    std::size_t candidates = 0;
    std::size_t confirmed = 0;
    auto window_start = Clock::now();
    for (std::size_t i = 0; i < fingerprints.size(); ++i) {
        const Detector::Outcome outcome = detector.add(fingerprints[i]);
        candidates += outcome.candidates.size();
        confirmed += outcome.confirmed.size();
        if ((i + 1) % step == 0 || i + 1 == fingerprints.size()) {
            const std::size_t in_window = i % step + 1;
            const std::chrono::duration<double> took = Clock::now() - window_start;
            fmt::print("  after {:>7} articles: {:.3f} candidates and {:.3f} confirmed per "
                       "article, lookup {:.1f} us/article\n",
                       i + 1, static_cast<double>(candidates) / static_cast<double>(in_window),
                       static_cast<double>(confirmed) / static_cast<double>(in_window),
                       took.count() * 1e6 / static_cast<double>(in_window));
            candidates = 0;
            confirmed = 0;
            window_start = Clock::now();
        }
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Measures near-duplicate detection on the sample corpus."};
    std::vector<std::string> paths;
    std::string gold;
    std::string seeds;
    bool scale = false;
    bool errors = false;
    app.add_option("paths", paths, "Corpus files or directories");
    app.add_option("--gold", gold, "Gold pairs (tests/gold/dedup_pairs.tsv)");
    app.add_option("--seeds", seeds,
                   "Check that the two seed documents in this directory are "
                   "one duplicate cluster");
    app.add_flag("--scale", scale, "Time and candidates per article over the corpus instead");
    app.add_flag("--errors", errors, "List the missed copies and the wrongly merged documents");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    try {
        if (!seeds.empty()) {
            return run_seeds(seeds);
        }
        if (paths.empty() || (gold.empty() && !scale)) {
            fmt::print(stderr, "eval-dedup: give --gold FILE and corpus paths, --scale and "
                               "corpus paths, or --seeds DIR\n");
            return 2;
        }
        return scale ? run_scale(paths) : run_eval(paths, gold, errors);
    } catch (const std::exception& e) {
        fmt::print(stderr, "eval-dedup: {}\n", e.what());
        return 2;
    }
}
