#pragma once

#include <optional>

#include <xapian.h>

#include <newsq/search.hpp>

namespace newsq::detail {

/// The duplicate cluster of `doc`, document `id` of `db`, when it has other members. (The id is
/// given apart: a document read from a database of several shards knows only its number in
/// its shard.)
std::optional<Cluster> cluster_of(const Xapian::Database& db, Xapian::docid id,
                                  const Xapian::Document& doc);

/// The copies of document `id` of `db` (see Searcher::similar).
SimilarResults similar_to(const Xapian::Database& db, Xapian::docid id);

} // namespace newsq::detail
