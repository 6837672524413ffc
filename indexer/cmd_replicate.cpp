#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/std.h>
#include <spawn.h>
#include <sys/wait.h>

#include <newsq/error.hpp>
#include <newsq/replica.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"

extern char** environ;

namespace newsq::indexer {

namespace {

struct ReplicateOptions {
    std::string master;
    std::string index;
    std::optional<std::size_t> shard;
    double wait = 0;
};

struct Master {
    std::string host;
    std::string port;
};

Master parse_master(const std::string& text) {
    const auto colon = text.rfind(':');
    const std::string port = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (colon == 0 || port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) == 0 ||
        std::stoul(port) > 65535) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("\"{}\" is not HOST:PORT with a port from 1 to 65535", text),
                    "name the machine and port of the master's xapian-replicate-server");
    }
    return {text.substr(0, colon), port};
}

// Runs Xapian's xapian-replicate once: brings the copy in `copy` up to date with database
// `name` of the master, by its changesets when the master keeps them, else as a whole.
void copy_database(const Master& m, const std::string& name, const std::filesystem::path& copy) {
    std::vector<std::string> args{"xapian-replicate", "-o", "-h", m.host, "-p", m.port, "-m", name,
                                  copy.string()};
    std::vector<char*> argv;
    for (std::string& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (const int err = ::posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ)) {
        throw Error(ErrorCode::io,
                    fmt::format("cannot run xapian-replicate: {}", std::strerror(err)),
                    "install Debian's xapian-tools");
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw Error(ErrorCode::io,
                    fmt::format("xapian-replicate could not copy {} from {}:{} into {}", name,
                                m.host, m.port, copy),
                    "check that xapian-replicate-server serves the master's index directory there");
    }
}

int run_replicate(const ReplicateOptions& o) {
    const Master master = parse_master(o.master);
    const auto dir = cli::resolve_index_dir(o.index);
    Replica replica =
        Replica::open(dir, {std::chrono::milliseconds(static_cast<long>(o.wait * 1000))});
    copy_database(master, "manifest", replica.manifest());
    const std::vector<ReplicaCopy> plan = replica.plan(o.shard);
    for (const ReplicaCopy& c : plan) {
        std::error_code ec;
        std::filesystem::create_directories(c.copy.parent_path(), ec);
        if (ec) {
            throw Error(ErrorCode::io,
                        fmt::format("cannot create {}: {}", c.copy.parent_path(), ec.message()));
        }
        copy_database(master, c.master, c.copy);
    }
    replica.install(plan);
    fmt::print("{}: copies {} of {} ({} database{})\n", dir,
               std::filesystem::path(plan.front().master).begin()->string(), o.master, plan.size(),
               plan.size() == 1 ? "" : "s");
    return cli::kOk;
}

} // namespace

std::function<int()> setup_replicate(CLI::App& app) {
    auto o = std::make_shared<ReplicateOptions>();
    app.add_option("master", o->master, "the master's xapian-replicate-server")
        ->required()
        ->type_name("HOST:PORT");
    cli::add_index_option(app, o->index);
    app.add_option("--shard", o->shard, "copy only this shard (numbered from 0)")->type_name("K");
    app.add_option("--wait", o->wait, "wait up to this many seconds for another copy to finish")
        ->check(CLI::NonNegativeNumber)
        ->type_name("SECONDS");
    return [o] { return run_replicate(*o); };
}

} // namespace newsq::indexer
