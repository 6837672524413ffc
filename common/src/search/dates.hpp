#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsq::detail {

/// Inclusive bounds in the date slot's format ("YYYYMMDDHHMMSS"); empty means open.
struct DateBounds {
    std::string from;
    std::string to;
};

/// Parses a date expression: a point (2022-03-17, 2022-03, 2022, today, yesterday, 7d, 2w, 3m,
/// 1y ago) covering its whole day, month or year, or a range `A..B`, `A..`, `..B`.
/// Throws Error (query_syntax) naming the expression and what is accepted.
DateBounds parse_date_expression(std::string_view expr, std::chrono::sys_days today);

/// Bounds of one point on its own (as for --since / --until): `from` and `to` of its period.
DateBounds parse_date_point(std::string_view point, std::chrono::sys_days today);

/// The filter matching publication dates within `bounds` (match-all when both are open).
Xapian::Query date_filter(const DateBounds& bounds);

/// Today's date in UTC.
std::chrono::sys_days today_utc();

} // namespace newsq::detail
