#pragma once

#include <string>

#include <xapian.h>

#include <newsq/dedup.hpp>

namespace newsq::detail {

/// Keeps the duplicate clusters of `db` equal to the groups of articles linked by confirmed
/// copies, as articles come and go. Works on the writer's own database, uncommitted changes
/// included.
class Clusters {
public:
    explicit Clusters(Xapian::WritableDatabase& db)
        : db_(db) {}

    /// Puts `doc` (about to be stored under `id_term`, stamped with its content hash and
    /// fingerprint) in the cluster of its confirmed copies among the band candidates, merging
    /// their clusters when they are several; else in a cluster of its own, named by its
    /// content hash. Call `store` after writing it.
    void place(const std::string& id_term, Xapian::Document& doc, const Fingerprint& fingerprint);

    /// The cluster of the document stored under `id_term` now, before it is replaced or
    /// deleted; empty when none.
    std::string cluster_of(const std::string& id_term) const;

    /// Splits cluster `key` where the removal of a member (replaced or deleted) broke the
    /// links between the others.
    void repair(const std::string& key);

private:
    void relabel(Xapian::docid id, const std::string& from, const std::string& to);

    Xapian::WritableDatabase& db_;
};

} // namespace newsq::detail
