#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <newsq/article.hpp>

/// Near-duplicate detection: finds spun and lightly edited copies of an article.
///
/// A spinner swaps common words for synonyms but keeps direct quotations and names verbatim, so
/// the fingerprint reads only the *stable* words of the body: every word inside double quotation
/// marks, every word with a digit or spelled as a number ("four" reads as "4"), and every
/// capitalised word except a sentence's first when the next word is not capitalised too ("The
/// port", "Despite the"). Case, diacritics and curly or straight apostrophes are folded away. The
/// features are the shingles of `kShingleWords` consecutive stable words (skipping the ordinary
/// words between them), and the fingerprint is their MinHash signature. Two different articles
/// about the same event share names but not their quotations or the order the names come in,
/// so their shingles barely overlap; a copy keeps almost all of them.
///
/// The index stores `serialise(fingerprint)` with each document and each of
/// `lsh_band_keys(fingerprint)` as a boolean term, and puts every article in a duplicate cluster
/// with its confirmed copies (see schema.hpp).
namespace newsq {

/// Stable words per shingle.
inline constexpr std::size_t kShingleWords = 3;

/// LSH bands and MinHash values per band. Two articles of Jaccard similarity `s` share at least
/// one band with probability 1 - (1 - s^kLshRows)^kLshBands: 0.986 at s = 0.5, 0.23 at 0.2 and
/// 0.004 at 0.05 (the S-curve's midpoint is near (1/32)^(1/3) = 0.31, below the threshold).
inline constexpr std::size_t kLshBands = 32;
inline constexpr std::size_t kLshRows = 3;

/// Estimated Jaccard similarity from which two fingerprints are near-duplicates. In the
/// evaluation (tests/eval/eval_dedup.cpp) spun copies score 0.85 and more against their original,
/// lightly edited ones 0.57 and more (median 0.85), and different articles, those about the same
/// event included, 0.12 at most; the threshold leans towards not merging.
inline constexpr double kDuplicateThreshold = 0.5;

/// Fewer shingles than this say too little to call anything a copy: such a fingerprint has no
/// band keys and is nobody's near-duplicate.
inline constexpr std::uint32_t kMinShingles = 5;

/// The MinHash signature of an article's stable-word shingles. A plain value: copy and compare
/// it freely.
struct Fingerprint {
    /// MinHash values per fingerprint; the first kLshBands * kLshRows also make the band keys.
    static constexpr std::size_t kHashes = 128;

    /// The low 16 bits of the smallest value of each hash function (b-bit MinHash): two
    /// different minima agree by chance once in 65,536, which moves a similarity by less than
    /// 0.0001, and the fingerprint is half the size.
    std::array<std::uint16_t, kHashes> minhash{};
    std::uint32_t shingles = 0; ///< shingles hashed (0: nothing stable)

    bool operator==(const Fingerprint&) const = default;
};

static_assert(kLshBands * kLshRows <= Fingerprint::kHashes);

/// The fingerprint of an article body (paragraphs separated by blank lines, boilerplate
/// already removed). Linear in the length of `body`; about 70 us for a 5 KB article.
/// Thread-safe, like every function here.
Fingerprint fingerprint(std::string_view body);

/// The fingerprint of `article.body` only: the title, section and header fields are left out,
/// since copies often drop or rewrite them. Call it after the analysis has cleaned the body.
/// Thread-safe.
Fingerprint fingerprint(const Article& article);

/// The fingerprint's kLshBands band keys, each to be stored as a boolean term under the index's
/// duplicate-band prefix; empty when the fingerprint has fewer than kMinShingles shingles. A key
/// is a character naming its band ('0' to '9', then 'a' on), then 4 bytes of binary hash.
std::vector<std::string> lsh_band_keys(const Fingerprint& fingerprint);

/// Estimated Jaccard similarity of the two articles' shingle sets, in [0, 1]: the share of equal
/// MinHash values (standard error about 0.045 at 0.5). 0 when either has no shingles.
double similarity(const Fingerprint& a, const Fingerprint& b);

/// Whether `a` and `b` are near-duplicates: both have at least kMinShingles shingles and their
/// similarity is at least kDuplicateThreshold.
bool is_near_duplicate(const Fingerprint& a, const Fingerprint& b);

/// A compact binary form of the fingerprint (262 bytes), for a Xapian value slot. It starts with
/// "F2", which names this format and these features: fingerprints of another version cannot be
/// compared and must be computed again.
std::string serialise(const Fingerprint& fingerprint);

/// The fingerprint that `serialise` wrote. Throws Error (index_corrupt) on any other text.
Fingerprint parse_fingerprint(std::string_view text);

} // namespace newsq
