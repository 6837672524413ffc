#include "stop_signals.hpp"

#include <pthread.h>
#include <unistd.h>

namespace newsq::cli {

StopOnSignals::StopOnSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
    waiter_ = std::thread([this] { wait_for_signals(); });
}

StopOnSignals::~StopOnSignals() {
    closing_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void StopOnSignals::wait_for_signals() {
    int number = 0;
    while (sigwait(&signals_, &number) == 0 && !closing_) {
        if (signal_.exchange(number) != 0) {
            _exit(128 + number);
        }
        source_.request_stop();
    }
}

} // namespace newsq::cli
