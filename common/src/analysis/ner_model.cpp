#include "analysis/ner_model.hpp"
#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>

namespace newsq::detail {

namespace embedded {
extern const std::string_view ner_model;
} // namespace embedded

namespace ner {

namespace {

constexpr std::string_view kMagic = "NEWSQNER";
constexpr std::uint32_t kVersion = 1;
constexpr float kLargest = 32767;

// Reads the little-endian numbers of a model file, front to back.
class Reader {
public:
    explicit Reader(std::string_view bytes)
        : bytes_(bytes) {}

    std::string_view take(std::size_t n) {
        if (n > bytes_.size()) {
            throw std::runtime_error("the name tagger's model is cut short");
        }
        const std::string_view part = bytes_.substr(0, n);
        bytes_.remove_prefix(n);
        return part;
    }

    template <typename T>
    T number() {
        const std::string_view part = take(sizeof(T));
        std::make_unsigned_t<T> value = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i) {
            value |= static_cast<std::make_unsigned_t<T>>(static_cast<unsigned char>(part[i]))
                     << (8 * i);
        }
        return static_cast<T>(value);
    }

    bool done() const { return bytes_.empty(); }

private:
    std::string_view bytes_;
};

template <typename T>
void put(std::string& out, T value) {
    const auto bits = static_cast<std::make_unsigned_t<T>>(value);
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        out += static_cast<char>((bits >> (8 * i)) & 0xFF);
    }
}

// A hash of 0 marks an empty slot: such a feature is stored as 1.
std::uint64_t stored(std::uint64_t key) {
    return key == 0 ? 1 : key;
}

Weights read_stage(Reader& in) {
    const float scale = std::bit_cast<float>(in.number<std::uint32_t>());
    const std::size_t count = in.number<std::uint32_t>();
    std::vector<std::uint64_t> keys(count);
    for (std::uint64_t& key : keys) {
        key = in.number<std::uint64_t>();
    }
    std::vector<std::int16_t> weights(count * kLabels);
    for (std::int16_t& w : weights) {
        w = in.number<std::int16_t>();
    }
    return Weights(keys, weights, scale);
}

} // namespace

Weights::Weights(std::span<const std::uint64_t> keys, std::span<const std::int16_t> weights,
                 float scale)
    : mask_(std::bit_ceil(std::max<std::size_t>(2 * keys.size(), 16)) - 1)
    , scale_(scale)
    , size_(keys.size()) {
    slots_.resize(mask_ + 1);
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::uint64_t key = stored(keys[k]);
        std::uint64_t i = key & mask_;
        while (slots_[i].key != 0 && slots_[i].key != key) {
            i = (i + 1) & mask_;
        }
        slots_[i].key = key;
        std::copy_n(weights.begin() + static_cast<std::ptrdiff_t>(k * kLabels), kLabels,
                    slots_[i].weights.begin());
    }
    for (std::size_t previous = 0; previous <= kLabels; ++previous) {
        for (std::uint8_t context = 0; context < kLabelContexts; ++context) {
            const std::uint64_t feature = label_feature(previous, context);
            Scores& scores = transitions_[previous][context];
            add(std::span(&feature, 1), scores);
            std::transform(scores.begin(), scores.end(),
                           transition_exps_[previous][context].begin(),
                           [](float t) { return std::exp(t); });
        }
    }
}

const Weights::Slot* Weights::find(std::uint64_t key) const {
    key = stored(key);
    for (std::uint64_t i = key & mask_;; i = (i + 1) & mask_) {
        if (slots_[i].key == key) {
            return &slots_[i];
        }
        if (slots_[i].key == 0) {
            return nullptr;
        }
    }
}

void Weights::add(std::span<const std::uint64_t> features, Scores& scores) const {
    std::array<std::int32_t, kLabels> sum{};
    for (const std::uint64_t feature : features) {
        if (const Slot* slot = find(feature)) {
            for (std::size_t l = 0; l < kLabels; ++l) {
                sum[l] += slot->weights[l];
            }
        }
    }
    for (std::size_t l = 0; l < kLabels; ++l) {
        scores[l] += static_cast<float>(sum[l]) * scale_;
    }
}

Model::Model(std::string_view bytes) {
    Reader in(bytes);
    if (in.take(kMagic.size()) != kMagic || in.number<std::uint32_t>() != kVersion ||
        in.number<std::uint32_t>() != kLabels) {
        throw std::runtime_error("not a model of the name tagger");
    }
    const std::size_t stages = in.number<std::uint32_t>();
    for (std::size_t s = 0; s < stages; ++s) {
        stages_.push_back(read_stage(in));
    }
    if (!in.done() || stages_.empty()) {
        throw std::runtime_error("the name tagger's model has trailing bytes or no stage");
    }
}

const Model& Model::built_in() {
    static const Model model(embedded::ner_model);
    return model;
}

std::string serialize(std::span<const std::vector<Row>> stages) {
    std::string out(kMagic);
    put(out, kVersion);
    put(out, static_cast<std::uint32_t>(kLabels));
    put(out, static_cast<std::uint32_t>(stages.size()));
    for (const std::vector<Row>& rows : stages) {
        float largest = 0;
        for (const Row& row : rows) {
            for (const float w : row.weights) {
                largest = std::max(largest, std::abs(w));
            }
        }
        const float scale = largest > 0 ? largest / kLargest : 1;
        put(out, std::bit_cast<std::uint32_t>(scale));
        put(out, static_cast<std::uint32_t>(rows.size()));
        for (const Row& row : rows) {
            put(out, row.feature);
        }
        for (const Row& row : rows) {
            for (const float w : row.weights) {
                put(out, static_cast<std::int16_t>(std::lround(w / scale)));
            }
        }
    }
    return out;
}

} // namespace ner

} // namespace newsq::detail
