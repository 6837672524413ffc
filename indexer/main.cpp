#include <array>
#include <string>

#include "command.hpp"
#include "commands.hpp"
#include "exit_status.hpp"
#include "version.hpp"

namespace {

using newsq::cli::Command;

const std::array kCommands = {
    Command{"add",
            "index articles from files, directories or standard input, "
            "rewriting those already there",
            newsq::indexer::setup_add},
    Command{"update",
            "index what is new or changed, skip what is not; --prune deletes "
            "what is gone (the nightly job)",
            newsq::indexer::setup_update},
    Command{"rebuild", "build a new index beside the live one and switch to it atomically",
            newsq::indexer::setup_rebuild},
    Command{"rollback", "switch back to the index the last rebuild replaced",
            newsq::indexer::setup_rollback},
    Command{"stats", "what the index holds: articles, dates, sections, sources, languages, size",
            newsq::indexer::setup_stats},
    Command{"check", "verify the index: Xapian's check and newsq's invariants",
            newsq::indexer::setup_check},
    Command{"replicate", "bring a replica up to date with its master's xapian-replicate-server",
            newsq::indexer::setup_replicate},
    Command{"analyze", "show what the analysis finds in articles, without indexing them",
            newsq::indexer::setup_analyze},
};

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"newsindex: build and maintain a newsq index of news articles"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("newsindex ") + newsq::cli::kVersion);
    std::function<int()> run;
    for (const auto& command : kCommands) {
        CLI::App* sub = app.add_subcommand(command.name, command.description);
        auto body = command.setup(*sub);
        sub->callback([&run, body] { run = body; });
    }
    return newsq::cli::run_main(app, argc, argv, "newsindex", run);
}
