#include "search/dates.hpp"
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

#include "store/slots.hpp"

namespace newsq::detail {

namespace {

using namespace std::chrono;

std::optional<int> to_int(std::string_view digits) {
    int value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty()) {
        return std::nullopt;
    }
    return value;
}

DateBounds whole_days(sys_days first, sys_days last) {
    return {date_value(year_month_day{first}, "000000"),
            date_value(year_month_day{last}, "235959")};
}

// "7d", "2w", "3m", "1y": the day that long before today.
std::optional<DateBounds> relative(std::string_view p, sys_days today) {
    if (p.size() < 2) {
        return std::nullopt;
    }
    const auto n = to_int(p.substr(0, p.size() - 1));
    if (!n) {
        return std::nullopt;
    }
    sys_days day;
    switch (p.back()) {
    case 'd':
        day = today - days{*n};
        break;
    case 'w':
        day = today - weeks{*n};
        break;
    case 'm':
    case 'y': {
        const year_month_day t{today};
        const auto ym =
            year_month{t.year(), t.month()} - (p.back() == 'm' ? months{*n} : months{12 * *n});
        const year_month_day_last end{ym.year(), month_day_last{ym.month()}};
        day = sys_days{year_month_day{ym.year(), ym.month(), std::min(t.day(), end.day())}};
        break;
    }
    default:
        return std::nullopt;
    }
    return whole_days(day, day);
}

// "2022-03-17", "2022-03" or "2022".
std::optional<DateBounds> absolute(std::string_view p) {
    const auto y = to_int(p.substr(0, 4));
    if (!y || (p.size() != 4 && p.size() != 7 && p.size() != 10)) {
        return std::nullopt;
    }
    if (p.size() == 4) {
        return whole_days(sys_days{year{*y} / January / 1}, sys_days{year{*y} / December / 31});
    }
    const auto m = p[4] == '-' ? to_int(p.substr(5, 2)) : std::nullopt;
    if (!m || *m < 1 || *m > 12) {
        return std::nullopt;
    }
    const year_month ym{year{*y}, month{static_cast<unsigned>(*m)}};
    if (p.size() == 7) {
        return whole_days(sys_days{ym / 1}, sys_days{ym / last});
    }
    const auto d = p[7] == '-' ? to_int(p.substr(8, 2)) : std::nullopt;
    const year_month_day date = ym / day{static_cast<unsigned>(d.value_or(0))};
    if (!d || !date.ok()) {
        return std::nullopt;
    }
    return whole_days(sys_days{date}, sys_days{date});
}

std::optional<DateBounds> point(std::string_view p, sys_days today) {
    if (p == "today") {
        return whole_days(today, today);
    }
    if (p == "yesterday") {
        return whole_days(today - days{1}, today - days{1});
    }
    if (!p.empty() && p.size() <= 5 && p.back() >= 'a') {
        return relative(p, today);
    }
    return absolute(p);
}

[[noreturn]] void bad_date(std::string_view expr, std::string_view part) {
    const std::string where = part == expr ? "" : fmt::format(" in \"{}\"", expr);
    throw Error(ErrorCode::query_syntax,
                fmt::format("bad date \"{}\"{}: expected YYYY-MM-DD, YYYY-MM, YYYY, today, "
                            "yesterday or a time ago like 7d, 2w, 3m, 1y, and A..B for a range",
                            part, where));
}

} // namespace

DateBounds parse_date_point(std::string_view p, sys_days today) {
    auto bounds = point(p, today);
    if (!bounds) {
        bad_date(p, p);
    }
    return *bounds;
}

DateBounds parse_date_expression(std::string_view expr, sys_days today) {
    const auto dots = expr.find("..");
    if (dots == std::string_view::npos) {
        auto bounds = point(expr, today);
        if (!bounds) {
            bad_date(expr, expr);
        }
        return *bounds;
    }
    const std::string_view lower = expr.substr(0, dots);
    const std::string_view upper = expr.substr(dots + 2);
    if (lower.empty() && upper.empty()) {
        bad_date(expr, expr);
    }
    DateBounds bounds;
    if (!lower.empty()) {
        const auto p = point(lower, today);
        if (!p) {
            bad_date(expr, lower);
        }
        bounds.from = p->from;
    }
    if (!upper.empty()) {
        const auto p = point(upper, today);
        if (!p) {
            bad_date(expr, upper);
        }
        bounds.to = p->to;
    }
    return bounds;
}

Xapian::Query date_filter(const DateBounds& b) {
    if (b.from.empty() && b.to.empty()) {
        return Xapian::Query(std::string());
    }
    if (b.from.empty()) {
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, kDateSlot, b.to);
    }
    if (b.to.empty()) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, kDateSlot, b.from);
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, b.from, b.to);
}

sys_days today_utc() {
    return floor<days>(system_clock::now());
}

} // namespace newsq::detail
