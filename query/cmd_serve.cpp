#include <algorithm>
#include <cstdio>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <fmt/std.h>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"
#include "serve/server.hpp"
#include "stop_signals.hpp"

namespace newsq::query {

namespace {

struct ServeOptions {
    std::string index;
    serve::ServerOptions server;
};

int run_serve(ServeOptions o) {
    o.server.index = cli::resolve_index_dir(o.index);
    // Before the server's threads start, so that they inherit the blocked signals.
    const cli::StopOnSignals signals;
    serve::Server server(o.server);
    const std::stop_callback on_signal(signals.token(), [&] { server.stop(); });
    fmt::print("newsq: serving {} on http://{}:{}/\n", o.server.index.string(), o.server.bind,
               server.port());
    std::fflush(stdout);
    server.run();
    return cli::kOk;
}

} // namespace

std::function<int()> setup_serve(CLI::App& app) {
    auto o = std::make_shared<ServeOptions>();
    o->server.workers = std::max(8U, std::thread::hardware_concurrency());
    cli::add_index_option(app, o->index);
    app.add_option("--bind", o->server.bind, "address to listen on")->capture_default_str();
    app.add_option("--port", o->server.port, "port to listen on; 0 picks a free one")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    app.add_option("--workers", o->server.workers, "threads answering requests")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    app.add_flag("--log", o->server.log, "print one line per request on standard error");
    app.footer("Endpoints: / (search page), /api/search, /api/article, /api/quotes, "
               "/api/similar, /api/stats, /api/health (see the README). SIGINT or SIGTERM "
               "stops the server after the requests in progress.");
    return [o] { return run_serve(*o); };
}

} // namespace newsq::query
