#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/ner_features.hpp"
#include "analysis/ner_labels.hpp"

// The trained name tagger (common/data/ner.model, made by tests/eval/train-ner): per stage, a
// weight per label for each feature kept, stored as a feature hash and 16-bit weights.
namespace newsq::detail::ner {

using Scores = std::array<float, kLabels>;

/// A feature's weights as training gives them, before they are stored.
struct Row {
    std::uint64_t feature = 0;
    Scores weights{};
};

/// The weights of one stage of the tagger.
class Weights {
public:
    /// Features `keys`, each with kLabels weights: `scale` times the 16-bit integers of
    /// `weights`.
    Weights(std::span<const std::uint64_t> keys, std::span<const std::int16_t> weights,
            float scale);

    /// Adds the weights of `features` to `scores`.
    void add(std::span<const std::uint64_t> features, Scores& scores) const;

    /// The weights of the feature pairing the previous label (or kStart) with a word's
    /// label context.
    const Scores& transition(std::size_t previous, std::uint8_t context) const {
        return transitions_[previous][context];
    }

    /// exp() of each of transition(previous, context), computed once.
    const Scores& transition_exp(std::size_t previous, std::uint8_t context) const {
        return transition_exps_[previous][context];
    }

    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uint64_t key = 0; // 0: empty
        std::array<std::int16_t, kLabels> weights{};
    };

    std::vector<Slot> slots_;
    std::uint64_t mask_ = 0;
    float scale_ = 1;
    std::size_t size_ = 0;
    std::array<std::array<Scores, kLabelContexts>, kLabels + 1> transitions_{};
    std::array<std::array<Scores, kLabelContexts>, kLabels + 1> transition_exps_{};

    const Slot* find(std::uint64_t key) const;
};

/// The stages of the tagger: the first tags each sentence alone, the second again with what
/// the first found in the whole document.
class Model {
public:
    /// Reads a model file; throws std::runtime_error when it is not one.
    explicit Model(std::string_view bytes);

    /// The model built into the library, read once.
    static const Model& built_in();

    std::span<const Weights> stages() const { return stages_; }

private:
    std::vector<Weights> stages_;
};

/// The model file holding `stages`, each a list of features and their weights.
std::string serialize(std::span<const std::vector<Row>> stages);

} // namespace newsq::detail::ner
