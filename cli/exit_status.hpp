#pragma once

#include <functional>
#include <string_view>

#include <CLI/CLI.hpp>

#include <newsq/error.hpp>

namespace newsq::cli {

/// Exit statuses shared by newsindex and newsq (documented in the README).
enum ExitStatus : int {
    kOk = 0,            ///< success (newsq: at least one result)
    kPartial = 1,       ///< newsq: no results; newsindex: some records were skipped
    kUsage = 2,         ///< bad command line or query
    kIndexNotFound = 3, ///< no index at the location
    kIndexLocked = 4,   ///< another writer holds the index
    kIndexDamaged = 5,  ///< index corrupt or of another schema version
    kIoError = 6,       ///< a file could not be read or written
    kInternal = 70,     ///< a bug (EX_SOFTWARE)
    /// newsindex stopped by a signal after committing what it had done: 128 + the signal's
    /// number, as shells report it (130 for SIGINT, 143 for SIGTERM)
    kInterruptedBase = 128,
};

/// The exit status for a library error.
int exit_status(const Error& e);

/// Prints "PROGRAM: error: message" and the hint, if any, to standard error; returns the exit
/// status for `e`.
int report_error(std::string_view program, const Error& e);

/// Parses the command line into `app`, then calls `run` (which parsing may have chosen) and
/// returns its exit status; parse errors, library errors and anything unexpected become the
/// statuses above, with a message on standard error.
int run_main(CLI::App& app, int argc, char** argv, std::string_view program,
             const std::function<int()>& run);

} // namespace newsq::cli
