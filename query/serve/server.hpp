#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace newsq::serve {

/// Where and how `newsq serve` listens.
struct ServerOptions {
    std::filesystem::path index;
    std::string bind = "127.0.0.1";
    int port = 8080;         ///< 0: any free port
    std::size_t workers = 8; ///< threads answering requests
    bool log = false;        ///< one line per request on standard error
};

/// The HTTP JSON API and the search page over one index (see README "HTTP API"). Every
/// request reads the newest committed state of the index, so updates and rebuilds show
/// without a restart.
class Server {
public:
    /// Opens the index and binds the listening socket. Throws Error (index_not_found,
    /// schema_mismatch, io when the address cannot be bound).
    explicit Server(ServerOptions options);
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    /// The port listened on (the one chosen when the options asked for 0).
    int port() const;

    /// Answers requests until stop(). Throws Error (io) when listening fails.
    void run();

    /// Makes run() return after the requests in progress; callable from any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newsq::serve
