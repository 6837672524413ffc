#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string_view>
#include <thread>
#include <type_traits>

#include <xapian.h>

#include <newsq/error.hpp>

namespace newsq::detail {

/// Turns the Xapian exception being handled into a newsq::Error that names `dir` and says
/// what to do next. Call only from a catch block.
[[noreturn]] void rethrow_as_error(const std::filesystem::path& dir, std::string_view action);

/// Runs `f`, translating any Xapian exception (see rethrow_as_error).
template <class F>
auto guarded(const std::filesystem::path& dir, std::string_view action, F&& f)
    -> std::invoke_result_t<F> {
    try {
        return f();
    } catch (const newsq::Error&) {
        throw;
    } catch (...) {
        rethrow_as_error(dir, action);
    }
}

/// Whether a reader may see `e` because of a concurrent writer or rebuild (see retry_reads).
bool is_transient(const Xapian::DatabaseError& e);

/// How long a read goes on starting again while concurrent writes keep invalidating it.
inline constexpr std::chrono::seconds kReadRetryTime{10};

/// Runs `attempt(n)` (n = 1, 2, …) until it reads one consistent state of the index, translating
/// errors as guarded() does. What a concurrent writer or rebuild makes a reader see starts the
/// read again, after a pause that grows from 1 ms to 100 ms so a burst of commits passes: the
/// revision read was discarded by two commits (DatabaseModifiedError), a block it read was
/// reused (DatabaseCorruptError, or DatabaseError "EOF reading block" when the number read from
/// it lies past the table's end), or the database it opened was replaced (DatabaseOpeningError,
/// but not a missing or too new one), or a remote shard's connection dropped (NetworkError). An
/// attempt after the first must read the newest state (reopen, or open again). Only when that goes
/// on for kReadRetryTime is it an error, so a truly damaged index is reported after that time.
template <class F>
auto retry_reads(const std::filesystem::path& dir, std::string_view action, F&& attempt)
    -> std::invoke_result_t<F, int> {
    const auto deadline = std::chrono::steady_clock::now() + kReadRetryTime;
    auto pause = std::chrono::milliseconds(1);
    for (int n = 1;; ++n) {
        try {
            return attempt(n);
        } catch (const newsq::Error&) {
            throw;
        } catch (const Xapian::DatabaseError& e) {
            if (!is_transient(e) || std::chrono::steady_clock::now() + pause > deadline) {
                rethrow_as_error(dir, action);
            }
        } catch (const Xapian::NetworkError&) {
            // A remote shard's connection dropped (the server restarted or timed it out): the
            // next attempt connects again.
            if (std::chrono::steady_clock::now() + pause > deadline) {
                rethrow_as_error(dir, action);
            }
        } catch (...) {
            rethrow_as_error(dir, action);
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(100));
    }
}

} // namespace newsq::detail
