#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// Gives the next bytes of an input into `buffer` and returns how many; 0 at its end.
using ByteSource = std::function<std::size_t(std::span<char> buffer)>;

/// A ByteSource reading a file descriptor; a read error ends the input and is kept in `error`.
ByteSource fd_source(int fd, std::string& error);

/// A ByteSource giving `prefix` first, then what `rest` gives.
ByteSource prefixed_source(std::string prefix, ByteSource rest);

/// The bytes of an input, plain or gzip-compressed (one member or many, each decompressed in
/// turn), read in fixed-size chunks. A damaged gzip member ends a segment: reading then gives
/// nothing until `resume()` goes on at the next member.
class ByteStream {
public:
    explicit ByteStream(ByteSource source);
    ByteStream(const ByteStream&) = delete;
    ByteStream& operator=(const ByteStream&) = delete;
    ~ByteStream();

    /// Reads one line into `line` without its "\n" or "\r\n", keeping at most `limit` bytes
    /// of it (`oversized` tells whether more were dropped). Returns the bytes consumed, 0 at
    /// the end of the segment.
    std::size_t read_line(std::string& line, std::size_t limit, bool& oversized);

    /// Reads up to `size` bytes, appended to `*into` unless it is null. Returns how many there
    /// were: fewer at the end of the segment.
    std::size_t read(std::size_t size, std::string* into);

    /// Gives bytes just read back, to be read again first.
    void unread(std::string_view bytes);

    /// True when the segment has no more bytes.
    bool at_end();

    /// Offset of the next byte in the uncompressed stream.
    std::uint64_t offset() const { return offset_; }

    /// Whether the input is gzip-compressed.
    bool compressed() const;

    /// Offset in the input of the gzip member whose data starts at uncompressed offset `at`.
    std::optional<std::uint64_t> member_at(std::uint64_t at) const;

    /// Why the segment ended before the input did; "" at the true end.
    const std::string& error() const { return error_; }

    /// After an error, goes on at the next gzip member of the input. False when there is none.
    bool resume();

private:
    bool fill();
    bool refill_raw();
    bool inflate_some();
    void start_member();
    void fail(std::string reason);

    struct Inflater;
    struct MemberStart {
        std::uint64_t uncompressed;
        std::uint64_t input;
    };

    ByteSource source_;
    std::unique_ptr<Inflater> inflater_; // null for plain input
    std::vector<char> raw_;              // input not yet decompressed: raw_[raw_pos_, raw_end_)
    std::size_t raw_pos_ = 0;
    std::size_t raw_end_ = 0;
    std::uint64_t raw_offset_ = 0; // input offset of raw_[0]
    bool raw_done_ = false;
    std::string buffer_; // bytes not yet read: buffer_[pos_…]
    std::size_t pos_ = 0;
    std::uint64_t offset_ = 0;
    std::uint64_t produced_ = 0; // uncompressed bytes made so far
    std::vector<MemberStart> members_;
    std::string error_;
};

} // namespace newsq::detail
