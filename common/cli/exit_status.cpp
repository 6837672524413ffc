#include "exit_status.hpp"

#include <fmt/format.h>

namespace newsq::cli {

int exit_status(const Error& e) {
    switch (e.code()) {
    case ErrorCode::invalid_argument:
    case ErrorCode::query_syntax:
        return kUsage;
    case ErrorCode::index_not_found:
        return kIndexNotFound;
    case ErrorCode::index_locked:
        return kIndexLocked;
    case ErrorCode::index_corrupt:
    case ErrorCode::schema_mismatch:
        return kIndexDamaged;
    case ErrorCode::io:
        return kIoError;
    case ErrorCode::internal:
        return kInternal;
    }
    return kInternal;
}

int report_error(std::string_view program, const Error& e) {
    fmt::print(stderr, "{}: error: {}\n", program, e.what());
    if (!e.hint().empty()) {
        fmt::print(stderr, "{}: hint: {}\n", program, e.hint());
    }
    return exit_status(e);
}

} // namespace newsq::cli
