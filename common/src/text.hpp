#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// Byte offset of the first invalid UTF-8 sequence, if any.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

/// 1-based line number of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// `text` folded to lower case (Unicode-aware).
std::string fold_case(std::string_view text);

/// 32 lower-case hex digits of a 128-bit non-cryptographic hash of `text`.
std::string hash_hex(std::string_view text);

/// A 64-bit non-cryptographic hash of `text`.
std::uint64_t hash64(std::string_view text);

/// Lines of `text` without their line ends ("\n" or "\r\n").
std::vector<std::string_view> split_lines(std::string_view text);

} // namespace newsq::detail
