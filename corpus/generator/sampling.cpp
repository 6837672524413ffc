#include "sampling.hpp"
#include <utility>

namespace newsq::gen {
namespace {

std::uint64_t weight_sum(std::uint64_t scale, std::size_t count, std::uint64_t offset) {
    std::uint64_t sum = 0;
    for (std::uint64_t rank = 0; rank < count; ++rank) {
        sum += scale / (rank + offset);
    }
    return sum;
}

// Integer weights floor(scale / (rank + offset)) with the largest scale whose weights fit in
// `total`; the few units left over go to the first rank so that the weights sum to `total`.
std::vector<std::uint64_t> zipf_weights(std::size_t count, std::uint64_t offset,
                                        std::uint64_t total) {
    std::uint64_t low = 0;
    std::uint64_t high = (total + 1) * offset;
    while (low < high) {
        const std::uint64_t middle = low + (high - low + 1) / 2;
        if (weight_sum(middle, count, offset) <= total) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    std::vector<std::uint64_t> weights;
    weights.reserve(count);
    for (std::uint64_t rank = 0; rank < count; ++rank) {
        weights.push_back(low / (rank + offset));
    }
    weights.front() += total - weight_sum(low, count, offset);
    return weights;
}

} // namespace

ZipfTable::ZipfTable(std::vector<std::string_view> words, std::uint64_t offset)
    : words_(std::move(words)) {
    // A power-of-two bin count splits the 32 random bits exactly; the weights then sum to 2^32.
    const std::size_t bin_count = std::bit_ceil(words_.size());
    threshold_bits_ = 32U - static_cast<unsigned>(std::countr_zero(bin_count));
    bin_capacity_ = std::uint32_t{1} << threshold_bits_;
    std::vector<std::uint64_t> weights =
        zipf_weights(words_.size(), offset, std::uint64_t{1} << 32U);
    weights.resize(bin_count, 0);
    build_bins(std::move(weights));
}

// Vose's construction: each bin holds one underfull entry topped up by an overfull one. The
// weights sum to exactly bin_count * bin_capacity_, so integer arithmetic leaves no remainder.
void ZipfTable::build_bins(std::vector<std::uint64_t> weights) {
    bins_.assign(weights.size(), Bin{bin_capacity_, 0});
    std::vector<std::uint32_t> underfull;
    std::vector<std::uint32_t> overfull;
    for (std::uint32_t i = 0; i < weights.size(); ++i) {
        (weights[i] < bin_capacity_ ? underfull : overfull).push_back(i);
        bins_[i].alias = i;
    }
    while (!underfull.empty() && !overfull.empty()) {
        const std::uint32_t small = underfull.back();
        underfull.pop_back();
        const std::uint32_t large = overfull.back();
        bins_[small] = Bin{static_cast<std::uint32_t>(weights[small]), large};
        weights[large] -= bin_capacity_ - weights[small];
        if (weights[large] < bin_capacity_) {
            overfull.pop_back();
            underfull.push_back(large);
        }
    }
}

} // namespace newsq::gen
