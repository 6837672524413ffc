#include "options.hpp"
#include <cstdlib>
#include <limits>
#include <utility>

#include <sys/ioctl.h>
#include <unistd.h>

namespace newsq::cli {

namespace {

const CLI::Validator kLimit(
    [](std::string& value) -> std::string {
        const bool number = !value.empty() && value.size() <= 9 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        if (value == "all" || number) {
            return {};
        }
        return "must be a number below 10^9 or \"all\"";
    },
    "NUMBER|all");

} // namespace

std::filesystem::path default_index_dir() {
    if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && *data != '\0') {
        return std::filesystem::path(data) / "newsq" / "index";
    }
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = home != nullptr && *home != '\0' ? home : ".";
    return base / ".local" / "share" / "newsq" / "index";
}

void add_index_option(CLI::App& app, std::string& dir) {
    app.add_option("--index", dir,
                   "index directory (default: $NEWSQ_INDEX, else " + default_index_dir().string() +
                       ")")
        ->type_name("DIR");
}

std::filesystem::path resolve_index_dir(const std::string& option) {
    if (!option.empty()) {
        return option;
    }
    if (const char* env = std::getenv(kIndexEnv); env != nullptr && *env != '\0') {
        return env;
    }
    return default_index_dir();
}

void add_filter_options(CLI::App& app, FilterOptions& o) {
    app.add_option("--since", o.since, "earliest date (2022-03-01, 2022-03, 3m, today…)")
        ->type_name("DATE");
    app.add_option("--until", o.until, "latest date, inclusive")->type_name("DATE");
    app.add_option("--section", o.sections, "only this section (repeatable)")->type_name("NAME");
    app.add_option("--source", o.sources, "only this source (repeatable)")->type_name("NAME");
    app.add_option("--lang,--language", o.languages,
                   "only articles in this language, an ISO 639-1 code (repeatable)")
        ->type_name("CODE");
}

std::size_t PageOptions::count() const {
    return all() ? std::numeric_limits<std::size_t>::max() : std::stoul(limit);
}

void add_page_options(CLI::App& app, PageOptions& o, std::string default_limit) {
    o.limit = std::move(default_limit);
    app.add_option("-n,--limit", o.limit, "results to show, or all")
        ->check(kLimit)
        ->capture_default_str();
    app.add_option("--offset", o.offset, "results to skip")->capture_default_str();
}

void add_color_option(CLI::App& app, std::string& mode) {
    mode = "auto";
    app.add_option("--color", mode, "bold highlights")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

bool stdout_is_terminal() {
    return isatty(STDOUT_FILENO) != 0;
}

bool use_color(const std::string& mode) {
    if (mode != "auto") {
        return mode == "always";
    }
    const char* no_color = std::getenv("NO_COLOR");
    return stdout_is_terminal() && (no_color == nullptr || *no_color == '\0');
}

std::size_t terminal_width(std::size_t fallback) {
    winsize size{};
    if (!stdout_is_terminal() || ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 ||
        size.ws_col == 0) {
        return fallback;
    }
    return size.ws_col;
}

} // namespace newsq::cli
