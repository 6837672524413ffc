#include "support.hpp"
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace e2e {

namespace {

namespace fs = std::filesystem;

// A file descriptor, closed when dropped.
class Fd {
public:
    explicit Fd(int fd = -1)
        : fd_(fd) {}
    Fd(Fd&& other) noexcept
        : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        reset();
        fd_ = std::exchange(other.fd_, -1);
        return *this;
    }
    ~Fd() { reset(); }

    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = -1;
    }

private:
    int fd_;
};

struct Pipe {
    Fd read;
    Fd write;
};

Pipe make_pipe() {
    std::array<int, 2> fds{};
    REQUIRE(::pipe2(fds.data(), O_CLOEXEC) == 0);
    return {Fd(fds[0]), Fd(fds[1])};
}

std::vector<std::string> environment(const Env& changes) {
    std::vector<std::string> vars;
    for (char** var = environ; *var != nullptr; ++var) {
        const std::string_view text(*var);
        const std::string_view name = text.substr(0, text.find('='));
        if (std::none_of(changes.begin(), changes.end(),
                         [&](const auto& change) { return change.first == name; })) {
            vars.emplace_back(text);
        }
    }
    for (const auto& [name, value] : changes) {
        if (value) {
            vars.push_back(name + "=" + *value);
        }
    }
    return vars;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (std::string& s : strings) {
        out.push_back(s.data());
    }
    out.push_back(nullptr);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

// Runs `program` with `args`, writing `input` to its standard input, and collects its output.
Result run(const std::string& program, std::vector<std::string> args, std::string_view input,
           const Env& env) {
    std::signal(SIGPIPE, SIG_IGN); // a child that stops reading must not kill the test
    Pipe in = make_pipe();
    Pipe out = make_pipe();
    Pipe err = make_pipe();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write.get(), STDERR_FILENO);
    args.insert(args.begin(), program);
    std::vector<std::string> vars = environment(env);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, pointers(args).data(),
                                    pointers(vars).data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE_MESSAGE(spawned == 0, "cannot run ", program);
    in.read.reset();
    out.write.reset();
    err.write.reset();
    ::fcntl(in.write.get(), F_SETFL, O_NONBLOCK);

    Result result;
    const std::array<std::pair<Fd*, std::string*>, 2> outputs = {
        {{&out.read, &result.out}, {&err.read, &result.err}}};
    while (out.read.get() >= 0 || err.read.get() >= 0) {
        if (input.empty()) {
            in.write.reset();
        }
        std::array<pollfd, 3> fds = {{{in.write.get(), POLLOUT, 0},
                                      {out.read.get(), POLLIN, 0},
                                      {err.read.get(), POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            REQUIRE(errno == EINTR);
            continue;
        }
        if (fds[0].revents != 0) {
            const ssize_t n = ::write(in.write.get(), input.data(), input.size());
            if (n >= 0) {
                input.remove_prefix(static_cast<std::size_t>(n));
            } else if (errno != EAGAIN) {
                input = {}; // the child closed its standard input
            }
        }
        for (std::size_t k = 0; k < outputs.size(); ++k) {
            if (fds[k + 1].revents == 0) {
                continue;
            }
            std::array<char, 4096> buffer{};
            const ssize_t n = ::read(outputs[k].first->get(), buffer.data(), buffer.size());
            if (n > 0) {
                outputs[k].second->append(buffer.data(), static_cast<std::size_t>(n));
            } else {
                outputs[k].first->reset();
            }
        }
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

Result newsindex(std::vector<std::string> args, std::string_view input, const Env& env) {
    return run(NEWSQ_NEWSINDEX, std::move(args), input, env);
}

Result newsq(std::vector<std::string> args, const Env& env) {
    return run(NEWSQ_NEWSQ, std::move(args), {}, env);
}

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "newsq-e2e-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

Background::Background(const std::string& program, std::vector<std::string> args,
                       const TempDir& dir)
    : out_(dir / "background.out")
    , err_(dir / "background.err") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    args.insert(args.begin(), program);
    std::vector<std::string> vars = environment({});
    const int spawned = posix_spawn(&pid_, program.c_str(), &actions, nullptr,
                                    pointers(args).data(), pointers(vars).data());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(spawned == 0);
}

Background::~Background() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
}

void Background::signal(int number) const {
    ::kill(pid_, number);
}

std::string Background::out() const {
    return read_file(out_);
}

Result Background::wait(std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    pid_t done = 0;
    while ((done = ::waitpid(pid_, &status, WNOHANG)) == 0 &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (done == 0) {
        ::kill(pid_, SIGKILL);
        done = ::waitpid(pid_, &status, 0);
        FAIL_CHECK("the child did not end within ", limit.count(), " s: killed");
    }
    REQUIRE(done == pid_);
    pid_ = -1;
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(out_),
            read_file(err_)};
}

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    return address;
}

bool accepts_connections(int port) {
    const Fd fd(::socket(AF_INET, SOCK_STREAM, 0));
    const sockaddr_in address = loopback(port);
    return ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
}

} // namespace

int free_port() {
    const Fd fd(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in address = loopback(0);
    socklen_t size = sizeof address;
    REQUIRE(::bind(fd.get(), reinterpret_cast<sockaddr*>(&address), size) == 0);
    REQUIRE(::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &size) == 0);
    return ntohs(address.sin_port);
}

XapianServer::XapianServer(const std::string& program, const std::string& port_option,
                           const std::string& path)
    : port_(free_port())
    , child_(program, {port_option, std::to_string(port_), path}, dir_) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!accepts_connections(port_) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_MESSAGE(accepts_connections(port_), program, " did not start");
}

} // namespace e2e
