#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include <newsq/dedup.hpp>

/// How the index places an article among its near-duplicates: for a new article, count how
/// many band terms (`lsh_band_keys`) each document shares with it and take the `kMaxCandidates`
/// sharing the most; those that `is_near_duplicate` confirms put the article in their cluster
/// (merging their clusters when they are several), else the article starts its own. A cluster is
/// thus the set of articles linked by confirmed copies, whatever order they arrived in.
namespace newsq::detail {

/// Candidates worth confirming per new article: the ones sharing the most bands.
inline constexpr std::size_t kMaxCandidates = 10;

/// The position in `candidates` of the one most similar to `fingerprint` among those that are
/// its near-duplicates (the first of equals), if any.
std::optional<std::size_t> best_duplicate(const Fingerprint& fingerprint,
                                          std::span<const Fingerprint> candidates);

} // namespace newsq::detail
