#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <newsq/analysis.hpp>
#include <newsq/article.hpp>
#include <newsq/reader.hpp>

namespace newsq {

/// Whether `Index::add` created a document or replaced one with the same id.
enum class Upsert { added, replaced };

struct IngestOptions;
struct IngestReport;

/// A writable index: one writer at a time (Xapian's lock). Not thread-safe: use one thread.
/// Changes become visible to readers at `commit()`; call it, do not rely on destruction.
class Index {
public:
    /// Opens the index in `dir`, creating it if missing.
    /// Throws Error (index_locked, index_corrupt, schema_mismatch, io).
    static Index open(const std::filesystem::path& dir);

    Index(Index&&) noexcept;
    Index& operator=(Index&&) noexcept;
    ~Index();

    /// Stores the article as given (run an Analyzer on it first to clean it and find its
    /// entities and quotes), replacing any stored article with the same id. Throws Error on
    /// an empty id or a write failure.
    Upsert add(const Article& article);

    /// Makes every change so far durable and visible. Throws Error on failure.
    void commit();

    /// Number of articles, including uncommitted ones.
    std::size_t size() const;

private:
    friend IngestReport ingest(Index&, std::span<const std::string>, const IngestOptions&,
                               const std::function<void(const BadRecord&)>&);
    struct Impl;
    explicit Index(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// Settings of one ingest run.
struct IngestOptions {
    std::size_t batch_size = 1000; ///< articles per commit
    ReadOptions read;
    AnalysisOptions analysis; ///< what the analysis stage does (all of it by default)
};

/// What one ingest run did.
struct IngestReport {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::vector<BadRecord> skipped;
    std::uint64_t bytes = 0; ///< body and title bytes indexed
    double seconds = 0;
};

/// Reads every article under `paths`, analyses it and stores it in `index`, committing every
/// `batch_size` articles and at the end. Reading, analysis and term generation run on a
/// second thread while this one writes. Boilerplate is learned per source from a first
/// reading of the files (not of standard input, which is read once and learned from as it
/// goes) together with what earlier runs learned, which the index keeps.
/// `on_bad`, when set, sees each bad record (on the calling thread) in input order.
/// Throws Error only when the index itself fails; bad input lands in the report.
IngestReport ingest(Index& index, std::span<const std::string> paths,
                    const IngestOptions& options = {},
                    const std::function<void(const BadRecord&)>& on_bad = {});

} // namespace newsq
