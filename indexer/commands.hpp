#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace newsq::indexer {

/// A subcommand: `setup` binds its options to `app` and returns the function that runs it
/// (returning the exit status) once the command line is parsed.
struct Command {
    const char* name;
    const char* description;
    std::function<std::function<int()>(CLI::App& app)> setup;
};

/// `newsindex add PATH…`
std::function<int()> setup_add(CLI::App& app);

/// `newsindex update PATH… [--prune]`
std::function<int()> setup_update(CLI::App& app);

/// `newsindex rebuild PATH…`
std::function<int()> setup_rebuild(CLI::App& app);

/// `newsindex rollback`
std::function<int()> setup_rollback(CLI::App& app);

/// `newsindex stats [--json]`
std::function<int()> setup_stats(CLI::App& app);

/// `newsindex check`
std::function<int()> setup_check(CLI::App& app);

/// `newsindex analyze PATH…`
std::function<int()> setup_analyze(CLI::App& app);

/// Prints a bad record as `path:line: reason` on standard error.
void print_bad_record(const std::string& path, std::size_t line, const std::string& reason);

} // namespace newsq::indexer
