#pragma once

#include <optional>

#include <xapian.h>

#include <newsq/search.hpp>

namespace newsq::detail {

/// The duplicate cluster of `doc`, when it has other members in `db`.
std::optional<Cluster> cluster_of(const Xapian::Database& db, const Xapian::Document& doc);

/// The copies of document `id` of `db` (see Searcher::similar).
SimilarResults similar_to(const Xapian::Database& db, Xapian::docid id);

} // namespace newsq::detail
