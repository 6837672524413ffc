#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsq/dedup.hpp>
#include <newsq/index.hpp>

#include "index/writer_lock.hpp"
#include "store/document.hpp"
#include "store/spelling.hpp"

namespace newsq {

/// What one shard's writer keeps until it commits (the spelling changes) or until the pass
/// across shards (see Index::Impl::join_shards), with several shards only: clusters are
/// complete only within the shard until then.
struct ShardWork {
    detail::SpellingChanges spelling;
    std::set<std::string> left;      ///< clusters that lost a member
    std::vector<std::string> placed; ///< id terms written with a fingerprint
};

struct Index::Impl {
    std::optional<detail::WriterLock> lock;       ///< released last; empty while a rebuild holds it
    std::filesystem::path dir;                    ///< the index directory, for messages
    std::vector<std::filesystem::path> paths;     ///< the shards' databases, in shard order
    std::vector<Xapian::WritableDatabase> shards; ///< written to, one thread per shard at most
    std::vector<ShardWork> work;                  ///< per shard
    detail::DocumentBuilder builder;
    bool spelling = false; ///< keeps the spelling table in step (kSpellingKey)
    /// A rebuild's new index, all of it written by one run: each shard's writer keeps the
    /// clusters of its own shard, and join_shards looks across shards once, at the end.
    bool fresh = false;

    /// The shard that holds, or will hold, the article stored under `id_term`.
    std::size_t shard_for(const std::string& id_term) const;

    /// Stores `doc` in shard `k` under its unique id term, replacing any document with that term.
    Upsert upsert(std::size_t k, const std::string& id_term, const Xapian::Document& doc);

    /// Stores `doc` as upsert does, first placing it in the duplicate cluster of its copies
    /// when it has a fingerprint, and repairs the cluster the replaced document leaves. With
    /// several shards, touches shard `k` only and leaves the rest to join_shards.
    Upsert store(std::size_t k, const std::string& id_term, Xapian::Document& doc,
                 const std::optional<Fingerprint>& fingerprint);

    /// Deletes document `id` of shard `k` and repairs the duplicate cluster it leaves (with
    /// several shards, in join_shards).
    void remove(std::size_t k, Xapian::docid id);

    /// Whether each shard's writer keeps its shard's clusters whole itself (one shard, or a
    /// fresh index), rather than leaving them to join_shards.
    bool clusters_local() const;

    /// Completes the duplicate clusters across shards: repairs the clusters that lost members
    /// and merges the clusters of the articles written with those of their copies in other
    /// shards. Call with no other thread writing.
    void join_shards();

    /// Writes the spelling changes of shard `k` and commits it.
    void commit(std::size_t k);
};

} // namespace newsq
