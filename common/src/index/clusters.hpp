#pragma once

#include <set>
#include <span>
#include <string>

#include <xapian.h>

#include <newsq/dedup.hpp>

namespace newsq::detail {

/// Keeps the duplicate clusters of an index equal to the groups of articles linked by confirmed
/// copies, as articles come and go, each named by the smallest content hash of its members (so
/// a cluster's name does not depend on the order its members came in). Works on the writer's own
/// databases, uncommitted changes included: all the shards of the index, or one shard alone while
/// other threads write the others (clusters then span shards only after `join` over all of them).
class Clusters {
public:
    /// Over `shards`, in shard order.
    explicit Clusters(std::span<Xapian::WritableDatabase> shards);

    /// Puts `doc` (about to be stored under `id_term`, stamped with its content hash and
    /// fingerprint) in the cluster of its confirmed copies among the band candidates, merging
    /// their clusters when they are several; else in a cluster of its own. Call after stamping
    /// it, before writing it.
    void place(const std::string& id_term, Xapian::Document& doc, const Fingerprint& fingerprint);

    /// The cluster of the document stored under `id_term` now, before it is replaced or
    /// deleted; empty when none.
    std::string cluster_of(const std::string& id_term) const;

    /// Splits cluster `key` where the removal of a member (replaced or deleted) broke the
    /// links between the others, and names each part after its members again.
    void repair(const std::string& key);

    /// Merges the cluster of document `id` (of all the shards as one database) with those of
    /// its confirmed copies: what `place` did on one shard, done across all.
    void join(Xapian::docid id);

    /// Joins the document stored under `id_term`, if any.
    void join(const std::string& id_term);

    /// Joins every document that may have a copy in another shard: after the shards were
    /// written in parallel, each with its clusters complete within it.
    void join_all();

private:
    /// The clusters of the confirmed copies of `fingerprint` among its band candidates, other
    /// than document `self` (0: none).
    std::set<std::string> linked(const Fingerprint& fingerprint, Xapian::docid self) const;

    /// Moves every member of the clusters `keys` into the first of them, and returns it.
    std::string merge(const std::set<std::string>& keys);

    void relabel(Xapian::docid id, const std::string& from, const std::string& to);

    std::span<Xapian::WritableDatabase> shards_;
    Xapian::Database view_; ///< the shards as one database
};

} // namespace newsq::detail
