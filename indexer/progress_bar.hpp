#pragma once

#include <newsq/index.hpp>

namespace newsq::indexer {

/// Draws an ingest run's progress on standard error when it is a terminal: a bar and the time
/// left (by records when their number is known, else by bytes when the input's size is),
/// records done, bytes of input read (kB, MB or GB), and rate. Erases itself when done.
class ProgressBar {
public:
    /// `enabled` false (--quiet, or standard error not a terminal) draws nothing.
    explicit ProgressBar(bool enabled);
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar();

    void show(const IngestProgress& p);

    /// Erases the bar, so a message can be printed; the next show() draws it again.
    void clear();

private:
    bool enabled_;
    bool drawn_ = false;
};

/// True when standard error is a terminal.
bool stderr_is_terminal();

} // namespace newsq::indexer
