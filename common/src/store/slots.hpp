#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <newsq/article.hpp>

namespace newsq::detail {

/// The date slot value (kDateSlot) of a published date or time: "YYYYMMDDHHMMSS", sortable
/// as a string; the missing parts of a date alone are zeros.
std::string date_value(std::string_view published);

/// The date slot value of `day` at `clock` ("HHMMSS").
std::string date_value(std::chrono::year_month_day day, std::string_view clock);

/// The day of a date slot value; nothing for an undated article.
std::optional<std::chrono::sys_days> day_of(std::string_view value);

/// The facet slot value (kFacetSlot) of an article: one line per value its schema rows count,
/// "<facet>\t<value>\n", each value once per facet.
std::string facet_value(const Article& article);

/// One line of a facet slot value.
struct FacetLine {
    std::string_view facet;
    std::string_view value;
};

/// `line` (one line of a facet slot value) split at its tab; nothing when it has none.
std::optional<FacetLine> facet_line(std::string_view line);

} // namespace newsq::detail
