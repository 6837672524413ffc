#include "index/producer.hpp"
#include <algorithm>

#include <fmt/format.h>

#include <newsq/schema.hpp>

#include "index/threads.hpp"
#include "store/clusters.hpp"
#include "store/document.hpp"
#include "store/ids.hpp"

namespace newsq::detail {

namespace fs = std::filesystem;

namespace {

// Deep enough that the writers never wait for the reader while a batch is being written.
constexpr std::size_t kQueueDepth = 256;

// Thrown from the reader's callbacks to abandon reading once the run has stopped.
struct Stopped {};

// Names what the analysis does, so that changing it makes every article "changed".
std::string analysis_tag(const IngestOptions& o) {
    const AnalysisOptions& a = o.analysis;
    return fmt::format("analysis {:d}{:d}{:d}{:d}{:d}", a.boilerplate, a.language, a.entities,
                       a.quotes, o.find_duplicates);
}

// What the index held at its last commit, through a connection of the thread's own.
class Stored {
public:
    explicit Stored(const std::vector<fs::path>& shards) {
        for (const fs::path& shard : shards) {
            db_.add_database(Xapian::Database(shard.string()));
        }
    }

    bool holds(const std::string& id_term, const std::string& hash, const std::string& origin) {
        try {
            return lookup(id_term, hash, origin);
        } catch (const Xapian::DatabaseModifiedError&) {
        } catch (const Xapian::DatabaseCorruptError&) {
            // What a reader may see when the writer has reused blocks it was reading.
        }
        db_.reopen();
        return lookup(id_term, hash, origin);
    }

private:
    bool lookup(const std::string& id_term, const std::string& hash, const std::string& origin) {
        const std::optional<Xapian::docid> found = docid_of(db_, id_term);
        if (!found) {
            return false;
        }
        const Xapian::Document doc = db_.get_document(*found);
        return doc.get_value(kHashSlot) == hash && doc.get_value(kOriginSlot) == origin;
    }

    Xapian::Database db_;
};

// One analysis worker's own tools.
class Preparer {
public:
    explicit Preparer(const Source& source)
        : source_(source)
        , analyzer_(source.options.analysis)
        , tag_(analysis_tag(source.options)) {
        if (source.options.skip_unchanged) {
            stored_.emplace(source.shards);
        }
    }

    Item prepare(Read& read) {
        Article& a = read.article;
        if (source_.learn_while_reading) {
            source_.boilerplate.observe(a);
        }
        std::string id_term = detail::id_term(a.id);
        const std::string hash = content_hash(a, tag_);
        if (stored_ && stored_->holds(id_term, hash, read.origin)) {
            return Unchanged{std::move(id_term)};
        }
        analyzer_.analyze(a, &source_.boilerplate);
        Xapian::Document doc = builder_.build(a);
        stamp(doc, hash, read.origin);
        std::optional<Fingerprint> print;
        if (source_.options.find_duplicates) {
            print = fingerprint(a);
            add_fingerprint(doc, *print);
        }
        return Prepared{std::move(id_term), std::move(doc), print, a.title.size() + a.body.size()};
    }

private:
    const Source& source_;
    const Analyzer analyzer_;
    const std::string tag_;
    DocumentBuilder builder_;
    std::optional<Stored> stored_;
};

} // namespace

std::string origin_of(const std::string& path) {
    if (path == "-") {
        return {};
    }
    std::string origin = fs::absolute(path).lexically_normal().generic_string();
    while (origin.size() > 1 && origin.ends_with('/')) {
        origin.pop_back();
    }
    return origin;
}

Producer::Producer(const Source& source, std::size_t workers)
    : source_(source) {
    const std::size_t n = source.learn_while_reading ? 1 : std::max<std::size_t>(workers, 1);
    for (std::size_t k = 0; k < n; ++k) {
        to_workers_.emplace_back(kQueueDepth / n + 1);
        from_workers_.emplace_back(kQueueDepth / n + 1);
    }
    failures_.resize(n + 1);
    threads_.emplace_back([this] { read(); });
    for (std::size_t k = 0; k < n; ++k) {
        threads_.emplace_back([this, k] { analyse(k); });
    }
}

Producer::~Producer() {
    stop_.request_stop();
}

std::optional<Sent> Producer::next() {
    std::optional<Sent> sent = from_workers_[turn_].pop();
    turn_ = (turn_ + 1) % from_workers_.size();
    return sent;
}

void Producer::finish() {
    stop_.request_stop();
    threads_.clear();
    rethrow_first(failures_);
}

void Producer::read() {
    try {
        std::string origin;
        std::uint64_t bytes_read = 0;
        std::uint64_t bytes_sent = 0;
        std::size_t count = 0;
        const auto send = [&](Item item) {
            bytes_sent = bytes_read;
            BoundedQueue<Sent>& queue = to_workers_[count++ % to_workers_.size()];
            if (!queue.push(Sent{std::move(item), bytes_read}, stop_.get_token())) {
                throw Stopped{};
            }
        };
        read_articles(source_.paths,
                      {[&](Article&& a) {
                           send(Read{std::move(a), origin});
                       },
                       [&](BadRecord&& bad) { send(std::move(bad)); },
                       [&](const std::string& path) { origin = origin_of(path); },
                       [&](std::string_view reason) { send(PassedOver{std::string(reason)}); },
                       [&](std::uint64_t bytes) { bytes_read += bytes; }},
                      source_.options.read);
        if (bytes_read != bytes_sent) {
            send(InputRead{});
        }
    } catch (const Stopped&) {
    } catch (...) {
        failures_[0] = std::current_exception();
    }
    for (BoundedQueue<Sent>& queue : to_workers_) {
        queue.close();
    }
}

void Producer::analyse(std::size_t k) {
    try {
        Preparer preparer(source_);
        while (std::optional<Sent> sent = to_workers_[k].pop()) {
            if (auto* read = std::get_if<Read>(&sent->item)) {
                sent->item = preparer.prepare(*read);
            }
            if (!from_workers_[k].push(std::move(*sent), stop_.get_token())) {
                break;
            }
        }
    } catch (...) {
        failures_[k + 1] = std::current_exception();
        stop_.request_stop();
    }
    from_workers_[k].close();
}

} // namespace newsq::detail
