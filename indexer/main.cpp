#include <array>
#include <exception>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_status.hpp"

namespace {

const std::array kCommands = {
    newsq::indexer::Command{"add", "index articles from files, directories or standard input",
                            newsq::indexer::setup_add},
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
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : newsq::cli::kUsage;
    }
    try {
        return run();
    } catch (const newsq::Error& e) {
        return newsq::cli::report_error("newsindex", e);
    } catch (const std::exception& e) {
        fmt::print(stderr, "newsindex: internal error: {}\n", e.what());
        return newsq::cli::kInternal;
    }
}
