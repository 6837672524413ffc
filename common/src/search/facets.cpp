#include "search/facets.hpp"
#include <algorithm>
#include <string_view>

#include <newsq/schema.hpp>

#include "store/slots.hpp"

namespace newsq::detail {

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    count(doc.get_value(kFacetSlot), 1);
}

void FacetSpy::count(std::string_view lines, std::size_t documents) {
    std::size_t start = 0;
    while (start < lines.size()) {
        const std::size_t end = std::min(lines.find('\n', start), lines.size());
        if (end > start) {
            counts_[std::string(lines.substr(start, end - start))] += documents;
        }
        start = end + 1;
    }
}

std::vector<Facet> FacetSpy::facets(std::size_t limit) const {
    std::vector<Facet> facets;
    for (std::string_view name : kFacetNames) {
        facets.push_back({std::string(name), {}, 0});
    }
    for (const auto& [line, count] : counts_) {
        const std::optional<FacetLine> parsed = facet_line(line);
        const auto facet = std::find(kFacetNames.begin(), kFacetNames.end(),
                                     parsed ? parsed->facet : std::string_view());
        if (facet == kFacetNames.end()) {
            continue;
        }
        facets[static_cast<std::size_t>(facet - kFacetNames.begin())].values.push_back(
            {std::string(parsed->value), count});
    }
    for (Facet& f : facets) {
        f.distinct = f.values.size();
        std::sort(f.values.begin(), f.values.end(), [](const FacetValue& a, const FacetValue& b) {
            return a.count > b.count || (a.count == b.count && a.value < b.value);
        });
        f.values.resize(std::min(f.values.size(), limit));
    }
    return facets;
}

} // namespace newsq::detail
