#include <newsq/error.hpp>

namespace newsq {

std::string_view to_string(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::invalid_argument:
        return "invalid_argument";
    case ErrorCode::query_syntax:
        return "query_syntax";
    case ErrorCode::index_not_found:
        return "index_not_found";
    case ErrorCode::index_locked:
        return "index_locked";
    case ErrorCode::index_corrupt:
        return "index_corrupt";
    case ErrorCode::schema_mismatch:
        return "schema_mismatch";
    case ErrorCode::io:
        return "io";
    case ErrorCode::internal:
        return "internal";
    }
    return "internal";
}

} // namespace newsq
