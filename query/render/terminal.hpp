#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include <newsq/search.hpp>

namespace newsq::render {

inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kReset = "\x1b[0m";
inline constexpr std::string_view kDim = "\x1b[2m";

/// `text` with control characters (C0, DEL, C1) replaced by spaces, so article data cannot
/// move the cursor, clear the screen or ring the bell.
std::string printable(std::string_view text);

/// The non-empty parts joined by " · ", made printable.
std::string dotted(std::initializer_list<std::string_view> parts);

/// The snippet's text, its highlights in bold when `color`.
std::string highlighted(const Snippet& s, bool color);

/// `text` dimmed when `color`.
std::string dim(std::string_view text, bool color);

/// A quote as shown: in curly quotation marks, then " — speaker" when known.
std::string quote_line(const Snippet& text, const std::string& speaker, bool color);

/// "", "s": the plural ending for `n` things.
inline std::string_view plural(std::size_t n) {
    return n == 1 ? "" : "s";
}

} // namespace newsq::render
