#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace newsq {

/// What went wrong, coarsely enough for a caller to choose a reaction (an exit status, an HTTP
/// code).
enum class ErrorCode {
    invalid_argument, ///< a caller passed a value the library cannot use
    query_syntax,     ///< a search query could not be parsed
    index_not_found,  ///< no index at the given location
    index_locked,     ///< another writer holds the index
    index_corrupt,    ///< the index is damaged
    schema_mismatch,  ///< the index was built by an incompatible version of the schema
    io,               ///< reading or writing a file failed
    internal,         ///< anything else; a bug or an unexpected library failure
};

/// Short, stable name of an error code ("query_syntax"), for logs and JSON.
std::string_view to_string(ErrorCode code) noexcept;

/// The one exception type the library throws. The message names the object (path, query,
/// position); the hint, when present, says what to do next.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message, std::string hint = {})
        : std::runtime_error(message)
        , code_(code)
        , hint_(std::move(hint)) {}

    ErrorCode code() const noexcept { return code_; }
    const std::string& hint() const noexcept { return hint_; }

private:
    ErrorCode code_;
    std::string hint_;
};

} // namespace newsq
