#pragma once

#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

namespace newsq::cli {

/// Name of the environment variable naming the index directory.
inline constexpr const char* kIndexEnv = "NEWSQ_INDEX";

/// The index directory when neither --index nor NEWSQ_INDEX is given:
/// $XDG_DATA_HOME/newsq/index, else ~/.local/share/newsq/index.
std::filesystem::path default_index_dir();

/// Adds `--index DIR` (falling back to NEWSQ_INDEX, then the default) to `app`.
void add_index_option(CLI::App& app, std::string& dir);

/// The index directory chosen by the option, the environment or the default.
std::filesystem::path resolve_index_dir(const std::string& option);

} // namespace newsq::cli
