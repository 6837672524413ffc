#pragma once

#include <atomic>
#include <cstddef>
#include <deque>
#include <exception>
#include <stop_token>
#include <thread>
#include <vector>

#include <newsq/index.hpp>

#include "index/bounded_queue.hpp"
#include "index/index_impl.hpp"
#include "index/producer.hpp"

namespace newsq::detail {

/// One writer thread per shard of an index: each stores the documents of its shard, committing
/// its shard every `batch_size / shards` writes to it, so that the documents held in memory
/// until a commit are about `batch_size` whatever the number of shards.
class ShardWriters {
public:
    ShardWriters(Index::Impl& index, std::size_t batch_size);
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    /// Queues `p` for the writer of its shard. Returns false, dropping it, once a writer has
    /// failed.
    bool write(Prepared&& p);

    /// Waits for every queued write, adds what the writers did to `report`, and rethrows what
    /// failed in them.
    void finish(IngestReport& report);

private:
    struct Counts {
        std::size_t added = 0;
        std::size_t updated = 0;
        std::uint64_t bytes = 0;
    };

    void run(std::size_t k);

    Index::Impl& index_;
    std::size_t batch_size_;
    std::deque<BoundedQueue<Prepared>> queues_;
    std::vector<Counts> counts_;
    std::vector<std::exception_ptr> failures_;
    std::atomic<bool> failed_{false};
    std::stop_source stop_;
    std::vector<std::jthread> threads_;
};

} // namespace newsq::detail
