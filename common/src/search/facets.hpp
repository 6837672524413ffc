#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsq/search.hpp>

namespace newsq::detail {

/// Counts the facet values (value slot kFacetSlot: "<facet>\t<value>" lines) of every
/// document the match sees; give the Enquire a check_at_least of the database size so that
/// it sees every match.
class FacetSpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "newsq.FacetSpy"; }

    /// Counts `documents` documents whose facet slot holds `lines`.
    void count(std::string_view lines, std::size_t documents);

    /// The `limit` most frequent values of each facet, in kFacetNames order.
    std::vector<Facet> facets(std::size_t limit) const;

private:
    std::unordered_map<std::string, std::size_t> counts_; // "<facet>\t<value>" → documents
};

} // namespace newsq::detail
