#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

#include <xapian.h>

#include <newsq/search.hpp>

namespace newsq::detail {

/// Matching articles per publication day.
using DayCounts = std::map<std::chrono::sys_days, std::size_t>;

/// The first day of the period of `unit` holding `day` (weeks start on Monday).
std::chrono::sys_days period_start(std::chrono::sys_days day, TimeUnit unit);

/// The label of the period starting on `start`: 2022-03-17, 2022-W11 (ISO week), 2022-03, 2022.
std::string period_label(std::chrono::sys_days start, TimeUnit unit);

/// Buckets `days` by `unit`, from the first period with a match to the last, empty periods
/// included. With `max_buckets` > 0, a timeline that would be longer uses the next coarser
/// unit that fits (years at the coarsest).
Timeline make_timeline(const DayCounts& days, std::size_t undated, TimeUnit unit,
                       std::size_t max_buckets);

/// Counts the publication days (value slot kDateSlot) of every document the match sees.
class DateSpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "newsq.DateSpy"; }

    /// Counts `documents` documents whose date slot holds `value` (empty: undated).
    void count(std::string_view value, std::size_t documents);

    const DayCounts& days() const { return days_; }
    std::size_t undated() const { return undated_; }

private:
    DayCounts days_;
    std::size_t undated_ = 0;
};

} // namespace newsq::detail
