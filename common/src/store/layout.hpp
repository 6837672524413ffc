#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// Where the databases of an index directory live. A directory made by this version holds
/// generations `gen-N/` and a Xapian stub file `XAPIANDB` naming the live one's databases, so
/// any Xapian reader opening the directory sees exactly one complete index. A generation of one
/// shard is a glass database; one of N shards holds the glass databases `shard-0/` …
/// `shard-(N-1)/`, which the stub lists in that order (an article's shard is chosen by a hash of
/// its id, see shard_of). `previous` names the generation a rebuild replaced, kept for rollback.
/// A directory made by an earlier version is itself a glass database (a "legacy" layout).
///
/// The directory also holds `manifest/`, a small glass database whose metadata repeats the
/// stub's lines, so that a replica can learn through Xapian's replication which databases make
/// up the live index. A replica's generations hold copies kept by xapian-replicate (each a
/// directory with a stub of its own), which its stub lists as `auto` lines.
struct Layout {
    std::filesystem::path dir;
    std::optional<std::string> current;        ///< live generation; none for a legacy layout
    std::optional<std::string> previous;       ///< generation `rollback` returns to, if any
    std::vector<std::filesystem::path> listed; ///< the live shards, as the stub lists them
    bool replica = false;                      ///< the shards are copies of another index's

    /// The layout found in `dir` (which may not exist yet).
    static Layout read(const std::filesystem::path& dir);

    /// The stub file of index directory `dir`, which names its live database.
    static std::filesystem::path stub(const std::filesystem::path& dir);

    /// The live generation's directory.
    std::filesystem::path live() const { return current ? dir / *current : dir; }

    /// The live shards' databases, in shard order: as the stub lists them (a missing one is
    /// then an error to open, never a smaller index).
    std::vector<std::filesystem::path> shards() const;

    /// The shards' databases of `generation` (which may be a scratch one), in shard order.
    std::vector<std::filesystem::path> shards_of(const std::filesystem::path& generation) const;

    /// Where shard `k` of `count` lives in a generation whose directory is `generation`.
    static std::filesystem::path shard_path(const std::filesystem::path& generation, std::size_t k,
                                            std::size_t count);

    /// True when `dir` holds no database at all.
    bool empty() const;

    /// The name of a generation newer than every one in `dir`.
    std::string next_generation() const;

    /// Where a rebuild writes `generation` before compacting it into place: a sibling that
    /// readers never see and remove_stale removes.
    std::filesystem::path scratch(const std::string& generation) const;

    /// Makes `generation` (with all its shards) live in one atomic rename of the stub file, and
    /// records `replaced` (when given) as the previous one. Throws Error (io).
    void switch_to(const std::string& generation, const std::optional<std::string>& replaced);

    /// Makes the copies of `generation`'s shards `copies` (a replica's) live in one atomic
    /// rename of the stub file, and records `replaced` (when given) as the previous generation.
    /// Throws Error (io).
    void switch_to_copies(const std::string& generation, const std::optional<std::string>& replaced,
                          const std::vector<std::filesystem::path>& copies);

    /// The manifest database of index directory `dir`.
    static std::filesystem::path manifest(const std::filesystem::path& dir);

    /// Writes the stub's lines into the manifest, unless it holds them already. Throws Error
    /// (io).
    void write_manifest() const;

    /// The databases the manifest copied to `manifest` lists, relative to its index directory
    /// ("gen-3/shard-0"), in shard order. Throws Xapian's errors, and Error (index_corrupt) when
    /// it lists none.
    static std::vector<std::string> read_manifest(const std::filesystem::path& manifest);

    /// The databases a manifest's text lists (which comes from another machine): only paths of
    /// the form "gen-N" or "gen-N/shard-K", in shard order; none when any line is not one.
    static std::vector<std::string> manifest_paths(std::string_view text);

    /// Moves a legacy layout's database files into generation `gen-0` (after the stub has
    /// been written, so readers never see a directory without a database). Throws Error (io).
    std::string adopt_legacy();

    /// Removes every generation other than the live and the previous one, and every scratch
    /// database: what an earlier rebuild replaced twice over, or left half-built when it was
    /// killed.
    void remove_stale() const;

private:
    void publish(const std::string& generation, const std::optional<std::string>& replaced,
                 const std::vector<std::filesystem::path>& shards, std::string_view type);
    std::string stub_text(const std::vector<std::filesystem::path>& shards,
                          std::string_view type) const;
};

} // namespace newsq::detail
