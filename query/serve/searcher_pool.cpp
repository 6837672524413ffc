#include "serve/searcher_pool.hpp"
#include <algorithm>
#include <utility>

namespace newsq::serve {

SearcherPool::SearcherPool(std::filesystem::path dir, Clock::duration max_idle)
    : dir_(std::move(dir))
    , max_idle_(max_idle) {}

SearcherPool::Lease::Lease(SearcherPool& pool, Searcher searcher)
    : pool_(pool)
    , searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
    pool_.give_back(std::move(*searcher_));
}

void SearcherPool::give_back(Searcher searcher) {
    const std::lock_guard lock(mutex_);
    try {
        idle_.push_back({std::move(searcher), Clock::now()});
    } catch (const std::bad_alloc&) {
        // The searcher is closed instead of pooled; the next lease opens another.
    }
}

SearcherPool::Lease SearcherPool::lease() {
    std::vector<Idle> expired; // closed after the lock is released
    {
        const std::lock_guard lock(mutex_);
        const auto fresh = std::find_if(idle_.begin(), idle_.end(), [&](const Idle& i) {
            return Clock::now() - i.since <= max_idle_;
        });
        std::move(idle_.begin(), fresh, std::back_inserter(expired));
        idle_.erase(idle_.begin(), fresh);
        if (!idle_.empty()) {
            Searcher searcher = std::move(idle_.back().searcher);
            idle_.pop_back();
            return Lease(*this, std::move(searcher));
        }
    }
    return Lease(*this, Searcher(dir_));
}

} // namespace newsq::serve
