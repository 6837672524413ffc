#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "analysis/ner_features.hpp"
#include "analysis/ner_labels.hpp"
#include "analysis/ner_model.hpp"

// Tagging a document with the name tagger: each sentence's most likely label sequence
// (Viterbi over the per-word label probabilities given the previous label), first alone, then
// with what the first stage found in the whole document.
namespace newsq::detail::ner {

/// A name the tagger found: words [begin, end) of a Document.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    NameType type = NameType::none;
};

/// The best labels of every word of `document` under one stage's `weights`, given each
/// word's `features`.
std::vector<Label> decode(const Document& document, const FeatureTable& features,
                          const Weights& weights);

/// The labels of every word of `document` after all the stages of `model`.
std::vector<Label> tag(const Document& document, const Model& model);

/// The names that `labels` mark.
std::vector<Span> spans(std::span<const Label> labels);

} // namespace newsq::detail::ner
