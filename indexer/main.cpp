#include <array>

#include "commands.hpp"
#include "exit_status.hpp"

namespace {

const std::array kCommands = {
    newsq::indexer::Command{"add", "index articles from files, directories or standard input",
                            newsq::indexer::setup_add},
    newsq::indexer::Command{"analyze",
                            "show what the analysis finds in articles, without indexing them",
                            newsq::indexer::setup_analyze},
};

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"newsindex: build and maintain a newsq index of news articles"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "newsindex 0.1.0");
    std::function<int()> run;
    for (const auto& command : kCommands) {
        CLI::App* sub = app.add_subcommand(command.name, command.description);
        auto body = command.setup(*sub);
        sub->callback([&run, body] { run = body; });
    }
    return newsq::cli::run_main(app, argc, argv, "newsindex", run);
}
