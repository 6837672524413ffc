#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newsq {

/// A value of a field and the number of articles that have it.
using ValueCount = std::pair<std::string, std::size_t>;

/// What an index holds (`newsindex stats`).
struct IndexStats {
    std::size_t articles = 0;
    std::string first_date;            ///< earliest publication date, "YYYY-MM-DD"; empty if none
    std::string last_date;             ///< latest publication date
    std::vector<ValueCount> sections;  ///< most articles first
    std::vector<ValueCount> sources;   ///< most articles first
    std::vector<ValueCount> languages; ///< ISO 639-1 codes, most articles first
    std::uintmax_t bytes = 0;          ///< size of the live database on disk, all shards
    std::size_t shards = 1;            ///< databases the index is made of
    std::string updated;               ///< when a run last changed it (ISO 8601 UTC); may be empty
    std::string generation;            ///< live database ("gen-N"); empty for an older layout
    std::optional<std::string> previous; ///< the database `rollback` returns to, if any
};

/// Reads the statistics of the index in `dir`. Throws Error (index_not_found,
/// schema_mismatch, index_corrupt, io).
IndexStats index_stats(const std::filesystem::path& dir);

/// What `check_index` found.
struct CheckReport {
    std::size_t articles = 0;
    std::vector<std::string> problems; ///< empty when the index is sound
};

/// Verifies the index in `dir`: Xapian's own check of each live shard's structure, then the
/// project's invariants: the stub names an existing database, the schema version matches,
/// and every document has exactly one id term, shared with no other document, is in the shard
/// its id is routed to, has stored data
/// that decodes to the same id, a content hash, a date value matching its date, and an
/// origin term matching its origin value. Throws Error only when the index cannot be opened.
CheckReport check_index(const std::filesystem::path& dir);

} // namespace newsq
