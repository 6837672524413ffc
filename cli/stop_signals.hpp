#pragma once

#include <atomic>
#include <stop_token>
#include <thread>

#include <signal.h>

namespace newsq::cli {

/// While alive, SIGINT and SIGTERM request a stop instead of killing the process, so that it
/// can end cleanly (newsindex commits what it has done, newsq serve answers the requests in
/// progress); a second signal ends the process at once. Construct it before
/// starting any thread: it blocks the signals in the threads created after it, and one thread
/// of its own waits for them.
class StopOnSignals {
public:
    StopOnSignals();
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;
    ~StopOnSignals();

    std::stop_token token() const { return source_.get_token(); }

    /// The signal that requested the stop, or 0.
    int signal() const { return signal_.load(); }

private:
    void wait_for_signals();

    sigset_t signals_{};
    sigset_t previous_mask_{};
    std::stop_source source_;
    std::atomic<int> signal_{0};
    std::atomic<bool> closing_{false};
    std::thread waiter_;
};

} // namespace newsq::cli
