#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsq/search.hpp>

namespace newsq::detail {

/// Counts the facet values (value slot kFacetSlot: lines that store/slots.hpp's facet_line
/// reads) of the documents the match sees, all of them or those of 1 in `one_in` runs of kRun
/// consecutive docids (spread evenly over the index, whose docids follow the order articles
/// came in; a run's values lie together on disk); the counts of a sample are then scaled to
/// every match seen, with 95% bounds. Give the Enquire a check_at_least of the database size
/// so that it sees every match.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(Xapian::docid one_in = 1)
        : one_in_(one_in) {
        counts_.reserve(kExpectedValues);
    }

    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "newsq.FacetSpy"; }

    /// Counts `documents` documents whose facet slot holds `lines`.
    void count(std::string_view lines, std::size_t documents);

    /// Whether the counts are of every document seen, not of a sample.
    bool exact() const { return counted_ == seen_; }

    /// Documents seen, and documents counted.
    std::size_t seen() const { return seen_; }
    std::size_t counted() const { return counted_; }

    /// The `limit` most frequent values of each facet, in kFacetNames order.
    std::vector<Facet> facets(std::size_t limit) const;

private:
    // Hashes std::string and std::string_view alike, so that a line already counted is found
    // without copying it.
    struct LineHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view line) const {
            return std::hash<std::string_view>{}(line);
        }
    };

    // The count of a value, scaled from the sample to every document seen, with its bounds.
    FacetValue estimate(std::string_view value, std::size_t count) const;

    static constexpr std::size_t kExpectedValues = 4096; // spares the first rehashes
    static constexpr Xapian::docid kRun = 16;            // docids sampled together

    Xapian::docid one_in_;
    std::size_t seen_ = 0;    // documents the match saw
    std::size_t counted_ = 0; // of which counted (seen by operator(); count() adds to neither)
    std::unordered_map<std::string, std::size_t, LineHash, std::equal_to<>>
        counts_; // facet line → documents
};

} // namespace newsq::detail
