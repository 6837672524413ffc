#include "cmd_search.hpp"
#include "exit_status.hpp"

int main(int argc, char** argv) {
    CLI::App app{"newsq: search a news archive indexed by newsindex"};
    app.set_version_flag("--version", "newsq 0.1.0");
    app.footer("Exit status: 0 results, 1 no results, 2 bad usage or query, 3 no index, "
               "4 index locked, 5 index damaged, 6 I/O error.");
    const auto run = newsq::query::setup_search(app);
    return newsq::cli::run_main(app, argc, argv, "newsq", run);
}
