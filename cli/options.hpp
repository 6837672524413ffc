#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

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

/// `--since`, `--until`, `--section`, `--source`, `--lang`: the filters every search command
/// takes.
struct FilterOptions {
    std::string since;
    std::string until;
    std::vector<std::string> sections;
    std::vector<std::string> sources;
    std::vector<std::string> languages;
};

/// Adds the filter options to `app`.
void add_filter_options(CLI::App& app, FilterOptions& o);

/// Copies the filters into a SearchRequest or QuoteRequest.
template <class Request>
void apply_filters(const FilterOptions& o, Request& r) {
    if (!o.since.empty()) {
        r.since = o.since;
    }
    if (!o.until.empty()) {
        r.until = o.until;
    }
    for (const std::string& s : o.sections) {
        r.filters.push_back({"section", s});
    }
    for (const std::string& s : o.sources) {
        r.filters.push_back({"source", s});
    }
    for (const std::string& s : o.languages) {
        r.filters.push_back({"language", s});
    }
}

/// `-n/--limit N|all` and `--offset N`.
struct PageOptions {
    std::string limit;
    std::size_t offset = 0;

    bool all() const { return limit == "all"; }
    /// The limit as a number (the largest std::size_t for "all").
    std::size_t count() const;
};

/// Adds the paging options to `app`, `default_limit` shown as the default.
void add_page_options(CLI::App& app, PageOptions& o, std::string default_limit);

/// Adds `--color auto|always|never` to `app`.
void add_color_option(CLI::App& app, std::string& mode);

/// Whether to use terminal escapes on standard output: "always", or "auto" on a terminal
/// without NO_COLOR set.
bool use_color(const std::string& mode);

/// Columns of the terminal on standard output; `fallback` when it is not a terminal.
std::size_t terminal_width(std::size_t fallback);

/// Whether standard output is a terminal.
bool stdout_is_terminal();

} // namespace newsq::cli
