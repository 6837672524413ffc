#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace newsq::cli {

/// A subcommand: `setup` binds its options to `app` and returns the function that runs it
/// (returning the exit status) once the command line is parsed.
struct Command {
    const char* name;
    const char* description;
    std::function<std::function<int()>(CLI::App& app)> setup;
};

} // namespace newsq::cli
