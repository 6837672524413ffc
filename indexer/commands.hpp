#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace newsq::indexer {

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

/// `newsindex replicate HOST:PORT [--shard K]`
std::function<int()> setup_replicate(CLI::App& app);

/// `newsindex analyze PATH…`
std::function<int()> setup_analyze(CLI::App& app);

/// Prints a bad record as `path:line: reason` on standard error.
void print_bad_record(const std::string& path, std::size_t line, const std::string& reason);

} // namespace newsq::indexer
