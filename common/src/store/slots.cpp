#include "store/slots.hpp"
#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include <newsq/schema.hpp>

#include "store/fields.hpp"

namespace newsq::detail {

namespace {

// A facet line names its facet by one character: its place in kFacetNames, from this one.
constexpr char kFirstFacetCode = '0';

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
            lines.append(make_facet_line(f.facet, value)).append(1, '\n');
        }
    }
    return lines;
}

std::string make_facet_line(std::string_view facet, std::string_view value) {
    const auto found = std::find(kFacetNames.begin(), kFacetNames.end(), facet);
    if (found == kFacetNames.end()) {
        throw std::invalid_argument(fmt::format("no facet named {}", facet));
    }
    std::string line(1, static_cast<char>(kFirstFacetCode + (found - kFacetNames.begin())));
    return line.append(value);
}

std::optional<FacetLine> facet_line(std::string_view line) {
    if (line.empty() || line.front() < kFirstFacetCode) {
        return std::nullopt;
    }
    const auto facet = static_cast<std::size_t>(line.front() - kFirstFacetCode);
    if (facet >= kFacetNames.size()) {
        return std::nullopt;
    }
    return FacetLine{kFacetNames[facet], line.substr(1)};
}

} // namespace newsq::detail
