#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <xapian.h>

#include <newsq/analysis.hpp>
#include <newsq/article.hpp>
#include <newsq/dedup.hpp>
#include <newsq/index.hpp>
#include <newsq/reader.hpp>

#include "index/bounded_queue.hpp"

namespace newsq::detail {

/// An article turned into its Xapian document, ready to write.
struct Prepared {
    std::string id_term;
    Xapian::Document doc;
    std::optional<Fingerprint> fingerprint; ///< when duplicates are looked for
    std::size_t bytes;                      ///< title and body bytes
};

/// An article the index holds already, as read.
struct Unchanged {
    std::string id_term;
};

/// A record that is no article, by reason.
struct PassedOver {
    std::string reason;
};

/// Input consumed after the last record read.
struct InputRead {};

/// An article as read, for an analysis worker.
struct Read {
    Article article;
    std::string origin; ///< the file it was read from
};

using Item = std::variant<Read, Prepared, Unchanged, BadRecord, PassedOver, InputRead>;

/// An item, and the bytes of input consumed when it was read.
struct Sent {
    Item item;
    std::uint64_t bytes_read;
};

/// What a run reads, analyses and learns.
struct Source {
    std::span<const std::string> paths;
    const IngestOptions& options;
    BoilerplateModel& boilerplate;
    bool learn_while_reading; ///< standard input is read only once
    /// The index's shards, to tell what it holds already (skip_unchanged).
    std::vector<std::filesystem::path> shards;
};

/// Reads the input on one thread and analyses it on a pool of workers, which turn each article
/// read into its document (or tell that the index holds it already); `next` gives the items back
/// in input order, never a Read one.
class Producer {
public:
    /// Starts reading with `workers` analysis threads (one while boilerplate is learned as the
    /// input is read, since that learning must follow the input's order).
    Producer(const Source& source, std::size_t workers);
    ~Producer();
    Producer(const Producer&) = delete;
    Producer& operator=(const Producer&) = delete;

    /// The next item in input order; none at the end, or after a failure (see rethrow).
    std::optional<Sent> next();

    /// Stops reading and analysing, waits for the threads, and rethrows what failed in them.
    void finish();

private:
    void read();
    void analyse(std::size_t k);

    const Source& source_;
    std::deque<BoundedQueue<Sent>> to_workers_; // one per worker, fed in turn
    std::deque<BoundedQueue<Sent>> from_workers_;
    std::vector<std::exception_ptr> failures_; ///< the reader's, then each worker's
    std::size_t turn_ = 0;                     ///< the worker whose item comes next
    std::stop_source stop_;                    ///< ends every thread's waits
    std::vector<std::jthread> threads_;        ///< the reader, then the workers
};

/// The absolute path an article read from `path` is recorded under; empty for standard input.
std::string origin_of(const std::string& path);

} // namespace newsq::detail
