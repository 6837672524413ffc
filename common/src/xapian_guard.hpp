#pragma once

#include <filesystem>
#include <string_view>
#include <type_traits>

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

} // namespace newsq::detail
