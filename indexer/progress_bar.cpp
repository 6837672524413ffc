#include "progress_bar.hpp"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

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

// `bytes` and `of` (0: unknown) in the unit (kB, MB or GB) that suits the larger.
std::string amounts(std::uint64_t bytes, std::uint64_t of) {
    const auto larger = static_cast<double>(std::max(bytes, of));
    const auto [scale, unit] = larger < 1e6   ? std::pair{1e3, "kB"}
                               : larger < 1e9 ? std::pair{1e6, "MB"}
                                              : std::pair{1e9, "GB"};
    const double read = static_cast<double>(bytes) / scale;
    return of > 0 ? fmt::format("{:.1f}/{:.1f} {}", read, static_cast<double>(of) / scale, unit)
                  : fmt::format("{:.1f} {}", read, unit);
}

// How much of the input is done, by records when their number is known, else by bytes; 0
// when neither total is known.
double fraction(const IngestProgress& p) {
    if (p.total > 0) {
        return static_cast<double>(p.done) / static_cast<double>(p.total);
    }
    if (p.bytes_total > 0) {
        return static_cast<double>(p.bytes) / static_cast<double>(p.bytes_total);
    }
    return 0;
}

// Records done (of how many, when known) and bytes read (of how many, when known).
std::string counts(const IngestProgress& p) {
    const std::string records = p.total > 0 ? fmt::format("{}/{} articles", p.done, p.total)
                                            : fmt::format("{} articles", p.done);
    return records + "  " + amounts(p.bytes, p.bytes_total);
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
    const bool known = p.total > 0 || p.bytes_total > 0;
    const double done = fraction(p);
    std::string line = known ? bar(done) : std::string();
    line += fmt::format("{}  {:.0f}/s", counts(p), rate);
    if (known && done > 0) {
        line += fmt::format("  ETA {}", duration(p.seconds * (1 - done) / done));
    }
    fmt::print(stderr, "\r{}\033[K", line);
    std::fflush(stderr);
    drawn_ = true;
}

} // namespace newsq::indexer
