#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

#include <newsq/search.hpp>

namespace newsq::serve {

/// Searchers shared by the server's worker threads. A Searcher is not thread-safe, so each
/// request leases one for its duration; leases reuse idle searchers (their open database and
/// caches) and open a new one when all are busy, so there are never more than the workers.
/// Each Searcher follows updates and rebuilds of the index by itself.
class SearcherPool {
public:
    explicit SearcherPool(std::filesystem::path dir);

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

    /// Leases an idle searcher, or opens one. Throws Error as Searcher's constructor does.
    Lease lease();

    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
    std::mutex mutex_;
    std::vector<Searcher> idle_;
};

} // namespace newsq::serve
