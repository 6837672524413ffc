#include "progress_bar.hpp"
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

namespace newsq::indexer {

namespace {

constexpr int kBarWidth = 30;

std::string bar(double fraction) {
    const int full = static_cast<int>(std::lround(fraction * kBarWidth));
    return fmt::format("[{}{}] {:3.0f}% ", std::string(static_cast<std::size_t>(full), '#'),
                       std::string(static_cast<std::size_t>(kBarWidth - full), '.'),
                       fraction * 100);
}

std::string duration(double seconds) {
    const auto s = static_cast<long>(seconds);
    return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

} // namespace

bool stderr_is_terminal() {
    return isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled) {}

ProgressBar::~ProgressBar() {
    clear();
}

void ProgressBar::clear() {
    if (drawn_) {
        fmt::print(stderr, "\r\033[K");
        std::fflush(stderr);
        drawn_ = false;
    }
}

void ProgressBar::show(const IngestProgress& p) {
    if (!enabled_) {
        return;
    }
    const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    std::string line;
    if (p.total > 0) {
        line = bar(static_cast<double>(p.done) / static_cast<double>(p.total));
        line += fmt::format("{}/{} articles  {:.0f}/s", p.done, p.total, rate);
        if (rate > 0) {
            line += fmt::format("  ETA {}", duration(static_cast<double>(p.total - p.done) / rate));
        }
    } else {
        line = fmt::format("{} articles  {:.0f}/s", p.done, rate);
    }
    fmt::print(stderr, "\r{}\033[K", line);
    std::fflush(stderr);
    drawn_ = true;
}

} // namespace newsq::indexer
