#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsq/dedup.hpp>

namespace newsq::detail {

/// The term every member of duplicate cluster `key` holds: its postings are the members.
std::string cluster_term(const std::string& key);

/// The key of the duplicate cluster `doc` belongs to; empty when none.
std::string cluster_key(const Xapian::Document& doc);

/// Makes `doc` a member of cluster `key` (its slot value and its term); `from` names the
/// cluster it leaves, if any.
void set_cluster(Xapian::Document& doc, const std::string& key, const std::string& from = {});

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

/// The documents of `db`, a database of `shards` shards, that share a band term (one
/// band_candidates would read) with a document of another shard: the only ones that may have
/// near-duplicates there.
std::vector<Xapian::docid> sharing_bands_across(const Xapian::Database& db, std::size_t shards);

} // namespace newsq::detail
