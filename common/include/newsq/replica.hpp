#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <newsq/index.hpp>

namespace newsq {

/// One database of the index a replica follows, and where the replica keeps its copy.
struct ReplicaCopy {
    std::string master;         ///< its path in the master's index directory ("gen-3/shard-0")
    std::filesystem::path copy; ///< the replica's directory for the copy
};

/// A replica: a directory holding copies of the live databases of another index (its master),
/// which Xapian's xapian-replicate keeps from the master's xapian-replicate-server, and which
/// every reader opens as an index of its own. The caller copies the master's manifest to
/// `manifest()`, each database `plan()` lists to its `copy`, then calls `install()`: the copies
/// of a new generation become live together, in one atomic switch, so a reader never sees
/// some shards of one generation beside some of another. One writer at a time, as Index.
class Replica {
public:
    /// Opens the replica in `dir`, creating it if missing. Throws Error (index_locked;
    /// invalid_argument when `dir` holds an index of its own; io).
    static Replica open(const std::filesystem::path& dir, const OpenOptions& options = {});

    Replica(Replica&&) noexcept;
    Replica& operator=(Replica&&) noexcept;
    ~Replica();

    /// Where the copy of the master's manifest goes (master name "manifest").
    std::filesystem::path manifest() const;

    /// The master's live databases, as the copied manifest lists them, and where each copy
    /// goes: all of them, or only shard `only` (a replica that serves one shard). Throws Error
    /// (index_corrupt when the manifest cannot be read; invalid_argument when the master has no
    /// shard `only`).
    std::vector<ReplicaCopy> plan(std::optional<std::size_t> only = std::nullopt) const;

    /// Makes the copies of `plan` live, once each opens as a database of this version's
    /// schema; the generation they replace is kept for readers still on it, older ones are
    /// removed. Throws Error (index_corrupt, schema_mismatch, io).
    void install(const std::vector<ReplicaCopy>& plan);

    struct Impl; ///< the library's own

private:
    explicit Replica(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace newsq
