#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <stop_token>

namespace newsq::detail {

/// A blocking first-in first-out queue of at most `capacity` items between one producer and
/// one consumer. `close()` ends the stream; waits also end when the given stop is requested.
template <class T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity)
        : capacity_(capacity) {}

    /// Waits for room, then adds `item`. Returns false (dropping it) once stop is requested.
    bool push(T item, std::stop_token stop) {
        std::unique_lock lock(mutex_);
        if (!not_full_.wait(lock, stop, [&] { return items_.size() < capacity_; })) {
            return false;
        }
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    /// No more items will come.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_one();
    }

    /// The next item, or nothing once the queue is closed and drained.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) {
            return std::nullopt;
        }
        T item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }

private:
    std::mutex mutex_;
    std::condition_variable_any not_full_;
    std::condition_variable not_empty_;
    std::deque<T> items_;
    std::size_t capacity_;
    bool closed_ = false;
};

} // namespace newsq::detail
