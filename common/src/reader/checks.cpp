#include "checks.hpp"

#include <fmt/format.h>

#include "text.hpp"

namespace newsq::detail {

std::optional<BadRecord> check_raw_input(std::string_view text, const ReadOptions& options) {
    if (text.size() > options.max_article_bytes) {
        return BadRecord{"", 1,
                         fmt::format("article is {} bytes, over the limit of {} bytes", text.size(),
                                     options.max_article_bytes)};
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        return BadRecord{"", line_of(text, nul), "binary data (a NUL byte), not text"};
    }
    if (const auto bad = invalid_utf8_offset(text)) {
        const auto line_start = text.rfind('\n', *bad);
        const std::size_t column =
            *bad - (line_start == std::string_view::npos ? 0 : line_start + 1);
        return BadRecord{"", line_of(text, *bad),
                         fmt::format("invalid UTF-8 at column {}", column + 1)};
    }
    return std::nullopt;
}

} // namespace newsq::detail
