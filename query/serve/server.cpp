#include "serve/server.hpp"
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <string_view>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <newsq/error.hpp>
#include <newsq/maintenance.hpp>

#include "render/render.hpp"
#include "serve/params.hpp"
#include "serve/searcher_pool.hpp"
#include "stats_json.hpp"

namespace newsq::detail::embedded {
extern const std::string_view index_html;
extern const std::string_view app_js;
extern const std::string_view app_css;
} // namespace newsq::detail::embedded

namespace newsq::serve {

namespace {

using Json = nlohmann::json;

constexpr const char* kJsonType = "application/json; charset=utf-8";
// No endpoint takes a body (refuse_unexpected); this bounds what httplib reads regardless.
constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr std::size_t kKeepAliveRequests = 100;
// Seconds a worker waits for the next request on a kept-alive connection, and for the next
// bytes of a request: one worker serves one connection, so idle clients must not keep them.
constexpr time_t kKeepAliveSeconds = 2;
constexpr time_t kReadSeconds = 5;
// A searcher idle this long is closed, releasing the files of databases replaced since.
constexpr auto kSearcherMaxIdle = std::chrono::seconds(30);

template <class Document>
std::string dump(const Document& doc) {
    return doc.dump(-1, ' ', false, Document::error_handler_t::replace);
}

int http_status(ErrorCode code) {
    switch (code) {
    case ErrorCode::invalid_argument:
    case ErrorCode::query_syntax:
        return 400;
    case ErrorCode::index_not_found:
    case ErrorCode::index_locked:
    case ErrorCode::schema_mismatch:
        return 503;
    case ErrorCode::index_corrupt:
    case ErrorCode::io:
    case ErrorCode::internal:
        break;
    }
    return 500;
}

void send_error(httplib::Response& res, int status, std::string_view code,
                const std::string& message, const std::string& hint = {}) {
    Json error = {{"status", status}, {"code", code}, {"message", message}};
    if (!hint.empty()) {
        error["hint"] = hint;
    }
    res.status = status;
    res.set_content(dump(Json{{"error", std::move(error)}}), kJsonType);
}

// A server-side failure: the details (paths on the server's disk, library messages) go to
// the log, the client learns only what kind of failure it was.
void send_failure(const httplib::Request& req, httplib::Response& res, int status,
                  std::string_view code, std::string_view detail) {
    fmt::print(stderr, "newsq serve: {} {}: {}\n", req.method, req.path, detail);
    send_error(res, status, code,
               status == 503 ? "the index is not available now; the server's log says why"
                             : "internal error; the server's log says more");
}

// The JSON error for an exception a handler threw.
void send_exception(const httplib::Request& req, httplib::Response& res,
                    const std::exception_ptr& thrown) {
    try {
        std::rethrow_exception(thrown);
    } catch (const BadRequest& e) {
        send_error(res, e.status(), e.status() == 404 ? "not_found" : "bad_request", e.what());
    } catch (const Error& e) {
        const int status = http_status(e.code());
        if (status < 500) {
            send_error(res, status, to_string(e.code()), e.what(), e.hint());
        } else {
            send_failure(req, res, status, to_string(e.code()), e.what());
        }
    } catch (const std::exception& e) {
        send_failure(req, res, 500, "internal", e.what());
    } catch (...) {
        send_failure(req, res, 500, "internal", "unknown exception");
    }
}

// Every endpoint is GET and takes no body: other methods, and bodies (which httplib 0.11 would
// read in full when chunked or unsized), are refused before anything is read.
httplib::Server::HandlerResponse refuse_unexpected(const httplib::Request& req,
                                                   httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
        send_error(res, 405, "method_not_allowed",
                   fmt::format("{} is not supported here: the API is read with GET", req.method));
        res.set_header("Allow", "GET, HEAD");
    } else if (req.has_header("Transfer-Encoding") ||
               req.get_header_value<std::uint64_t>("Content-Length") > 0) {
        send_error(res, 413, "too_large", "requests to this server take no body");
    } else {
        return httplib::Server::HandlerResponse::Unhandled;
    }
    res.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
}

// A JSON body for the statuses httplib answers by itself (unknown path, too large, …).
void send_status_error(const httplib::Request& req, httplib::Response& res) {
    switch (res.status) {
    case 404:
        return send_error(res, 404, "not_found", fmt::format("no such endpoint: {}", req.path));
    case 413:
        return send_error(res, 413, "too_large", "request too large");
    case 414:
        return send_error(res, 414, "too_large", "request URI too long");
    default:
        return send_error(res, res.status, "bad_request",
                          fmt::format("request refused (HTTP {})", res.status));
    }
}

Json search_json(const SearchRequest& request, const SearchResults& results) {
    Json doc = render::search_json(request, results);
    doc["limit"] = request.limit;
    return doc;
}

} // namespace

struct Server::Impl {
    ServerOptions options;
    SearcherPool searchers;
    httplib::Server http;
    int port = 0;
    std::atomic<bool> running = false;  // inside run()
    std::atomic<bool> stopping = false; // stop() was called

    explicit Impl(ServerOptions o)
        : options(std::move(o))
        , searchers(options.index, kSearcherMaxIdle) {}

    // Routes GET `path` to `answer`, which returns the JSON body or throws.
    void get(const char* path, std::function<std::string(const Params&)> answer) {
        http.Get(path,
                 [answer = std::move(answer)](const httplib::Request& req, httplib::Response& res) {
                     res.set_content(answer(Params(req.params)), kJsonType);
                 });
    }

    void asset(const char* path, std::string_view body, const char* type) {
        http.Get(path, [body, type](const httplib::Request&, httplib::Response& res) {
            res.set_content(body.data(), body.size(), type);
            res.set_header("Cache-Control", "no-cache");
        });
    }

    void api_routes();
    void page_routes();
    void configure();
};

void Server::Impl::api_routes() {
    get("/api/health", [this](const Params& p) {
        p.only({});
        return dump(Json{{"status", "ok"}, {"articles", searchers.lease()->size()}});
    });
    get("/api/stats", [this](const Params& p) {
        p.only({});
        // Without the index's path on the server's disk, which is no client's business.
        nlohmann::ordered_json stats =
            cli::stats_json(index_stats(searchers.dir()), searchers.dir());
        stats.erase("index");
        return dump(stats);
    });
    get("/api/search", [this](const Params& p) {
        const SearchRequest request = search_request(p);
        return dump(search_json(request, searchers.lease()->search(request)));
    });
    get("/api/quotes", [this](const Params& p) {
        const QuoteRequest request = quote_request(p);
        return dump(render::quotes_json(request, searchers.lease()->quotes(request)));
    });
    get("/api/article", [this](const Params& p) {
        p.only({"id"});
        const std::string id = p.required("id");
        const std::optional<Article> article = searchers.lease()->article(id);
        if (!article) {
            throw BadRequest(fmt::format("no article with id \"{}\"", id), 404);
        }
        return dump(render::article_json(*article));
    });
    get("/api/similar", [this](const Params& p) {
        p.only({"id"});
        const std::string id = p.required("id");
        const std::optional<SimilarResults> similar = searchers.lease()->similar(id);
        if (!similar) {
            throw BadRequest(fmt::format("no article with id \"{}\"", id), 404);
        }
        return dump(render::similar_json(id, *similar));
    });
}

void Server::Impl::page_routes() {
    asset("/", detail::embedded::index_html, "text/html; charset=utf-8");
    asset("/app.js", detail::embedded::app_js, "text/javascript; charset=utf-8");
    asset("/app.css", detail::embedded::app_css, "text/css; charset=utf-8");
}

void Server::Impl::configure() {
    const std::size_t workers = options.workers;
    // httplib takes ownership of the queue it is handed as a plain pointer.
    http.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    // httplib's default also sets SO_REUSEPORT, which would let a second server share the
    // port silently instead of failing to start.
    http.set_socket_options([](socket_t sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    http.set_tcp_nodelay(true); // else small answers wait ~40 ms for delayed acknowledgements
    http.set_payload_max_length(kMaxBodyBytes);
    http.set_keep_alive_max_count(kKeepAliveRequests);
    http.set_keep_alive_timeout(kKeepAliveSeconds);
    http.set_read_timeout(kReadSeconds);
    http.set_pre_routing_handler(refuse_unexpected);
    http.set_default_headers(
        {{"X-Content-Type-Options", "nosniff"},
         {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:"}});
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  std::exception_ptr thrown) { send_exception(req, res, thrown); });
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            send_status_error(req, res);
            return httplib::Server::HandlerResponse::Handled;
        }));
    if (options.log) {
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            fmt::print(stderr, "{} {} {}\n", req.method, req.target, res.status);
        });
    }
    api_routes();
    page_routes();
}

Server::Server(ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
    impl_->searchers.lease(); // a missing or unreadable index fails here, not per request
    impl_->configure();
    const ServerOptions& o = impl_->options;
    impl_->port = o.port == 0 ? impl_->http.bind_to_any_port(o.bind)
                              : (impl_->http.bind_to_port(o.bind, o.port) ? o.port : -1);
    if (impl_->port < 0) {
        throw Error(ErrorCode::io, fmt::format("cannot listen on {}:{}", o.bind, o.port),
                    "is another server using the port? choose one with --port");
    }
}

Server::~Server() = default;

int Server::port() const {
    return impl_->port;
}

void Server::run() {
    impl_->running = true;
    const bool listened = impl_->stopping || impl_->http.listen_after_bind();
    impl_->running = false;
    if (!listened) {
        throw Error(ErrorCode::io,
                    fmt::format("listening on {}:{} failed", impl_->options.bind, impl_->port));
    }
}

// httplib's stop() does nothing before listening has begun, so a stop that comes while run()
// is starting waits for it to begin; one that comes before run() makes run() return at once.
void Server::stop() {
    impl_->stopping = true;
    while (impl_->running && !impl_->http.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    impl_->http.stop();
}

} // namespace newsq::serve
