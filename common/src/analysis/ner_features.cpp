#include "analysis/ner_features.hpp"
#include <algorithm>
#include <array>

#include "text.hpp"

namespace newsq::detail::ner {

// Collects feature hashes: a template name and its values, hashed together.
class Hasher {
public:
    explicit Hasher(std::vector<std::uint64_t>& out)
        : out_(out) {}

    void add(std::string_view name, std::string_view value) {
        out_.push_back(mix(fnv(name), hash64(value)));
    }

    void add(std::string_view name, std::string_view a, std::string_view b) {
        out_.push_back(mix(mix(fnv(name), hash64(a)), hash64(b)));
    }

private:
    std::vector<std::uint64_t>& out_;

    // FNV-1a: for the short names of feature templates.
    static std::uint64_t fnv(std::string_view name) {
        std::uint64_t h = 0xCBF29CE484222325ULL;
        for (const char c : name) {
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
        }
        return h;
    }

    // One hash of two (the combination of boost::hash_combine, on 64 bits).
    static std::uint64_t mix(std::uint64_t seed, std::uint64_t h) {
        return seed ^ (h + 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2));
    }
};

namespace {

// Longest prefix and suffix taken as a feature, in bytes.
constexpr std::size_t kAffix = 4;

// Other mentions of a word whose neighbours are features of it.
constexpr std::size_t kContexts = 12;

std::string_view length_class(std::size_t words) {
    constexpr std::array<std::string_view, 5> classes = {"1", "2", "3", "4-6", "7+"};
    return classes[words <= 3 ? words - 1 : words <= 6 ? 3 : 4];
}

// Names of the positions -2 … +2 around a word.
constexpr std::array<std::string_view, 5> kAround = {"-2", "-1", "0", "+1", "+2"};
constexpr std::array<std::string_view, 11> kTagNames = {
    "given",  "title",   "after-title", "demonym", "org-word", "place-word",
    "common", "place-B", "place-I",     "org-B",   "org-I"};

} // namespace

void Document::word_features(std::size_t i, std::vector<std::uint64_t>& out) const {
    Hasher h(out);
    const Word& w = words_[i];
    const Sentence& s = sentences_[sentence_of_[i]];
    const std::string_view mode = s.caps ? "C" : "m";
    out.push_back(bias_feature());
    h.add("w", w.text);
    h.add("l", w.lower);
    h.add("s", w.shape);
    h.add("ms", mode, w.shape);
    for (std::size_t k = 1; k <= kAffix && k < w.lower.size(); ++k) {
        h.add("p", w.lower.substr(0, k));
        h.add("x", w.lower.substr(w.lower.size() - k));
    }
    const auto word_at = [&](std::ptrdiff_t d) -> const Word* {
        const auto j = static_cast<std::ptrdiff_t>(i) + d;
        return j >= static_cast<std::ptrdiff_t>(s.begin) && j < static_cast<std::ptrdiff_t>(s.end)
                   ? &words_[static_cast<std::size_t>(j)]
                   : nullptr;
    };
    for (std::ptrdiff_t d = -2; d <= 2; ++d) {
        const Word* n = word_at(d);
        const std::string_view edge = d < 0 ? "<s>" : "</s>";
        const std::string_view at = kAround[static_cast<std::size_t>(d + 2)];
        if (d != 0) {
            h.add("l", at, n != nullptr ? std::string_view(n->lower) : edge);
            h.add("s", at, n != nullptr ? std::string_view(n->shape) : edge);
        }
        for (std::size_t bit = 0; n != nullptr && bit < kTagNames.size(); ++bit) {
            if ((n->tags & (1U << bit)) != 0) {
                h.add("t", at, kTagNames[bit]);
            }
        }
    }
    const Word* previous = word_at(-1);
    const Word* next = word_at(1);
    h.add("ll", previous != nullptr ? previous->lower : "<s>", w.lower);
    h.add("lr", w.lower, next != nullptr ? next->lower : "</s>");
    h.add("g", w.gap);
    h.add("g+", next != nullptr ? std::string_view(next->gap) : "</s>");
    const std::string spelled = spelling(i);
    h.add("sp", mode, spelled);
    h.add("sps", spelled, w.shape);
    if (w.first || i == s.begin) {
        h.add("f", i == s.begin ? "sentence" : "inner");
        h.add("fsp", spelled, (w.tags & kCommon) != 0 ? "common" : "");
    }
    if (w.possessive) {
        h.add("poss", "");
    }
    if (previous != nullptr && previous->possessive) {
        h.add("pposs", "");
    }
    h.add("ss", previous != nullptr ? previous->shape : "<s>", w.shape);
    h.add("ss+", w.shape, next != nullptr ? next->shape : "</s>");
    sentence_features(i, h);
    context_features(i, h);
    run_features(i, h);
    if (w.quoted) {
        h.add("q", "");
    }
}

// Where the word stands in its capitalised words, how many they are, and their first and last
// word: "Wuxi Tong Ling Company Ltd" ends with an organisation word.
void Document::run_features(std::size_t i, Hasher& h) const {
    const Word& w = words_[i];
    if (w.run_end - w.run_begin < 2) {
        return;
    }
    const std::string_view at = i == w.run_begin ? "B" : i + 1 == w.run_end ? "E" : "I";
    h.add("rp", at, length_class(w.run_end - w.run_begin));
    const Word& first = words_[w.run_begin];
    const Word& last = words_[w.run_end - 1];
    if (&last != &w) {
        h.add("re", last.lower);
    }
    if (&first != &w) {
        h.add("rb", first.lower);
    }
    for (std::size_t bit = 0; bit < kTagNames.size(); ++bit) {
        if ((last.tags & (1U << bit)) != 0) {
            h.add("ret", at, kTagNames[bit]);
        }
        if ((first.tags & (1U << bit)) != 0) {
            h.add("rbt", at, kTagNames[bit]);
        }
    }
}

// The sentence's length, and whether it is a table row (with the word's shape).
void Document::sentence_features(std::size_t i, Hasher& h) const {
    const Sentence& s = sentences_[sentence_of_[i]];
    h.add("n", length_class(s.end - s.begin));
    if (s.table) {
        h.add("tab", words_[i].shape);
    }
}

// The lower-case words next to the word's other capitalised mentions in the document: "said"
// after a person, "shares" after a company.
void Document::context_features(std::size_t i, Hasher& h) const {
    const Word& w = words_[i];
    const auto it = spellings_.find(w.lower);
    if (!w.upper || it == spellings_.end()) {
        return;
    }
    std::vector<std::pair<std::string_view, std::string_view>> seen;
    const auto add = [&](std::string_view name, std::size_t j) {
        const std::pair<std::string_view, std::string_view> feature{name, words_[j].lower};
        if (words_[j].upper || std::find(seen.begin(), seen.end(), feature) != seen.end()) {
            return;
        }
        seen.push_back(feature);
        h.add(name, feature.second);
    };
    std::size_t used = 0;
    for (std::size_t j = it->second.first; j < words_.size(); j = next_[j]) {
        if (j == i || ++used > kContexts) {
            continue;
        }
        const Sentence& s = sentences_[sentence_of_[j]];
        if (j > s.begin) {
            add("a-1", j - 1);
        }
        if (j + 1 < s.end) {
            add("a+1", j + 1);
        }
    }
}

FeatureTable Document::observations() const {
    FeatureTable table;
    table.offsets.reserve(words_.size() + 1);
    for (std::size_t i = 0; i < words_.size(); ++i) {
        if (words_[i].candidate) {
            word_features(i, table.hashes);
        }
        table.offsets.push_back(table.hashes.size());
    }
    return table;
}

// The stage-one label of word i and of its neighbours, and the types the other capitalised
// mentions of the word were given: all of them, the first, those inside a longer name
// ("Washington" a person after "MaliVai Washington", "Blackburn" an organisation wherever the
// results name the club).
void Document::document_features(std::size_t i, std::span<const Label> labels,
                                 const Evidence& evidence, std::vector<std::uint64_t>& out) const {
    Hasher h(out);
    const Sentence& s = sentences_[sentence_of_[i]];
    const auto name = [&](std::size_t j) {
        return kLabelNames[static_cast<std::size_t>(labels[j])];
    };
    h.add("L", "0", name(i));
    h.add("L", "-1", i > s.begin ? name(i - 1) : "<s>");
    h.add("L", "+1", i + 1 < s.end ? name(i + 1) : "</s>");
    if (!words_[i].upper) {
        return;
    }
    const std::string_view word = words_[i].lower;
    const auto own = static_cast<std::size_t>(type_of(labels[i]));
    std::array<std::uint32_t, kTypes> others = evidence.types.at(word);
    --others[own];
    std::size_t best = kTypes;
    for (std::size_t t = 0; t < kTypes; ++t) {
        if (others[t] > 0) {
            h.add("dt", kTypeNames[t]);
            best = best == kTypes || others[t] > others[best] ? t : best;
        }
    }
    if (best != kTypes) {
        h.add("dm", kTypeNames[best]);
    }
    if (const auto first = evidence.first.at(word); first != i) {
        h.add("df", kTypeNames[static_cast<std::size_t>(type_of(labels[first]))]);
    }
    if (const auto it = evidence.in_longer.find(word); it != evidence.in_longer.end()) {
        std::array<std::uint32_t, kTypes> longer = it->second;
        longer[own] -= evidence.longer[i] ? 1 : 0;
        for (std::size_t t = 1; t < kTypes; ++t) {
            if (longer[t] > 0) {
                h.add("dl", kTypeNames[t]);
            }
        }
    }
}

// What stage one says about each capitalised word across the document.
Document::Evidence Document::evidence(std::span<const Label> labels) const {
    Evidence e;
    e.longer.assign(words_.size(), false);
    for (std::size_t i = 0; i < words_.size(); ++i) {
        const bool inside = labels[i] != Label::O && !begins(labels[i]);
        const bool continued =
            i + 1 < words_.size() && labels[i + 1] != Label::O && !begins(labels[i + 1]);
        e.longer[i] = inside || (begins(labels[i]) && continued);
        if (!words_[i].upper) {
            continue;
        }
        const auto type = static_cast<std::size_t>(type_of(labels[i]));
        ++e.types[words_[i].lower][type];
        e.first.try_emplace(words_[i].lower, i);
        if (e.longer[i]) {
            ++e.in_longer[words_[i].lower][type];
        }
    }
    return e;
}

FeatureTable Document::with_document(const FeatureTable& first,
                                     std::span<const Label> labels) const {
    const Evidence e = evidence(labels);
    FeatureTable table;
    table.offsets.reserve(words_.size() + 1);
    for (std::size_t i = 0; i < words_.size(); ++i) {
        if (words_[i].candidate) {
            const auto own = first.of(i);
            table.hashes.insert(table.hashes.end(), own.begin(), own.end());
            document_features(i, labels, e, table.hashes);
        }
        table.offsets.push_back(table.hashes.size());
    }
    return table;
}

std::uint64_t label_feature(std::size_t previous, std::uint8_t context) {
    std::string text = "P\x1f";
    text += kLabelNames[previous];
    text += static_cast<char>('0' + context);
    return hash64(text);
}

std::uint64_t bias_feature() {
    static const std::uint64_t bias = hash64("bias");
    return bias;
}

} // namespace newsq::detail::ner
