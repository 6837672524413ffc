#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsq/dedup.hpp>

namespace newsq::detail {

/// Adds the fingerprint of an article to its document: the serialised fingerprint and the
/// terms of its LSH bands.
void add_fingerprint(Xapian::Document& doc, const Fingerprint& fingerprint);

/// The fingerprint stored on `doc`, if it has one (not when indexed with --no-duplicates).
std::optional<Fingerprint> stored_fingerprint(const Xapian::Document& doc);

/// The documents of `db` that share the most LSH bands with `fingerprint`, most first, at most
/// `limit`, leaving out `exclude`. Band terms shared by more than a few thousand documents (a
/// text everyone repeats) are passed over, so the cost stays flat as the index grows.
std::vector<Xapian::docid> band_candidates(const Xapian::Database& db,
                                           const Fingerprint& fingerprint, std::size_t limit,
                                           Xapian::docid exclude);

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
