#pragma once

// Running the built programs from end-to-end tests: children with captured output, in the
// foreground or the background, and temporary directories.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace e2e {

// The fixture articles (tests/fixtures/README.md).
inline const std::string kArticles = NEWSQ_FIXTURES "/articles";

// Environment changes for a child: a value sets the variable, nullopt removes it.
using Env = std::vector<std::pair<std::string, std::optional<std::string>>>;

struct Result {
    int status = -1; // exit status, or 128 + signal
    std::string out;
    std::string err;
};

// Runs `program` with `args`, writing `input` to its standard input, and collects its output.
Result run(const std::string& program, std::vector<std::string> args, std::string_view input = {},
           const Env& env = {});

// The built newsindex and newsq.
Result newsindex(std::vector<std::string> args, std::string_view input = {}, const Env& env = {});
Result newsq(std::vector<std::string> args, const Env& env = {});

// A fresh directory, removed with its contents at the end of the case.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();

    std::string operator/(std::string_view name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

bool contains(std::string_view text, std::string_view part);

// A child running in the background, its output going to files in `dir`; killed if still
// running when dropped.
class Background {
public:
    Background(const std::string& program, std::vector<std::string> args, const TempDir& dir);
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;
    ~Background();

    void signal(int number) const;

    // What it has written to standard output so far.
    std::string out() const;

    // Waits for the child to end, killing it (a failed check) after `limit`; its status and
    // output.
    Result wait(std::chrono::seconds limit = std::chrono::seconds(600));

private:
    pid_t pid_ = -1;
    std::string out_;
    std::string err_;
};

// A loopback port no one listens on now, as the kernel picks one.
int free_port();

// One of Debian's Xapian servers (xapian-tcpsrv, xapian-replicate-server) serving `path` on a
// free loopback port, once it accepts connections; killed when dropped. `port_option` is how the
// program names its port ("--port", "-p").
class XapianServer {
public:
    XapianServer(const std::string& program, const std::string& port_option,
                 const std::string& path);

    // "127.0.0.1:PORT"
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

private:
    TempDir dir_;
    int port_;
    Background child_;
};

} // namespace e2e
