#include "analysis/ner_tagger.hpp"
#include <algorithm>
#include <cmath>
#include <limits>

namespace newsq::detail::ner {

namespace {

constexpr float kImpossible = -std::numeric_limits<float>::infinity();
constexpr std::size_t kStates = kLabels + 1; // the labels and kStart

using Path = std::array<float, kStates>;
using Back = std::array<std::uint8_t, kLabels>;

// A word's label scores before the previous label is known, and their exponentials: the
// log-softmax of base + transition is base + transition - log(sum of exp(base) * exp(transition)),
// so each previous label costs one logarithm, not an exponential a label.
struct WordScores {
    Scores base{};
    Scores exps{}; // exp(base - top)
    float top = 0;

    void prepare() {
        top = *std::max_element(base.begin(), base.end());
        std::transform(base.begin(), base.end(), exps.begin(),
                       [&](float b) { return std::exp(b - top); });
    }

    // Log-probabilities of the labels after the previous label whose transition weights are
    // `t` (their exponentials `exp_t`).
    Scores log_probabilities(const Scores& t, const Scores& exp_t) const {
        float sum = 0;
        for (std::size_t l = 0; l < kLabels; ++l) {
            sum += exps[l] * exp_t[l];
        }
        const float norm = top + std::log(sum);
        Scores p{};
        for (std::size_t l = 0; l < kLabels; ++l) {
            p[l] = base[l] + t[l] - norm;
        }
        return p;
    }
};

// One word's step of the Viterbi search: the best path ending in each label.
class Step {
public:
    Step(const Path& before, Back& back)
        : before_(before)
        , back_(back) {
        after_.fill(kImpossible);
    }

    // A word that is no candidate: O after whatever came before.
    void outside() {
        const auto best = std::max_element(before_.begin(), before_.end());
        after_[0] = *best;
        back_.fill(static_cast<std::uint8_t>(best - before_.begin()));
    }

    // A word after a comma, a bracket or a quotation mark starts a name or is none.
    void scored(const WordScores& word, const Weights& weights, std::uint8_t context, bool breaks) {
        for (std::size_t previous = 0; previous < kStates; ++previous) {
            if (before_[previous] == kImpossible) {
                continue;
            }
            const Scores logp = word.log_probabilities(weights.transition(previous, context),
                                                       weights.transition_exp(previous, context));
            for (std::size_t l = 0; l < kLabels; ++l) {
                const float total = before_[previous] + logp[l];
                const auto label = static_cast<Label>(l);
                const bool allowed = breaks ? !inside(label) : may_follow(previous, label);
                if (allowed && total > after_[l]) {
                    after_[l] = total;
                    back_[l] = static_cast<std::uint8_t>(previous);
                }
            }
        }
    }

    const Path& after() const { return after_; }

private:
    const Path& before_;
    Back& back_;
    Path after_;
};

void decode_sentence(const Document& document, const Sentence& s, const FeatureTable& features,
                     const Weights& weights, std::vector<Label>& labels, std::vector<Back>& back) {
    const std::vector<Word>& words = document.words();
    back.resize(s.end - s.begin);
    Path path;
    path.fill(kImpossible);
    path[kStart] = 0;
    for (std::size_t i = s.begin; i < s.end; ++i) {
        Step step(path, back[i - s.begin]);
        if (words[i].candidate) {
            WordScores word;
            weights.add(features.of(i), word.base);
            word.prepare();
            step.scored(word, weights, document.label_context(i), words[i].breaks);
        } else {
            step.outside();
        }
        path = step.after();
    }
    std::size_t state = static_cast<std::size_t>(
        std::max_element(path.begin(), path.begin() + kLabels) - path.begin());
    for (std::size_t i = s.end; i-- > s.begin;) {
        labels[i] = static_cast<Label>(state);
        state = back[i - s.begin][state];
    }
}

} // namespace

std::vector<Label> decode(const Document& document, const FeatureTable& features,
                          const Weights& weights) {
    std::vector<Label> labels(document.words().size(), Label::O);
    std::vector<Back> back;
    for (const Sentence& s : document.sentences()) {
        decode_sentence(document, s, features, weights, labels, back);
    }
    return labels;
}

std::vector<Label> tag(const Document& document, const Model& model) {
    const FeatureTable observed = document.observations();
    std::vector<Label> labels = decode(document, observed, model.stages().front());
    for (const Weights& stage : model.stages().subspan(1)) {
        labels = decode(document, document.with_document(observed, labels), stage);
    }
    return labels;
}

std::vector<Span> spans(std::span<const Label> labels) {
    std::vector<Span> found;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const NameType type = type_of(labels[i]);
        if (type == NameType::none) {
            continue;
        }
        if (begins(labels[i]) || found.empty() || found.back().end != i ||
            found.back().type != type) {
            found.push_back({i, i + 1, type});
        } else {
            found.back().end = i + 1;
        }
    }
    return found;
}

} // namespace newsq::detail::ner
