#pragma once

#include <optional>
#include <string_view>

#include <newsq/reader.hpp>

namespace newsq::detail {

/// Why `text` cannot be an article at all (too large, binary, invalid UTF-8), with the line.
std::optional<BadRecord> check_raw_input(std::string_view text, const ReadOptions& options);

} // namespace newsq::detail
