#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// Appends to `out` the hash of each shingle of `kShingleWords` consecutive stable words of
/// `body` (see newsq/dedup.hpp for which words are stable), in text order, leaving out shingles
/// made only of function words. A body with some stable words but fewer than a shingle's worth
/// gives one shingle of them all.
void stable_shingles(std::string_view body, std::vector<std::uint64_t>& out);

} // namespace newsq::detail
