#include "search/timeline.hpp"
#include <array>
#include <optional>

#include <fmt/format.h>

#include <newsq/schema.hpp>

#include "store/slots.hpp"

namespace newsq::detail {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::array kUnitNames = {"day", "week", "month", "year"};

sys_days next_period(sys_days start, TimeUnit unit) {
    const year_month_day ymd{start};
    switch (unit) {
    case TimeUnit::day:
        return start + days{1};
    case TimeUnit::week:
        return start + days{7};
    case TimeUnit::month:
        return sys_days{(ymd.year() / ymd.month() + std::chrono::months{1}) / 1};
    case TimeUnit::year:
        return sys_days{(ymd.year() + std::chrono::years{1}) / 1 / 1};
    }
    return start + days{1};
}

std::vector<TimelineBucket> buckets_of(const DayCounts& counts, TimeUnit unit) {
    std::vector<TimelineBucket> buckets;
    if (counts.empty()) {
        return buckets;
    }
    const sys_days last = period_start(counts.rbegin()->first, unit);
    auto day = counts.begin();
    for (sys_days p = period_start(counts.begin()->first, unit); p <= last;) {
        const sys_days next = next_period(p, unit);
        std::size_t count = 0;
        for (; day != counts.end() && day->first < next; ++day) {
            count += day->second;
        }
        buckets.push_back({period_label(p, unit), count});
        p = next;
    }
    return buckets;
}

} // namespace

sys_days period_start(sys_days day, TimeUnit unit) {
    const year_month_day ymd{day};
    switch (unit) {
    case TimeUnit::day:
        return day;
    case TimeUnit::week:
        return day - days{std::chrono::weekday{day}.iso_encoding() - 1};
    case TimeUnit::month:
        return sys_days{ymd.year() / ymd.month() / 1};
    case TimeUnit::year:
        return sys_days{ymd.year() / 1 / 1};
    }
    return day;
}

std::string period_label(sys_days start, TimeUnit unit) {
    const year_month_day ymd{start};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    switch (unit) {
    case TimeUnit::day:
        return fmt::format("{:04}-{:02}-{:02}", y, m, static_cast<unsigned>(ymd.day()));
    case TimeUnit::week: {
        // An ISO week belongs to the year of its Thursday.
        const sys_days thursday = period_start(start, TimeUnit::week) + days{3};
        const std::chrono::year iso_year = year_month_day{thursday}.year();
        const auto week = (thursday - sys_days{iso_year / 1 / 1}).count() / 7 + 1;
        return fmt::format("{:04}-W{:02}", static_cast<int>(iso_year), week);
    }
    case TimeUnit::month:
        return fmt::format("{:04}-{:02}", y, m);
    case TimeUnit::year:
        return fmt::format("{:04}", y);
    }
    return {};
}

Timeline make_timeline(const DayCounts& days, std::size_t undated, TimeUnit unit,
                       std::size_t max_buckets) {
    Timeline timeline{unit, buckets_of(days, unit), undated};
    while (max_buckets > 0 && timeline.buckets.size() > max_buckets &&
           timeline.unit != TimeUnit::year) {
        timeline.unit = static_cast<TimeUnit>(static_cast<int>(timeline.unit) + 1);
        timeline.buckets = buckets_of(days, timeline.unit);
    }
    return timeline;
}

void DateSpy::operator()(const Xapian::Document& doc, double) {
    count(doc.get_value(kDateSlot), 1);
}

void DateSpy::count(std::string_view value, std::size_t documents) {
    std::uint32_t key = 0; // no day: undated
    for (std::size_t i = 0; value.size() >= 8 && i < 8; ++i) {
        if (value[i] < '0' || value[i] > '9') {
            key = 0;
            break;
        }
        key = key * 10 + static_cast<std::uint32_t>(value[i] - '0');
    }
    if (key != run_day_) {
        flush();
        run_day_ = key;
    }
    run_ += documents;
}

void DateSpy::flush() const {
    if (run_ > 0) {
        raw_[run_day_] += run_;
        run_ = 0;
    }
}

DayCounts DateSpy::days() const {
    flush();
    DayCounts days;
    for (const auto& [key, documents] : raw_) {
        if (const auto day = day_of(fmt::format("{:08}", key))) {
            days[*day] += documents;
        }
    }
    return days;
}

std::size_t DateSpy::undated() const {
    flush();
    std::size_t undated = 0;
    for (const auto& [key, documents] : raw_) {
        if (!day_of(fmt::format("{:08}", key))) {
            undated += documents;
        }
    }
    return undated;
}

} // namespace newsq::detail

namespace newsq {

std::string_view to_string(TimeUnit unit) {
    return detail::kUnitNames.at(static_cast<std::size_t>(unit));
}

std::optional<TimeUnit> time_unit(std::string_view name) {
    for (std::size_t i = 0; i < detail::kUnitNames.size(); ++i) {
        if (name == detail::kUnitNames[i]) {
            return static_cast<TimeUnit>(i);
        }
    }
    return std::nullopt;
}

} // namespace newsq
