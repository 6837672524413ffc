#pragma once

#include <cstddef>
#include <exception>
#include <span>
#include <thread>
#include <vector>

namespace newsq::detail {

/// Rethrows the first of `failures` that is set, if any: what threads caught, in their order.
inline void rethrow_first(std::span<const std::exception_ptr> failures) {
    for (const std::exception_ptr& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
}

/// Runs `f(k)` for k = 0 … n-1, each on a thread of its own, and rethrows the first failure.
template <class F>
void on_threads(std::size_t n, F f) {
    std::vector<std::exception_ptr> failures(n);
    {
        std::vector<std::jthread> threads;
        for (std::size_t k = 0; k < n; ++k) {
            threads.emplace_back([&, k] {
                try {
                    f(k);
                } catch (...) {
                    failures[k] = std::current_exception();
                }
            });
        }
    }
    rethrow_first(failures);
}

} // namespace newsq::detail
