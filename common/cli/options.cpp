#include "options.hpp"
#include <cstdlib>

namespace newsq::cli {

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

} // namespace newsq::cli
