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

int run_main(CLI::App& app, int argc, char** argv, std::string_view program,
             const std::function<int()>& run) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    }
    try {
        return run();
    } catch (const Error& e) {
        return report_error(program, e);
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}: internal error: {}\n", program, e.what());
        return kInternal;
    }
}

} // namespace newsq::cli
