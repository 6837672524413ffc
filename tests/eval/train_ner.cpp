// train-ner: trains the statistical name tagger on CoNLL-2003 and writes its model.
//   usage: train-ner CONLL_DIR MODEL_FILE [--cost C] [--folds N] [--min-count N] [--prune W]
// Reads CONLL_DIR/train.txt and CONLL_DIR/dev.txt. Stage one (each sentence alone) is trained
// on the training split, and, fold by fold, tags the documents it was not trained on; stage
// two is trained on those labels (the document features). Both are logistic regressions of
// LIBLINEAR, one per label, with the previous label among the features. Prints the dev
// split's precision, recall and F1 per type as the written model scores them.
// Exit status: 0 written, 1 training failed, 2 bad usage or data.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <unordered_map>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <linear.h>

#include "analysis/gazetteer.hpp"
#include "analysis/ner_model.hpp"
#include "analysis/ner_tagger.hpp"
#include "conll.hpp"

namespace {

namespace fs = std::filesystem;
namespace ner = newsq::detail::ner;
namespace conll = newsq::eval::conll;
using ner::Label;

struct Options {
    std::string data;
    std::string model;
    double cost = 4;
    std::size_t folds = 4;
    std::size_t min_count = 2;
    double prune = 0.15;
    int solver = L2R_LR_DUAL;
    std::string errors;
};

// A CoNLL document with newsq's words, their gold labels and their stage-one features.
struct Prepared {
    conll::Document text;
    ner::Document words;
    std::vector<Label> gold;
    ner::FeatureTable observed;
    std::vector<Label> first{}; // stage-one labels, from a model not trained on it

    explicit Prepared(conll::Document d)
        : text(std::move(d))
        , words(text.paragraph_views(), text.tokens, newsq::detail::Gazetteer::built_in())
        , gold(conll::gold_labels(text))
        , observed(words.observations()) {}
};

using Corpus = std::vector<Prepared>;

Corpus prepare(const fs::path& file) {
    Corpus corpus;
    for (conll::Document& d : conll::read(file)) {
        corpus.emplace_back(std::move(d));
    }
    return corpus;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The features of one stage for each document: stage one's, or with the document's.
using Stage = std::function<ner::FeatureTable(const Prepared&)>;

using Index = std::unordered_map<std::uint64_t, int>;

// Training instances in LIBLINEAR's form: one row per candidate word, its features by index
// (the previous gold label among them) and its gold label.
class Problem {
public:
    explicit Problem(const Index& index)
        : index_(index) {}

    void add(const Prepared& p, const ner::FeatureTable& table) {
        for (const ner::Sentence& s : p.words.sentences()) {
            for (std::size_t i = s.begin; i < s.end; ++i) {
                if (!p.words.words()[i].candidate) {
                    continue;
                }
                const std::size_t previous =
                    i == s.begin ? ner::kStart : static_cast<std::size_t>(p.gold[i - 1]);
                add_row(table.of(i), ner::label_feature(previous, p.words.label_context(i)),
                        p.gold[i]);
            }
        }
    }

    std::size_t rows() const { return labels_.size(); }

    // The weights LIBLINEAR learns, per feature and label, less the features whose weights
    // are all below `prune`.
    std::vector<ner::Row> train(const parameter& param, double prune) {
        std::vector<feature_node*> x;
        for (const std::size_t start : starts_) {
            x.push_back(&nodes_[start]);
        }
        problem prob{};
        prob.l = static_cast<int>(labels_.size());
        prob.n = static_cast<int>(index_.size());
        prob.y = labels_.data();
        prob.x = x.data();
        prob.bias = -1;
        if (const char* error = check_parameter(&prob, &param)) {
            throw std::runtime_error(fmt::format("LIBLINEAR: {}", error));
        }
        model* m = ::train(&prob, &param);
        std::vector<ner::Row> rows = rows_of(*m, prune);
        free_and_destroy_model(&m);
        return rows;
    }

private:
    const Index& index_;
    std::vector<double> labels_;
    std::vector<std::size_t> starts_;
    std::vector<feature_node> nodes_;

    void add_row(std::span<const std::uint64_t> hashes, std::uint64_t label_hash, Label gold) {
        starts_.push_back(nodes_.size());
        const auto first = static_cast<std::ptrdiff_t>(nodes_.size());
        for (const std::uint64_t h : hashes) {
            push(h);
        }
        push(label_hash);
        const auto by_index = [](const feature_node& a, const feature_node& b) {
            return a.index < b.index;
        };
        const auto same = [](const feature_node& a, const feature_node& b) {
            return a.index == b.index;
        };
        std::sort(nodes_.begin() + first, nodes_.end(), by_index);
        nodes_.erase(std::unique(nodes_.begin() + first, nodes_.end(), same), nodes_.end());
        nodes_.push_back({-1, 0});
        labels_.push_back(static_cast<double>(gold));
    }

    void push(std::uint64_t hash) {
        if (const auto it = index_.find(hash); it != index_.end()) {
            nodes_.push_back({it->second, 1});
        }
    }

    std::vector<ner::Row> rows_of(const model& m, double prune) const {
        if (m.nr_class != static_cast<int>(ner::kLabels)) {
            throw std::runtime_error("a label is missing from the training data");
        }
        std::vector<ner::Row> rows;
        for (const auto& [hash, feature] : index_) {
            ner::Row row{hash, {}};
            float largest = 0;
            for (std::size_t c = 0; c < ner::kLabels; ++c) {
                const double w = m.w[static_cast<std::size_t>(feature - 1) * ner::kLabels + c];
                row.weights[static_cast<std::size_t>(m.label[c])] = static_cast<float>(w);
                largest = std::max(largest, static_cast<float>(std::abs(w)));
            }
            if (largest >= prune) {
                rows.push_back(row);
            }
        }
        std::sort(rows.begin(), rows.end(),
                  [](const ner::Row& a, const ner::Row& b) { return a.feature < b.feature; });
        return rows;
    }
};

// The features of one stage for a document: stage one's, or with the document's.
using Stage = std::function<ner::FeatureTable(const Prepared&)>;

const Stage kFirst = [](const Prepared& p) { return p.observed; };
const Stage kSecond = [](const Prepared& p) { return p.words.with_document(p.observed, p.first); };

// Features seen at least `min_count` times in the training words, and every label feature.
Index build_index(const Corpus& corpus, const Stage& stage, std::size_t min_count) {
    std::unordered_map<std::uint64_t, std::size_t> counts;
    for (const Prepared& p : corpus) {
        for (const std::uint64_t h : stage(p).hashes) {
            ++counts[h];
        }
    }
    for (std::size_t previous = 0; previous <= ner::kLabels; ++previous) {
        for (std::uint8_t context = 0; context < ner::kLabelContexts; ++context) {
            counts[ner::label_feature(previous, context)] = min_count;
        }
    }
    Index index;
    for (const auto& [hash, count] : counts) {
        if (count >= min_count) {
            index.emplace(hash, static_cast<int>(index.size() + 1));
        }
    }
    return index;
}

parameter parameters(const Options& o) {
    parameter param{};
    param.solver_type = o.solver;
    param.C = o.cost;
    param.eps = o.solver == L2R_LR_DUAL ? 0.1 : 0.01;
    return param;
}

std::vector<ner::Row> train_on(const Corpus& corpus, const Stage& stage, const Index& index,
                               const Options& o, const std::function<bool(std::size_t)>& use) {
    Problem problem(index);
    for (std::size_t d = 0; d < corpus.size(); ++d) {
        if (use(d)) {
            problem.add(corpus[d], stage(corpus[d]));
        }
    }
    return problem.train(parameters(o), o.prune);
}

ner::Model model_of(const std::vector<std::vector<ner::Row>>& stages) {
    return ner::Model(ner::serialize(stages));
}

// Stage-one labels for every training document from models trained on the other folds.
void label_by_folds(Corpus& corpus, const Index& index, const Options& o) {
    for (std::size_t fold = 0; fold < o.folds; ++fold) {
        const auto start = std::chrono::steady_clock::now();
        const auto rows =
            train_on(corpus, kFirst, index, o, [&](std::size_t d) { return d % o.folds != fold; });
        const ner::Model m = model_of({rows});
        for (std::size_t d = fold; d < corpus.size(); d += o.folds) {
            corpus[d].first = ner::decode(corpus[d].words, corpus[d].observed, m.stages()[0]);
        }
        fmt::print("  fold {}/{}: {:.0f} s\n", fold + 1, o.folds, seconds_since(start));
        std::fflush(stdout);
    }
}

// The names `labels` mark, as CoNLL token spans.
std::vector<conll::Mention> found_mentions(const Prepared& p, std::span<const Label> labels) {
    std::vector<conll::Mention> found;
    for (const ner::Span& span : ner::spans(labels)) {
        const ner::Word& first = p.words.words()[span.begin];
        const ner::Word& last = p.words.words()[span.end - 1];
        const auto& tokens = p.text.tokens[first.paragraph];
        const newsq::detail::Token& a = tokens[first.token];
        const newsq::detail::Token& b = tokens[last.token];
        const conll::Mention m =
            conll::mention_at(p.text, first.paragraph, a.begin, b.begin + b.text.size(), span.type);
        if (m.type != ner::NameType::none) {
            found.push_back(m);
        }
    }
    return found;
}

// Each sentence whose names the model gets wrong: its text, the names missed and the wrong
// ones.
std::string errors(const Prepared& p, const std::vector<conll::Mention>& found) {
    std::string out;
    const std::vector<conll::Mention> gold = conll::gold_mentions(p.text);
    for (std::size_t s = 0; s < p.text.sentences.size(); ++s) {
        std::string missed, wrong;
        const auto in = [&](const std::vector<conll::Mention>& list, const conll::Mention& m) {
            return std::find(list.begin(), list.end(), m) != list.end();
        };
        for (const conll::Mention& m : gold) {
            missed += m.sentence == s && !in(found, m) ? "  - " + describe(p.text, m) + "\n" : "";
        }
        for (const conll::Mention& m : found) {
            wrong += m.sentence == s && !in(gold, m) ? "  + " + describe(p.text, m) + "\n" : "";
        }
        if (!missed.empty() || !wrong.empty()) {
            out += fmt::format("{}\n{}{}", p.text.paragraphs[s], missed, wrong);
        }
    }
    return out;
}

conll::Score score(const Corpus& corpus, const ner::Model& model, std::string* listing = nullptr) {
    conll::Score s;
    for (const Prepared& p : corpus) {
        const std::vector<conll::Mention> found = found_mentions(p, ner::tag(p.words, model));
        s.add(conll::gold_mentions(p.text), found);
        if (listing != nullptr) {
            *listing += errors(p, found);
        }
    }
    return s;
}

// The share of names whose words newsq's tokens and gold labels keep exactly.
conll::Score oracle(const Corpus& corpus) {
    conll::Score s;
    for (const Prepared& p : corpus) {
        s.add(conll::gold_mentions(p.text), found_mentions(p, p.gold));
    }
    return s;
}

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
        throw std::runtime_error(fmt::format("cannot write {}", path.string()));
    }
}

std::size_t candidates(const Corpus& corpus) {
    std::size_t n = 0;
    for (const Prepared& p : corpus) {
        for (const ner::Word& w : p.words.words()) {
            n += w.candidate;
        }
    }
    return n;
}

void run(const Options& o) {
    auto start = std::chrono::steady_clock::now();
    Corpus train = prepare(fs::path(o.data) / "train.txt");
    Corpus dev = prepare(fs::path(o.data) / "dev.txt");
    fmt::print(
        "read {} training and {} dev documents ({} candidate words of training) in {:.0f} s\n",
        train.size(), dev.size(), candidates(train), seconds_since(start));
    fmt::print("dev names newsq's words can hold (gold labels carried over and back):\n{}",
               oracle(dev).table());
    const Index first_index = build_index(train, kFirst, o.min_count);
    fmt::print("stage one: {} features; stage-one labels of the training split by {} folds\n",
               first_index.size(), o.folds);
    std::fflush(stdout);
    label_by_folds(train, first_index, o);
    start = std::chrono::steady_clock::now();
    const auto first = train_on(train, kFirst, first_index, o, [](std::size_t) { return true; });
    fmt::print("stage one trained in {:.0f} s: {} features kept\n", seconds_since(start),
               first.size());
    fmt::print("dev, stage one alone:\n{}", score(dev, model_of({first})).table());
    std::fflush(stdout);
    start = std::chrono::steady_clock::now();
    const Index second_index = build_index(train, kSecond, o.min_count);
    const auto second = train_on(train, kSecond, second_index, o, [](std::size_t) { return true; });
    fmt::print("stage two trained in {:.0f} s: {} features kept\n", seconds_since(start),
               second.size());
    const std::string bytes = ner::serialize(std::vector{first, second});
    write(o.model, bytes);
    std::string listing;
    fmt::print("wrote {} ({} bytes)\ndev, the model written:\n{}", o.model, bytes.size(),
               score(dev, ner::Model(bytes), &listing).table());
    if (!o.errors.empty()) {
        write(o.errors, listing);
    }
}

void quiet(const char*) {}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Trains the name tagger on CoNLL-2003 and writes its model"};
    Options o;
    app.add_option("data", o.data, "folder holding train.txt and dev.txt")->required();
    app.add_option("model", o.model, "model file to write")->required();
    app.add_option("--cost", o.cost, "LIBLINEAR's C");
    app.add_option("--solver", o.solver, "LIBLINEAR's solver: 0, 6 or 7");
    app.add_option("--folds", o.folds, "folds for the stage-one labels of the training split")
        ->check(CLI::Range(2, 20));
    app.add_option("--min-count", o.min_count, "fewest occurrences of a feature kept");
    app.add_option("--prune", o.prune, "smallest weight that keeps a feature");
    app.add_option("--errors", o.errors, "file to write the dev sentences tagged wrong to");
    CLI11_PARSE(app, argc, argv);
    set_print_string_function(quiet);
    try {
        run(o);
    } catch (const std::exception& e) {
        fmt::print(stderr, "train-ner: {}\n", e.what());
        return 2;
    }
    return 0;
}
