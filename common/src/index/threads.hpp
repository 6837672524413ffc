#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <span>
#include <thread>
#include <utility>
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

/// Runs `f(k)` for k = 0 … n-1 on `workers` threads (at least one), each taking the next k
/// when it is done with one, and rethrows the first failure.
template <class F>
void on_threads(std::size_t n, std::size_t workers, F f) {
    std::vector<std::exception_ptr> failures(n);
    std::atomic<std::size_t> next{0};
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < std::clamp<std::size_t>(workers, 1, n); ++t) {
            threads.emplace_back([&] {
                for (std::size_t k = next++; k < n; k = next++) {
                    try {
                        f(k);
                    } catch (...) {
                        failures[k] = std::current_exception();
                    }
                }
            });
        }
    }
    rethrow_first(failures);
}

/// Runs `f(k)` for k = 0 … n-1, each on a thread of its own, and rethrows the first failure.
template <class F>
void on_threads(std::size_t n, F f) {
    on_threads(n, n, std::move(f));
}

} // namespace newsq::detail
