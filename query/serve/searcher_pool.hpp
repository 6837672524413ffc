#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

#include <newsq/search.hpp>

namespace newsq::serve {

/// Searchers shared by the server's worker threads. A Searcher is not thread-safe, so each
/// request leases one for its duration; leases reuse idle searchers (their open database and
/// caches) and open a new one when all are busy, so there are never more than the workers.
/// Each Searcher follows updates and rebuilds of the index when it is used; one left idle
/// would keep a replaced database's files open, so idle ones are closed after a while.
class SearcherPool {
public:
    using Clock = std::chrono::steady_clock;

    /// Searchers idle for longer than `max_idle` are closed at the next lease.
    SearcherPool(std::filesystem::path dir, Clock::duration max_idle);

    /// A searcher for one request, returned to the pool when the lease ends.
    class Lease {
    public:
        Lease(SearcherPool& pool, Searcher searcher);
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();

        Searcher& operator*() { return *searcher_; }
        Searcher* operator->() { return &*searcher_; }

    private:
        SearcherPool& pool_;
        std::optional<Searcher> searcher_;
    };

    /// Leases the searcher used last, or opens one. Throws Error as Searcher's constructor does.
    Lease lease();

    const std::filesystem::path& dir() const { return dir_; }

private:
    struct Idle {
        Searcher searcher;
        Clock::time_point since;
    };

    void give_back(Searcher searcher);

    std::filesystem::path dir_;
    Clock::duration max_idle_;
    std::mutex mutex_;
    std::vector<Idle> idle_; // the most recently used last
};

} // namespace newsq::serve
