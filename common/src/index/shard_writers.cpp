#include "index/shard_writers.hpp"
#include <algorithm>

#include "index/threads.hpp"

namespace newsq::detail {

namespace {

// Deep enough that a writer rarely waits while the others flush.
constexpr std::size_t kQueueDepth = 64;

} // namespace

ShardWriters::ShardWriters(Index::Impl& index, std::size_t batch_size)
    : index_(index)
    , batch_size_(std::max<std::size_t>(batch_size / index.shards.size(), 1)) {
    const std::size_t n = index.shards.size();
    for (std::size_t k = 0; k < n; ++k) {
        queues_.emplace_back(kQueueDepth);
    }
    counts_.resize(n);
    failures_.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        threads_.emplace_back([this, k] { run(k); });
    }
}

ShardWriters::~ShardWriters() {
    stop_.request_stop();
    for (BoundedQueue<Prepared>& queue : queues_) {
        queue.close();
    }
}

bool ShardWriters::write(Prepared&& p) {
    const std::size_t k = index_.shard_for(p.id_term);
    return !failed_ && queues_[k].push(std::move(p), stop_.get_token());
}

void ShardWriters::finish(IngestReport& report) {
    for (BoundedQueue<Prepared>& queue : queues_) {
        queue.close();
    }
    threads_.clear();
    for (const Counts& c : counts_) {
        report.added += c.added;
        report.updated += c.updated;
        report.bytes += c.bytes;
    }
    rethrow_first(failures_);
}

void ShardWriters::run(std::size_t k) {
    Counts& counts = counts_[k];
    std::size_t pending = 0;
    try {
        while (std::optional<Prepared> p = queues_[k].pop()) {
            const Upsert done = index_.store(k, p->id_term, p->doc, p->fingerprint);
            (done == Upsert::added ? counts.added : counts.updated) += 1;
            counts.bytes += p->bytes;
            if (++pending == batch_size_) {
                index_.commit(k);
                pending = 0;
            }
        }
    } catch (...) {
        failures_[k] = std::current_exception();
        failed_ = true;
        stop_.request_stop();
    }
}

} // namespace newsq::detail
