#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

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

    /// The documents counted per day, and those without a valid date.
    DayCounts days() const;
    std::size_t undated() const;

private:
    // Adds the run of documents of one day to raw_.
    void flush() const;

    // Documents per the value's first 8 bytes ("20220317"), read as a number: cheap enough to
    // run on every match; a day is checked only once, when the counts are read. Matches come
    // in docid order, in which articles of one day are mostly neighbours: a run of them is
    // counted here before it is added to raw_.
    mutable std::unordered_map<std::uint32_t, std::size_t> raw_;
    mutable std::uint32_t run_day_ = 0;
    mutable std::size_t run_ = 0;
};

} // namespace newsq::detail
