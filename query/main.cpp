#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "command.hpp"
#include "commands.hpp"
#include "exit_status.hpp"
#include "version.hpp"

namespace {

using newsq::cli::Command;

const std::array kCommands = {
    Command{"search", "search (the default: `newsq QUERY` is `newsq search QUERY`)",
            newsq::query::setup_search},
    Command{"show", "print one stored article with its entities and quotes",
            newsq::query::setup_show},
    Command{"quotes", "list the quotes that match a query, with their speakers",
            newsq::query::setup_quotes},
    Command{"similar",
            "list the copies of an article (spun, edited, syndicated) with their "
            "similarity",
            newsq::query::setup_similar},
    Command{"serve", "serve the HTTP JSON API and the search page", newsq::query::setup_serve},
};

// A command is named by the first argument only, so that a command name later in a query
// (`newsq war show`) stays a word; `newsq search show` and `newsq -- show` search for one.
const Command* command_named(int argc, char** argv) {
    if (argc < 2) {
        return nullptr;
    }
    const std::string_view first = argv[1];
    const auto it = std::find_if(kCommands.begin(), kCommands.end(),
                                 [&](const Command& c) { return first == c.name; });
    return it == kCommands.end() ? nullptr : &*it;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"newsq: search a news archive indexed by newsindex"};
    app.set_version_flag("--version", std::string("newsq ") + newsq::cli::kVersion);
    app.footer(
        newsq::query::fields_help() +
        "\n\nCommands: newsq [search] QUERY, newsq show ID, newsq quotes QUERY, newsq similar "
        "ID, newsq serve (each with --help). A query that is a command name: `newsq search "
        "WORD` or `newsq -- WORD`."
        "\nExit status: 0 results, 1 no results (show: no such article), 2 bad usage or "
        "query, 3 no index, 4 index locked, 5 index damaged, 6 I/O error.");
    const Command* command = command_named(argc, argv);
    if (command == nullptr) {
        return newsq::cli::run_main(app, argc, argv, "newsq", newsq::query::setup_search(app));
    }
    CLI::App* sub = app.add_subcommand(command->name, command->description);
    return newsq::cli::run_main(app, argc, argv, "newsq", command->setup(*sub));
}
