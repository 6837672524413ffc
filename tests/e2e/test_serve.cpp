// End-to-end cases of `newsq serve`: the built server on loopback, asked with a real HTTP
// client. Answers are checked against what the command-line tools print for the same
// request, and against the fixture articles (tests/fixtures/README.md).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include "support.hpp"

namespace {

using namespace e2e;
using Json = nlohmann::json;
using namespace std::chrono_literals;

const std::string kIndex = NEWSQ_E2E_INDEX;
const std::string kWeb = NEWSQ_SOURCE "/query/web";
const std::string kTribunal = "hh-2022-0317-tribunal";
const std::string kSpun = "spun-tribunal.txt";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// `newsq serve` on `index`, on a free port, stopped with SIGTERM when dropped.
class Server {
public:
    explicit Server(const std::string& index, std::vector<std::string> options = {})
        : child_(NEWSQ_NEWSQ, arguments(index, std::move(options)), dir_) {
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
            const std::string out = child_.out();
            if (const auto at = out.find("http://127.0.0.1:"); at != std::string::npos) {
                port_ = std::stoi(out.substr(at + 17));
            }
            std::this_thread::sleep_for(20ms);
        }
        REQUIRE_MESSAGE(port_ != 0, "the server did not start");
    }

    int port() const { return port_; }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }

    // The status and JSON body of GET `target`.
    std::pair<int, Json> get(const std::string& target) const {
        httplib::Client c = client();
        const httplib::Result r = c.Get(target);
        REQUIRE_MESSAGE(r, "no answer to ", target);
        INFO(target, " answered ", r->body);
        CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
        return {r->status, Json::parse(r->body)};
    }

    Json ok(const std::string& target) const {
        auto [status, body] = get(target);
        INFO(target, " answered ", body.dump());
        REQUIRE(status == 200);
        return body;
    }

    Result stop() {
        child_.signal(SIGTERM);
        return child_.wait(std::chrono::seconds(60));
    }

private:
    static std::vector<std::string> arguments(const std::string& index,
                                              std::vector<std::string> options) {
        std::vector<std::string> args = {"serve", "--index", index, "--port", "0"};
        args.insert(args.end(), options.begin(), options.end());
        return args;
    }

    TempDir dir_;
    Background child_;
    int port_ = 0;
};

// Debian's xapian-tcpsrv serving the database `db`, and the stub line naming it.
struct ShardServer {
    explicit ShardServer(const std::string& db)
        : server(NEWSQ_XAPIAN_TCPSRV, "--port", db) {}

    std::string stub_line() const { return "remote " + server.address() + "\n"; }

    XapianServer server;
};

// Sends `request` as it is on a new connection to `port` and returns what comes back until
// the server closes the connection (or 30 s pass).
std::string raw_exchange(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const timeval timeout{30, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    REQUIRE(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(request.size()));
    std::string answer;
    std::array<char, 4096> buffer{};
    ssize_t n = 0;
    while ((n = ::recv(fd, buffer.data(), buffer.size(), 0)) > 0) {
        answer.append(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return answer;
}

std::string encoded(const std::string& text) {
    return httplib::detail::encode_query_param(text);
}

Json cli_json(std::vector<std::string> args) {
    args.insert(args.end(), {"--index", kIndex});
    const Result r = newsq(std::move(args));
    INFO(r.err);
    REQUIRE(r.status <= 1);
    return Json::parse(r.out);
}

std::vector<std::string> ids_of(const Json& hits) {
    std::vector<std::string> ids;
    for (const Json& h : hits) {
        ids.push_back(h.at("id").get<std::string>());
    }
    return ids;
}

} // namespace

TEST_CASE("serve: a search answers what newsq --json prints for it") {
    const Server server(kIndex);
    const Json api = server.ok("/api/search?q=" + encoded("\"war crimes\"") +
                               "&facets=5&timeline=year&sort=date&limit=3&offset=1");
    const Json cli = cli_json({"\"war crimes\"", "--json", "--facets", "--timeline", "year",
                               "--sort", "date", "--limit", "3", "--offset", "1"});
    CHECK(ids_of(api.at("hits")) == ids_of(cli.at("hits")));
    CHECK(api.at("hits").size() == 3);
    CHECK(api.at("total_estimate") == cli.at("total_estimate"));
    CHECK(api.at("timeline") == cli.at("timeline"));
    CHECK(api.at("facets").at("section") == cli.at("facets").at("section"));
    CHECK(api.at("limit") == 3);
    CHECK(api.at("offset") == 1);
    CHECK(api.at("hits")[0] == cli.at("hits")[0]);
}

TEST_CASE("serve: filters, collapse and the spelling suggestion") {
    const Server server(kIndex);
    const Json politics = server.ok("/api/search?q=crimes&section=politics");
    CHECK(ids_of(politics.at("hits")) ==
          ids_of(cli_json({"crimes", "--section", "politics", "--json"}).at("hits")));
    for (const Json& h : politics.at("hits")) {
        CHECK(h.at("section") == "Politics");
    }
    const Json both = server.ok("/api/search?q=crimes&section=politics&section=business");
    CHECK(both.at("hits").size() > politics.at("hits").size());
    // The fixture articles are all English.
    CHECK(ids_of(server.ok("/api/search?q=crimes&lang=en").at("hits")) ==
          ids_of(server.ok("/api/search?q=crimes").at("hits")));
    CHECK(server.ok("/api/search?q=crimes&lang=de").at("hits").empty());

    const Json collapsed = server.ok("/api/search?q=crimes");
    const Json all = server.ok("/api/search?q=crimes&collapse=false");
    CHECK(all.at("hits").size() == collapsed.at("hits").size() + 1);
    CHECK(ids_of(all.at("hits")) == ids_of(cli_json({"crimes", "--all", "--json"}).at("hits")));

    const Json misspelt = server.ok("/api/search?q=" + encoded("war crimse"));
    CHECK(misspelt.at("hits").empty());
    CHECK(misspelt.at("suggestion") == "war crimes");
    CHECK(server.ok("/api/search?q=war").at("suggestion").is_null());
}

TEST_CASE("serve: one article, its copies, quotes, statistics and health") {
    const Server server(kIndex);
    CHECK(server.ok("/api/article?id=" + kTribunal) == cli_json({"show", kTribunal, "--json"}));
    CHECK(server.ok("/api/similar?id=" + kTribunal) == cli_json({"similar", kTribunal, "--json"}));
    CHECK(server.ok("/api/quotes?q=corridor&speaker=Lindqvist") ==
          cli_json({"quotes", "corridor", "--speaker", "Lindqvist", "--json"}));

    const Result stats = newsindex({"stats", "--json", "--index", kIndex});
    REQUIRE(stats.status == 0);
    Json expected = Json::parse(stats.out);
    expected.erase("index");
    CHECK(server.ok("/api/stats") == expected);
    const Json health = server.ok("/api/health");
    CHECK(health.at("status") == "ok");
    CHECK(health.at("articles") == 12);
}

TEST_CASE("serve: bad requests get an error naming the problem, and serving goes on") {
    const Server server(kIndex);
    const std::vector<std::tuple<std::string, int, std::string>> cases = {
        {"/api/search?q=" + encoded("war AND"), 400, "position"},
        {"/api/search?q=" + encoded("title:(war"), 400, "position"},
        // Each once crashed the server (a double free in the query parser).
        {"/api/search?q=%2Bdate:9999-99-99id:", 400, "position 7"},
        {"/api/search?q=" + encoded("-date:2022-02-30"), 400, "position 7"},
        {"/api/quotes?q=" + encoded("+date:2022-13-01"), 400, "position 7"},
        {"/api/search?q=war&limit=101", 400, "\"limit\""},
        {"/api/search?q=war&offset=-1", 400, "\"offset\""},
        {"/api/search?q=war&sort=oldest", 400, "sort"},
        {"/api/search?q=war&since=March", 400, "March"},
        {"/api/search?q=war&timeline=decade", 400, "timeline"},
        {"/api/search?q=war&collapse=maybe", 400, "\"collapse\""},
        {"/api/search?q=war&q=peace", 400, "\"q\""},
        {"/api/search?query=war", 400, "\"query\""},
        {"/api/quotes?speaker=", 400, "speaker"},
        {"/api/article", 400, "\"id\""},
        {"/api/article?id=no-such-article", 404, "no-such-article"},
        {"/api/similar?id=no-such-article", 404, "no-such-article"},
        {"/api/nothing", 404, "/api/nothing"},
        {"/api/search?q=" + std::string(10'000, 'a'), 414, "too long"},
    };
    for (const auto& [target, status, names] : cases) {
        const auto [got, body] = server.get(target);
        INFO(target.substr(0, 80), " answered ", body.dump());
        CHECK(got == status);
        CHECK(body.at("error").at("status") == status);
        CHECK(body.at("error").at("message").get<std::string>().find(names) != std::string::npos);
    }
    httplib::Client c = server.client();
    const httplib::Result post = c.Post("/api/search", std::string(100'000, 'x'), "text/plain");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    // A body that never ends, or one of a size given up front: refused before it is read.
    const std::string chunked = raw_exchange(
        server.port(), "GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                       "ffffff\r\nxxxx");
    CHECK(chunked.starts_with("HTTP/1.1 413"));
    CHECK(contains(chunked, "take no body"));
    const std::string sized = raw_exchange(
        server.port(), "GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 900000000\r\n\r\n");
    CHECK(sized.starts_with("HTTP/1.1 413"));
    CHECK(contains(sized, "take no body"));
    CHECK(server.ok("/api/health").at("status") == "ok");
}

TEST_CASE("serve: the page and its assets are built in") {
    const Server server(kIndex);
    httplib::Client c = server.client();
    const std::vector<std::tuple<std::string, std::string, std::string>> assets = {
        {"/", "index.html", "text/html; charset=utf-8"},
        {"/app.js", "app.js", "text/javascript; charset=utf-8"},
        {"/app.css", "app.css", "text/css; charset=utf-8"},
    };
    for (const auto& [path, file, type] : assets) {
        const httplib::Result r = c.Get(path);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Type") == type);
        CHECK(r->body == read_file(kWeb + "/" + file));
    }
}

TEST_CASE("serve: updates, rebuilds and rollbacks show without a restart") {
    TempDir dir;
    const std::string index = dir / "index";
    const std::string news = dir / "news";
    std::filesystem::create_directory(news);
    REQUIRE(newsindex({"update", "--quiet", "--index", index, kArticles}).status == 0);
    const Server server(index);
    const std::string query = "/api/search?q=zeppelin";
    CHECK(server.ok(query).at("hits").empty());

    std::ofstream(news + "/zeppelin.txt")
        << "Title: Zeppelin returns to the harbour\nDate: 2024-05-01\nSection: Travel\n\n"
           "An airship moored above the old harbour on Tuesday, the first zeppelin seen there "
           "in decades.\n";
    REQUIRE(newsindex({"update", "--quiet", "--index", index, news}).status == 0);
    CHECK(server.ok("/api/health").at("articles") == 13);
    CHECK(server.ok("/api/stats").at("articles") == 13);
    CHECK(server.ok(query).at("hits").size() == 1);

    REQUIRE(newsindex({"rebuild", "--quiet", "--index", index, kArticles}).status == 0);
    CHECK(server.ok(query).at("hits").empty());
    CHECK(server.ok("/api/health").at("articles") == 12);

    REQUIRE(newsindex({"rollback", "--index", index}).status == 0);
    CHECK(server.ok(query).at("hits").size() == 1);
}

TEST_CASE("serve: eight clients at once while a writer updates the index") {
    TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"update", "--quiet", "--index", index, kArticles}).status == 0);
    const Server server(index, {"--workers", "4"});
    const std::vector<std::string> targets = {"/api/search?q=" + encoded("\"war crimes\"") +
                                                  "&facets=5&timeline=month",
                                              "/api/search?q=crimes&sort=date",
                                              "/api/article?id=" + kTribunal,
                                              "/api/quotes?q=corridor",
                                              "/api/similar?id=" + kTribunal,
                                              "/api/stats",
                                              "/api/health"};
    std::mutex failed_mutex;
    std::vector<std::string> failed; // each failed request, with its status and body
    std::atomic<int> answered = 0;
    std::atomic<int> writes = 0; // complete runs of the writer, each committing several times
    std::atomic<bool> clients_done = false;
    std::thread writer([&] {
        while (!clients_done || writes < 2) {
            newsindex({"add", "--quiet", "--index", index, "--batch", "3", kArticles});
            ++writes;
        }
    });
    std::vector<std::thread> clients;
    for (int k = 0; k < 8; ++k) {
        clients.emplace_back([&, k] {
            httplib::Client c = server.client();
            for (int i = 0; i < 30 || writes < 2; ++i) {
                const std::string& target = targets[(k + i) % targets.size()];
                const httplib::Result r = c.Get(target);
                const bool good =
                    r && r->status == 200 && Json::accept(r->body) && !Json::parse(r->body).empty();
                if (!good) {
                    const std::lock_guard lock(failed_mutex);
                    failed.push_back(target + " -> " +
                                     (r ? std::to_string(r->status) + " " + r->body
                                        : httplib::to_string(r.error())));
                }
                ++answered;
            }
        });
    }
    for (std::thread& t : clients) {
        t.join();
    }
    clients_done = true;
    writer.join();
    CHECK(answered >= 240);
    for (const std::string& f : failed) {
        FAIL_CHECK(f);
    }
}

TEST_CASE("serve: SIGTERM stops it cleanly, a missing index or a taken port is an error") {
    // At once after start-up, when the signal may come before the server listens.
    for (int k = 0; k < 5; ++k) {
        Server server(kIndex);
        CHECK(server.stop().status == 0);
    }

    TempDir dir;
    const Result missing = newsq({"serve", "--index", dir / "none", "--port", "0"});
    CHECK(missing.status == 3);
    CHECK(contains(missing.err, "none"));

    const Server first(kIndex);
    const std::string port = std::to_string(first.port());
    const Result taken = newsq({"serve", "--index", kIndex, "--port", port});
    CHECK(taken.status == 6);
    CHECK(contains(taken.err, "cannot listen on 127.0.0.1:" + port));
}

TEST_CASE("serve: over two shards served by xapian-tcpsrv, the answers of the local index") {
    const TempDir dir;
    const std::string index = dir / "index";
    REQUIRE(newsindex({"rebuild", kArticles, "--index", index, "--shards", "2", "-q"}).status == 0);
    const ShardServer first(index + "/gen-1/shard-0");
    const ShardServer second(index + "/gen-1/shard-1");
    const std::string remote = dir / "remote";
    std::filesystem::create_directory(remote);
    std::ofstream(remote + "/XAPIANDB") << first.stub_line() << second.stub_line();

    const Server local(index);
    const Server over_network(remote);
    const std::vector<std::string> targets{
        "/api/search?q=%22war+crimes%22&facets=5&timeline=month",
        "/api/search?q=tribunal+OR+harvest&collapse=false&limit=20",
        "/api/search?q=section:world&sort=date&facets=3&timeline=day",
        "/api/article?id=" + kTribunal,
        "/api/similar?id=" + kTribunal,
        "/api/quotes?q=war+crimes",
        "/api/search?q=tribnal"};
    for (const std::string& target : targets) {
        INFO(target);
        Json mine = local.ok(target);
        Json theirs = over_network.ok(target);
        if (target.starts_with("/api/search")) {
            CHECK(mine.at("notes").empty());
            CHECK(theirs.at("notes") ==
                  Json::array({"no spelling suggestions: the index has remote shards"}));
            CHECK(theirs.at("suggestion").is_null());
            for (Json* answer : {&mine, &theirs}) {
                answer->erase("notes");
                answer->erase("suggestion");
            }
        }
        CHECK(theirs == mine);
    }
}

TEST_CASE("serve: a cluster of shard replicas follows its master's update") {
    const TempDir dir;
    const std::string master = dir / "master";
    REQUIRE(newsindex({"rebuild", kArticles, "--index", master, "--shards", "2", "-q"}).status ==
            0);
    const XapianServer replication(NEWSQ_XAPIAN_REPLICATE_SERVER, "-p", master);
    const std::array replicas{dir / "replica-0", dir / "replica-1"};
    const auto sync = [&] {
        for (std::size_t k = 0; k < replicas.size(); ++k) {
            const Result r = newsindex({"replicate", replication.address(), "--index", replicas[k],
                                        "--shard", std::to_string(k)});
            REQUIRE_MESSAGE(r.status == 0, r.err);
        }
    };
    sync();
    const ShardServer first(replicas[0]);
    const ShardServer second(replicas[1]);
    const std::string front = dir / "front.stub";
    std::ofstream(front) << first.stub_line() << second.stub_line();

    const Server local(master);
    const Server cluster(front);
    const std::string target = "/api/search?q=%22war+crimes%22&facets=5&timeline=month";
    Json mine = local.ok(target);
    Json theirs = cluster.ok(target);
    for (Json* answer : {&mine, &theirs}) {
        answer->erase("notes");
        answer->erase("suggestion");
    }
    CHECK(theirs == mine);

    const std::string article = dir / "new.jsonl";
    std::ofstream(article) << R"({"id": "cluster-1", "title": "Quokka census opens", "body":)"
                           << R"( "Rangers began counting quokkas on Monday."})" << '\n';
    REQUIRE(newsindex({"update", article, "--index", master}).status == 0);
    sync();
    // The front end reconnects to the shard servers within 5 s, and they then serve the copy.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (cluster.ok("/api/search?q=quokka").at("hits").empty() &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(200ms);
    }
    CHECK(cluster.ok("/api/search?q=quokka").at("hits").at(0).at("id") == "cluster-1");
}
