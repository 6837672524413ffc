#include <chrono>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/search.hpp>

#include "search/timeline.hpp"

using namespace std::chrono;
using newsq::TimelineBucket;
using newsq::TimeUnit;
using newsq::detail::DayCounts;
using newsq::detail::make_timeline;
using newsq::detail::period_label;
using newsq::detail::period_start;

namespace {

std::string week_of(year_month_day day) {
    return period_label(period_start(sys_days{day}, TimeUnit::week), TimeUnit::week);
}

} // namespace

TEST_CASE("ISO weeks belong to the year of their Thursday") {
    struct Case {
        year_month_day day;
        std::string week;
    };
    const std::vector<Case> cases = {
        {2022y / March / 17, "2022-W11"},    // a Thursday
        {2020y / December / 31, "2020-W53"}, // 2020 has 53 weeks
        {2021y / January / 3, "2020-W53"},   // a Sunday: still the last week of 2020
        {2021y / January / 4, "2021-W01"},   // the Monday after
        {2022y / January / 1, "2021-W52"},   // a Saturday
        {2019y / December / 30, "2020-W01"}, // a Monday whose Thursday is in 2020
        {2024y / December / 30, "2025-W01"}, {2026y / January / 1, "2026-W01"}, // a Thursday
    };
    for (const Case& c : cases) {
        INFO(c.week);
        CHECK(week_of(c.day) == c.week);
    }
}

TEST_CASE("period labels and starts for each unit") {
    const sys_days day{2022y / March / 17};
    CHECK(period_label(period_start(day, TimeUnit::day), TimeUnit::day) == "2022-03-17");
    CHECK(period_start(day, TimeUnit::week) == sys_days{2022y / March / 14});
    CHECK(period_label(period_start(day, TimeUnit::month), TimeUnit::month) == "2022-03");
    CHECK(period_label(period_start(day, TimeUnit::year), TimeUnit::year) == "2022");
}

TEST_CASE("a timeline runs from the first period to the last, empty periods included") {
    const DayCounts days = {{sys_days{2022y / March / 17}, 2},
                            {sys_days{2022y / March / 30}, 1},
                            {sys_days{2022y / May / 2}, 1}};
    const newsq::Timeline t = make_timeline(days, 3, TimeUnit::month, 0);
    CHECK(t.unit == TimeUnit::month);
    CHECK(t.buckets == std::vector<TimelineBucket>{{"2022-03", 3}, {"2022-04", 0}, {"2022-05", 1}});
    CHECK(t.undated == 3);
}

TEST_CASE("weekly buckets across a year boundary") {
    const DayCounts days = {{sys_days{2020y / December / 31}, 1},
                            {sys_days{2021y / January / 3}, 1},
                            {sys_days{2021y / January / 4}, 1},
                            {sys_days{2021y / January / 20}, 1}};
    CHECK(make_timeline(days, 0, TimeUnit::week, 0).buckets ==
          std::vector<TimelineBucket>{
              {"2020-W53", 2}, {"2021-W01", 1}, {"2021-W02", 0}, {"2021-W03", 1}});
}

TEST_CASE("months and years step over month ends and leap days") {
    const DayCounts days = {{sys_days{2023y / December / 31}, 1},
                            {sys_days{2024y / February / 29}, 1}};
    CHECK(make_timeline(days, 0, TimeUnit::month, 0).buckets ==
          std::vector<TimelineBucket>{{"2023-12", 1}, {"2024-01", 0}, {"2024-02", 1}});
    CHECK(make_timeline(days, 0, TimeUnit::year, 0).buckets ==
          std::vector<TimelineBucket>{{"2023", 1}, {"2024", 1}});
}

TEST_CASE("a timeline longer than the cap falls back to a coarser unit") {
    const DayCounts days = {{sys_days{2022y / January / 3}, 1},
                            {sys_days{2022y / December / 31}, 1}};
    CHECK(make_timeline(days, 0, TimeUnit::day, 0).buckets.size() == 363);
    const newsq::Timeline weeks = make_timeline(days, 0, TimeUnit::day, 60);
    CHECK(weeks.unit == TimeUnit::week);
    CHECK(weeks.buckets.size() == 52); // 2022-W01 … 2022-W52
    CHECK(make_timeline(days, 0, TimeUnit::day, 12).unit == TimeUnit::month);
    const newsq::Timeline years = make_timeline(days, 0, TimeUnit::day, 1);
    CHECK(years.unit == TimeUnit::year);
    CHECK(years.buckets == std::vector<TimelineBucket>{{"2022", 2}});
}

TEST_CASE("no dated matches: no buckets") {
    const newsq::Timeline t = make_timeline({}, 2, TimeUnit::week, 60);
    CHECK(t.buckets.empty());
    CHECK(t.undated == 2);
}

TEST_CASE("time units by name") {
    for (TimeUnit u : {TimeUnit::day, TimeUnit::week, TimeUnit::month, TimeUnit::year}) {
        CHECK(newsq::time_unit(newsq::to_string(u)) == u);
    }
    CHECK(!newsq::time_unit("fortnight"));
}
