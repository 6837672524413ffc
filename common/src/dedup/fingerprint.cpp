#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#define XXH_INLINE_ALL
#include <fmt/format.h>
#include <xxhash.h>

#include <newsq/dedup.hpp>
#include <newsq/error.hpp>

#include "dedup/candidates.hpp"
#include "dedup/shingles.hpp"

namespace newsq {
namespace {

using Signature = std::array<std::uint32_t, Fingerprint::kHashes>;

// MinHash family h_i(x) = high 32 bits of (a_i * x + b_i) mod 2^64, over shingle hashes that
// are already well mixed; a_i odd. The constants come from splitmix64, so every build and every
// version of the library computes the same fingerprints.
struct HashFamily {
    std::array<std::uint64_t, Fingerprint::kHashes> a{};
    std::array<std::uint64_t, Fingerprint::kHashes> b{};
};

constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

constexpr HashFamily make_family() {
    HashFamily family;
    std::uint64_t state = 0x6E65777371646564ULL; // "newsqded"
    for (std::size_t i = 0; i < Fingerprint::kHashes; ++i) {
        family.a[i] = splitmix64(state) | 1U;
        family.b[i] = splitmix64(state);
    }
    return family;
}

constexpr HashFamily kFamily = make_family();

static_assert(kLshBands <= 100, "band keys start with two decimal digits");

// Serialised form: magic, version, shingles, then the MinHash values, little-endian.
constexpr std::string_view kMagic = "F1";
constexpr std::size_t kSerialisedSize = kMagic.size() + 4 * (1 + Fingerprint::kHashes);

void min_hash(std::uint64_t shingle, Signature& signature) {
    for (std::size_t i = 0; i < Fingerprint::kHashes; ++i) {
        const auto h = static_cast<std::uint32_t>((kFamily.a[i] * shingle + kFamily.b[i]) >> 32U);
        signature[i] = std::min(signature[i], h);
    }
}

void append_u32(std::string& out, std::uint32_t value) {
    for (unsigned shift = 0; shift < 32; shift += 8) {
        out.push_back(static_cast<char>((value >> shift) & 0xFFU));
    }
}

std::uint32_t read_u32(std::string_view text, std::size_t offset) {
    std::uint32_t value = 0;
    for (unsigned k = 0; k < 4; ++k) {
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(text[offset + k]))
                 << (8 * k);
    }
    return value;
}

// A band key keeps 48 bits of the band's hash: chance collisions stay rare (a handful of pairs
// among ten million documents), and each costs only one needless confirmation.
constexpr unsigned kKeyHashBits = 48;
constexpr std::size_t kKeySize = 2 + kKeyHashBits / 4;

void append_hex(std::string& out, std::uint64_t value) {
    constexpr std::string_view digits = "0123456789abcdef";
    for (unsigned shift = kKeyHashBits; shift > 0; shift -= 4) {
        out.push_back(digits[(value >> (shift - 4)) & 0xFU]);
    }
}

// The band's MinHash values hashed as little-endian bytes, so that every platform computes the
// same keys.
std::string band_key(const Fingerprint& fingerprint, std::size_t band) {
    std::array<unsigned char, 4 * kLshRows> rows{};
    for (std::size_t r = 0; r < kLshRows; ++r) {
        const std::uint32_t value = fingerprint.minhash[band * kLshRows + r];
        for (std::size_t k = 0; k < 4; ++k) {
            rows[4 * r + k] = static_cast<unsigned char>(value >> (8 * k));
        }
    }
    std::string key;
    key.reserve(kKeySize);
    key.push_back(static_cast<char>('0' + band / 10));
    key.push_back(static_cast<char>('0' + band % 10));
    append_hex(key, XXH3_64bits_withSeed(rows.data(), rows.size(), band));
    return key;
}

} // namespace

Fingerprint fingerprint(std::string_view body) {
    std::vector<std::uint64_t> shingles;
    shingles.reserve(body.size() / 16);
    detail::stable_shingles(body, shingles);
    // Distinct shingles: a repeated chant must not pass for many, nor be hashed many times.
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    Fingerprint result;
    result.minhash.fill(std::numeric_limits<std::uint32_t>::max());
    for (const std::uint64_t shingle : shingles) {
        min_hash(shingle, result.minhash);
    }
    result.shingles = static_cast<std::uint32_t>(
        std::min<std::size_t>(shingles.size(), std::numeric_limits<std::uint32_t>::max()));
    return result;
}

Fingerprint fingerprint(const Article& article) {
    return fingerprint(article.body);
}

std::vector<std::string> lsh_band_keys(const Fingerprint& fingerprint) {
    std::vector<std::string> keys;
    if (fingerprint.shingles < kMinShingles) {
        return keys;
    }
    keys.reserve(kLshBands);
    for (std::size_t band = 0; band < kLshBands; ++band) {
        keys.push_back(band_key(fingerprint, band));
    }
    return keys;
}

double similarity(const Fingerprint& a, const Fingerprint& b) {
    if (a.shingles == 0 || b.shingles == 0) {
        return 0.0;
    }
    std::size_t equal = 0;
    for (std::size_t i = 0; i < Fingerprint::kHashes; ++i) {
        equal += a.minhash[i] == b.minhash[i] ? 1 : 0;
    }
    return static_cast<double>(equal) / static_cast<double>(Fingerprint::kHashes);
}

bool is_near_duplicate(const Fingerprint& a, const Fingerprint& b) {
    return a.shingles >= kMinShingles && b.shingles >= kMinShingles &&
           similarity(a, b) >= kDuplicateThreshold;
}

std::optional<std::size_t> detail::best_duplicate(const Fingerprint& fingerprint,
                                                  std::span<const Fingerprint> candidates) {
    std::optional<std::size_t> best;
    double best_similarity = 0.0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (!is_near_duplicate(fingerprint, candidates[i])) {
            continue;
        }
        const double s = similarity(fingerprint, candidates[i]);
        if (!best || s > best_similarity) {
            best = i;
            best_similarity = s;
        }
    }
    return best;
}

std::string serialise(const Fingerprint& fingerprint) {
    std::string out;
    out.reserve(kSerialisedSize);
    out.append(kMagic);
    append_u32(out, fingerprint.shingles);
    for (const std::uint32_t value : fingerprint.minhash) {
        append_u32(out, value);
    }
    return out;
}

Fingerprint parse_fingerprint(std::string_view text) {
    if (text.size() != kSerialisedSize || !text.starts_with(kMagic)) {
        throw Error(ErrorCode::index_corrupt,
                    fmt::format("malformed duplicate fingerprint: {} bytes, expected {} starting "
                                "with \"{}\"",
                                text.size(), kSerialisedSize, kMagic),
                    "rebuild the index with `newsindex rebuild`");
    }
    Fingerprint result;
    std::size_t offset = kMagic.size();
    result.shingles = read_u32(text, offset);
    for (std::uint32_t& value : result.minhash) {
        offset += 4;
        value = read_u32(text, offset);
    }
    return result;
}

} // namespace newsq
