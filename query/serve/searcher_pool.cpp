#include "serve/searcher_pool.hpp"
#include <utility>

namespace newsq::serve {

SearcherPool::SearcherPool(std::filesystem::path dir)
    : dir_(std::move(dir)) {}

SearcherPool::Lease::Lease(SearcherPool& pool, Searcher searcher)
    : pool_(pool)
    , searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
    const std::lock_guard lock(pool_.mutex_);
    pool_.idle_.push_back(std::move(*searcher_));
}

SearcherPool::Lease SearcherPool::lease() {
    {
        const std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            Searcher searcher = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(searcher));
        }
    }
    return Lease(*this, Searcher(dir_));
}

} // namespace newsq::serve
