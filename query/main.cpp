#include <exception>

#include <fmt/format.h>

#include <newsq/error.hpp>

#include "cmd_search.hpp"
#include "exit_status.hpp"

int main(int argc, char** argv) {
    CLI::App app{"newsq: search a news archive indexed by newsindex"};
    app.set_version_flag("--version", "newsq 0.1.0");
    app.footer("Exit status: 0 results, 1 no results, 2 bad usage or query, 3 no index, "
               "4 index locked, 5 index damaged, 6 I/O error.");
    const auto run = newsq::query::setup_search(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : newsq::cli::kUsage;
    }
    try {
        return run();
    } catch (const newsq::Error& e) {
        return newsq::cli::report_error("newsq", e);
    } catch (const std::exception& e) {
        fmt::print(stderr, "newsq: internal error: {}\n", e.what());
        return newsq::cli::kInternal;
    }
}
