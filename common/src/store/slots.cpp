#include "store/slots.hpp"
#include <algorithm>
#include <charconv>
#include <vector>

#include <fmt/format.h>

#include <newsq/schema.hpp>

#include "store/fields.hpp"

namespace newsq::detail {

namespace {

unsigned number(std::string_view digits) {
    unsigned n = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return n;
}

} // namespace

std::string date_value(std::string_view published) {
    std::string digits;
    std::copy_if(published.begin(), published.end(), std::back_inserter(digits),
                 [](char c) { return c >= '0' && c <= '9'; });
    digits.resize(14, '0');
    return digits;
}

std::string date_value(std::chrono::year_month_day day, std::string_view clock) {
    return fmt::format("{:04}{:02}{:02}{}", static_cast<int>(day.year()),
                       static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), clock);
}

std::optional<std::chrono::sys_days> day_of(std::string_view value) {
    if (value.size() < 8) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{
        std::chrono::year{static_cast<int>(number(value.substr(0, 4)))},
        std::chrono::month{number(value.substr(4, 2))},
        std::chrono::day{number(value.substr(6, 2))}};
    return ymd.ok() ? std::optional<std::chrono::sys_days>(ymd) : std::nullopt;
}

std::string facet_value(const Article& article) {
    std::string lines;
    for (const Field& f : kFields) {
        if (f.facet.empty()) {
            continue;
        }
        std::vector<std::string> values = field_values(article, f);
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        for (const std::string& value : values) {
            lines.append(f.facet).append(1, '\t').append(value).append(1, '\n');
        }
    }
    return lines;
}

std::optional<FacetLine> facet_line(std::string_view line) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
        return std::nullopt;
    }
    return FacetLine{line.substr(0, tab), line.substr(tab + 1)};
}

} // namespace newsq::detail
