#include "search/facets.hpp"
#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include <newsq/schema.hpp>

#include "store/slots.hpp"

namespace newsq::detail {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    if ((doc.get_docid() / kRun) % one_in_ == 0) {
        ++counted_;
        count(doc.get_value(kFacetSlot), 1);
    }
}

void FacetSpy::count(std::string_view lines, std::size_t documents) {
    std::size_t start = 0;
    while (start < lines.size()) {
        const std::size_t end = std::min(lines.find('\n', start), lines.size());
        if (end > start) {
            const std::string_view line = lines.substr(start, end - start);
            if (const auto found = counts_.find(line); found != counts_.end()) {
                found->second += documents;
            } else {
                counts_.emplace(line, documents);
            }
        }
        start = end + 1;
    }
}

std::vector<Facet> FacetSpy::facets(std::size_t limit) const {
    // Each facet's values as they were counted; only the `limit` most frequent become
    // FacetValues.
    using Counted = std::pair<std::string_view, std::size_t>;
    std::array<std::vector<Counted>, kFacetNames.size()> counted;
    for (const auto& [line, count] : counts_) {
        const std::optional<FacetLine> parsed = facet_line(line);
        const auto facet = std::find(kFacetNames.begin(), kFacetNames.end(),
                                     parsed ? parsed->facet : std::string_view());
        if (facet != kFacetNames.end()) {
            counted[static_cast<std::size_t>(facet - kFacetNames.begin())].emplace_back(
                parsed->value, count);
        }
    }
    std::vector<Facet> facets;
    for (std::size_t k = 0; k < kFacetNames.size(); ++k) {
        std::vector<Counted>& values = counted[k];
        const auto top =
            values.begin() + static_cast<std::ptrdiff_t>(std::min(limit, values.size()));
        std::partial_sort(
            values.begin(), top, values.end(), [](const Counted& a, const Counted& b) {
                return a.second > b.second || (a.second == b.second && a.first < b.first);
            });
        Facet f{std::string(kFacetNames[k]), {}, values.size(), exact()};
        for (auto it = values.begin(); it != top; ++it) {
            f.values.push_back(estimate(it->first, it->second));
        }
        facets.push_back(std::move(f));
    }
    return facets;
}

FacetValue FacetSpy::estimate(std::string_view value, std::size_t count) const {
    if (exact()) {
        return {std::string(value), count};
    }
    // The share of the sample holding the value, with the standard error of a sample drawn
    // without replacement from the documents seen.
    const auto n = static_cast<double>(counted_);
    const auto all = static_cast<double>(seen_);
    const double share = static_cast<double>(count) / n;
    const double error = std::sqrt(share * (1 - share) / n * (all - n) / std::max(all - 1, 1.0));
    const auto bound = [&](double s) {
        return static_cast<std::size_t>(std::llround(all * std::max(s, 0.0)));
    };
    const std::size_t lower = std::max(count, bound(share - 1.96 * error));
    const std::size_t upper = std::min(seen_ - (counted_ - count), bound(share + 1.96 * error));
    return {std::string(value), std::clamp(bound(share), lower, upper), std::pair(lower, upper)};
}

} // namespace newsq::detail
