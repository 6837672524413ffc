// Portable random sampling: the same seed yields the same draws on every compiler and platform.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string_view>
#include <vector>

namespace newsq::gen {

constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

// Only the raw engine output is used: the std:: distributions are implementation-defined and
// would make the corpus depend on the standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
        : engine_(seed) {}

    std::uint64_t bits() { return engine_(); }

    // Uniform in [0, n) for 0 < n <= 2^63, by masking and rejection (no modulo bias, no division).
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t mask = std::bit_ceil(n) - 1;
        for (;;) {
            const std::uint64_t x = engine_() & mask;
            if (x < n) {
                return x;
            }
        }
    }

    // Uniform in [low, high].
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    bool percent(int chance) { return below(100) < static_cast<std::uint64_t>(chance); }

    template <typename T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }

    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[below(N)];
    }

private:
    std::mt19937_64 engine_;
};

// Draws words with probability proportional to 1 / (rank + offset), a Zipf-Mandelbrot law with
// exponent 1. It is an alias table (Walker's method) over integer weights, so a draw costs 32
// random bits and the table is identical on every platform.
class ZipfTable {
public:
    // Holds between 2 and 65,536 words, most frequent first.
    ZipfTable(std::vector<std::string_view> words, std::uint64_t offset);

    // The high bits choose a bin and the low bits choose between the bin's two words.
    std::string_view pick(std::uint32_t bits) const {
        const std::uint32_t index = bits >> threshold_bits_;
        const Bin& bin = bins_[index];
        return words_[(bits & (bin_capacity_ - 1)) < bin.threshold ? index : bin.alias];
    }

    std::string_view pick(Rng& rng) const {
        return pick(static_cast<std::uint32_t>(rng.bits() >> 32U));
    }

private:
    struct Bin {
        std::uint32_t threshold;
        std::uint32_t alias;
    };

    void build_bins(std::vector<std::uint64_t> weights);

    std::vector<std::string_view> words_;
    std::vector<Bin> bins_;
    unsigned threshold_bits_ = 0;
    std::uint32_t bin_capacity_ = 0;
};

} // namespace newsq::gen
