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
/// each value once per facet, as make_facet_line writes it and a newline.
std::string facet_value(const Article& article);

/// One line of a facet slot value: a character naming `facet` (one of kFacetNames; anything
/// else is std::invalid_argument), then `value`. Facet names are not spelled out, as every
/// article holds several of these lines.
std::string make_facet_line(std::string_view facet, std::string_view value);

/// One line of a facet slot value.
struct FacetLine {
    std::string_view facet;
    std::string_view value;
};

/// `line` (one line of a facet slot value) read as make_facet_line wrote it; nothing when it
/// names no facet.
std::optional<FacetLine> facet_line(std::string_view line);

} // namespace newsq::detail
