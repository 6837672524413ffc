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

// A band key starts with the band's name, one of these characters.
constexpr std::string_view kBandNames = "0123456789abcdefghijklmnopqrstuvwxyz";
static_assert(kLshBands <= kBandNames.size(), "each band needs a one-character name");

// Serialised form: magic, version, shingles, then the MinHash values, little-endian.
constexpr std::string_view kMagic = "F2";
constexpr std::size_t kSerialisedSize = kMagic.size() + 4 + 2 * Fingerprint::kHashes;

void min_hash(std::uint64_t shingle, Signature& signature) {
    for (std::size_t i = 0; i < Fingerprint::kHashes; ++i) {
        const auto h = static_cast<std::uint32_t>((kFamily.a[i] * shingle + kFamily.b[i]) >> 32U);
        signature[i] = std::min(signature[i], h);
    }
}

// `bytes` little-endian bytes of `value`.
void append_le(std::string& out, std::uint32_t value, unsigned bytes) {
    for (unsigned k = 0; k < bytes; ++k) {
        out.push_back(static_cast<char>((value >> (8 * k)) & 0xFFU));
    }
}

std::uint32_t read_le(std::string_view text, std::size_t offset, unsigned bytes) {
    std::uint32_t value = 0;
    for (unsigned k = 0; k < bytes; ++k) {
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(text[offset + k]))
                 << (8 * k);
    }
    return value;
}

// A band key keeps 32 bits of the band's hash, as 4 bytes: two articles that are not copies
// share a band key by chance once in four billion pairs (about a hundred pairs per band among
// a million articles), and each such pair costs only one needless confirmation. Every article
// has a band term for each band, so the key is kept short rather than readable.
constexpr unsigned kKeyHashBytes = 4;

// The band's MinHash values hashed as little-endian bytes, so that every platform computes the
// same keys.
std::string band_key(const Fingerprint& fingerprint, std::size_t band) {
    std::array<unsigned char, 2 * kLshRows> rows{};
    for (std::size_t r = 0; r < kLshRows; ++r) {
        const std::uint16_t value = fingerprint.minhash[band * kLshRows + r];
        rows[2 * r] = static_cast<unsigned char>(value & 0xFFU);
        rows[2 * r + 1] = static_cast<unsigned char>(value >> 8U);
    }
    const auto hash = static_cast<std::uint32_t>(
        XXH3_64bits_withSeed(rows.data(), rows.size(), band) & 0xFFFFFFFFU);
    std::string key(1, kBandNames[band]);
    append_le(key, hash, kKeyHashBytes);
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
    Signature minima;
    minima.fill(std::numeric_limits<std::uint32_t>::max());
    for (const std::uint64_t shingle : shingles) {
        min_hash(shingle, minima);
    }
    Fingerprint result;
    // The low bits of a minimum are as good as random; its high bits, which are small, are not.
    std::transform(minima.begin(), minima.end(), result.minhash.begin(),
                   [](std::uint32_t m) { return static_cast<std::uint16_t>(m & 0xFFFFU); });
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
    append_le(out, fingerprint.shingles, 4);
    for (const std::uint16_t value : fingerprint.minhash) {
        append_le(out, value, 2);
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
    result.shingles = read_le(text, offset, 4);
    offset += 4;
    for (std::uint16_t& value : result.minhash) {
        value = static_cast<std::uint16_t>(read_le(text, offset, 2));
        offset += 2;
    }
    return result;
}

} // namespace newsq
