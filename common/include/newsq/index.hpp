#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include <newsq/analysis.hpp>
#include <newsq/article.hpp>
#include <newsq/reader.hpp>

namespace newsq {

/// Whether `Index::add` created a document or replaced one with the same id.
enum class Upsert { added, replaced };

struct IngestOptions;
struct IngestReport;

/// How to open an index for writing.
struct OpenOptions {
    /// How long to wait for another writer to finish before giving up with index_locked.
    std::chrono::milliseconds wait{0};
    /// The number of shards of an index created (by `Index::open`) or rebuilt (by `rebuild`);
    /// 0: one for a new index, as many as the live index has for a rebuild. An index keeps its
    /// shards until it is rebuilt.
    std::size_t shards = 0;
};

/// A writable index: one writer at a time, across processes (a lock file in the index
/// directory that names the writer's pid). Not thread-safe: use one thread; readers
/// (Searcher) may run in other threads and processes meanwhile. Changes become visible to
/// readers at `commit()`; call it, do not rely on destruction. An index is made of one or more
/// shards (Xapian databases that readers search as one); each article is stored in the shard
/// chosen by a hash of its id.
class Index {
public:
    /// Opens the index in `dir`, creating it if missing.
    /// Throws Error (index_locked, index_corrupt, schema_mismatch, io).
    static Index open(const std::filesystem::path& dir, const OpenOptions& options = {});

    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    ~Index();

    /// Stores the article as given (run an Analyzer on it first to clean it, set its language
    /// and find its entities and quotes; a language tag is stored as its code), replacing any
    /// stored article with the same id, in the duplicate cluster of its nearest copy in the index,
    /// if any. Throws Error on an empty id or a write failure.
    Upsert add(const Article& article);

    /// Deletes the article with this id, if there is one, and splits its duplicate cluster
    /// into the copies still linked without it. Returns whether there was one. Throws Error
    /// on a write failure.
    bool remove(std::string_view id);

    /// Makes every change so far durable and visible. Throws Error on failure.
    void commit();

    /// Number of articles, including uncommitted ones.
    std::size_t size() const;

    struct Impl; ///< the library's own

private:
    friend IngestReport ingest(Index&, std::span<const std::string>, const IngestOptions&,
                               const std::function<void(const BadRecord&)>&);
    friend IngestReport rebuild(const std::filesystem::path&, std::span<const std::string>,
                                const IngestOptions&, const std::function<void(const BadRecord&)>&,
                                const OpenOptions&);
    explicit Index(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// How far an ingest run has got, for a progress display.
struct IngestProgress {
    std::size_t done = 0; ///< records handled (written, unchanged, skipped or passed over)
    /// Records in the input; 0 when unknown: standard input, or files not read first (they
    /// are read first only to learn boilerplate, see AnalysisOptions::boilerplate).
    std::size_t total = 0;
    /// Bytes of input read by the time the last record handled was read: bytes read from the
    /// files (compressed bytes for gzip files) or standard input, including what the reader
    /// buffers ahead. A file read or skipped to its end counts as its size.
    std::uint64_t bytes = 0;
    /// The sum of the sizes of the input files, known before reading; 0 when unknown (standard
    /// input). At the end of a complete run over files that did not change meanwhile, `bytes`
    /// equals it.
    std::uint64_t bytes_total = 0;
    double seconds = 0; ///< since the run started
};

/// Settings of one ingest run.
struct IngestOptions {
    /// Writes per commit, shared among the shards (each commits every batch_size / shards
    /// writes to it), which bounds the memory the writers use.
    std::size_t batch_size = 1000;
    /// Threads that analyse articles (one reads them, and one per shard writes them); 0: one
    /// per core.
    std::size_t jobs = 0;
    ReadOptions read;
    AnalysisOptions analysis; ///< what the analysis stage does (all of it by default)
    /// Skip articles whose content hash and file are those already stored (`update`);
    /// otherwise every article read is written again (`add`).
    bool skip_unchanged = false;
    /// After a complete run, delete the articles read before from files under the paths
    /// given that this run did not find there. Files that could not be read, or had bad
    /// records, keep their articles.
    bool prune = false;
    /// Fingerprint every article and put it in a duplicate cluster with its near-duplicates
    /// already in the index (see dedup.hpp), so that search shows each story once.
    bool find_duplicates = true;
    /// When stop is requested, the run stops reading, commits what it has written and
    /// returns with `interrupted` set (no pruning).
    std::stop_token stop;
    /// Called on the calling thread at most every 100 ms, and once at the end.
    std::function<void(const IngestProgress&)> on_progress;
};

/// What one ingest run did.
struct IngestReport {
    std::size_t added = 0;
    std::size_t updated = 0;   ///< replaced an article with the same id
    std::size_t unchanged = 0; ///< skipped: same content as stored (skip_unchanged only)
    std::size_t deleted = 0;   ///< pruned
    std::vector<BadRecord> skipped;
    /// Records read and passed over as no article, counted by reason (see ReadSink).
    std::map<std::string, std::size_t> passed_over;
    std::uint64_t bytes = 0; ///< body and title bytes indexed
    double seconds = 0;
    bool interrupted = false; ///< the stop token ended the run early
};

/// Reads every article under `paths`, analyses it and stores it in `index`, committing each shard
/// every `batch_size / shards` writes to it and at the end, so a killed run leaves every shard at
/// its last commit and an `update` run resumes from there. A run that changes nothing writes
/// nothing. Reading runs on one thread, analysis and term generation on `jobs` others, and each
/// shard is written by a thread of its own, in input order; duplicate clusters that span shards are
/// completed at the end. Boilerplate is learned per
/// source from a first reading of the files (not of standard input, which is read once and learned
/// from as it goes) together with what earlier runs learned, which the index keeps. `on_bad`, when
/// set, sees each bad record (on the calling thread) in input order. Throws Error only when the
/// index itself fails; bad input lands in the report.
IngestReport ingest(Index& index, std::span<const std::string> paths,
                    const IngestOptions& options = {},
                    const std::function<void(const BadRecord&)>& on_bad = {});

/// Builds a complete new index of `open.shards` shards from `paths` beside the live one in `dir`,
/// writing the shards in parallel and compacting each, then makes it the live one in one atomic
/// step: a reader opening `dir` at any moment sees the old or the new
/// index, never a partial one. The database it replaces is kept for `rollback` until the next
/// rebuild. An interrupted or failed rebuild leaves the live index as it was. Holds the writer
/// lock throughout. Throws as `Index::open` and `ingest` do.
IngestReport rebuild(const std::filesystem::path& dir, std::span<const std::string> paths,
                     const IngestOptions& options = {},
                     const std::function<void(const BadRecord&)>& on_bad = {},
                     const OpenOptions& open = {});

/// Makes the database the last rebuild replaced live again (and the one it replaced the one to
/// return to, so a second rollback undoes the first). Throws Error (invalid_argument when there
/// is none, index_locked, io).
void rollback(const std::filesystem::path& dir, const OpenOptions& open = {});

} // namespace newsq
