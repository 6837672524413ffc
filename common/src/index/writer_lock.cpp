#include "index/writer_lock.hpp"
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <sys/file.h>
#include <unistd.h>

#include <newsq/error.hpp>

namespace newsq::detail {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(100);

// The pid the holder wrote, or "another process" while it has not written it yet.
std::string holder(const std::filesystem::path& file) {
    std::ifstream in(file);
    long pid = 0;
    if (in >> pid && pid > 0) {
        return fmt::format("pid {}", pid);
    }
    return "another process";
}

void write_pid(int fd) {
    const std::string pid = fmt::format("{}\n", getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
        throw Error(ErrorCode::io,
                    fmt::format("cannot write the lock file: {}", std::strerror(errno)));
    }
}

} // namespace

WriterLock::WriterLock(const std::filesystem::path& dir, std::chrono::milliseconds wait) {
    const std::filesystem::path file = dir / "newsq.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        throw Error(ErrorCode::io,
                    fmt::format("cannot create lock file {}: {}", file, std::strerror(errno)));
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int error = errno;
            ::close(std::exchange(fd_, -1));
            throw Error(ErrorCode::io,
                        fmt::format("cannot lock {}: {}", file, std::strerror(error)));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(std::exchange(fd_, -1));
            throw Error(
                ErrorCode::index_locked,
                fmt::format("index {} is locked (by {})", dir, holder(file)),
                "another newsindex is writing to it: let it finish, or pass --wait SECONDS");
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    write_pid(fd_);
}

WriterLock::WriterLock(WriterLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) {
        // The next writer writes its own pid; an empty file never names a finished one.
        [[maybe_unused]] const int ignored = ftruncate(fd_, 0);
        ::close(fd_);
    }
}

} // namespace newsq::detail
