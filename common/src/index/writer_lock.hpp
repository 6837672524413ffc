#pragma once

#include <chrono>
#include <filesystem>

namespace newsq::detail {

/// The one-writer lock of an index directory: an exclusive flock on `DIR/newsq.lock`, which
/// holds the owner's pid. The kernel drops it when the process ends, however it ends, so a
/// killed writer never leaves a stale lock behind.
class WriterLock {
public:
    /// Takes the lock, waiting up to `wait` for another writer to let go. Throws Error
    /// (index_locked, naming the other writer's pid) when it is still held, io when the lock
    /// file cannot be created.
    WriterLock(const std::filesystem::path& dir, std::chrono::milliseconds wait);
    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();

private:
    int fd_ = -1;
};

} // namespace newsq::detail
