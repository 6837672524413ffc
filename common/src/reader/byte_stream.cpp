#include "reader/byte_stream.hpp"
#include <algorithm>
#include <cerrno>
#include <cstring>

#include <unistd.h>
#include <zlib.h>

namespace newsq::detail {

namespace {

constexpr std::size_t kChunk = 1 << 16;
// Member starts remembered for member_at(): enough for any record read back by unread().
constexpr std::size_t kMembersKept = 4096;

bool gzip_magic(std::span<const char> bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

} // namespace

ByteSource fd_source(int fd, std::string& error) {
    return [fd, &error](std::span<char> buffer) -> std::size_t {
        for (;;) {
            const ssize_t got = ::read(fd, buffer.data(), buffer.size());
            if (got >= 0) {
                return static_cast<std::size_t>(got);
            }
            if (errno != EINTR) {
                error = std::strerror(errno);
                return 0;
            }
        }
    };
}

ByteSource prefixed_source(std::string prefix, ByteSource rest) {
    return [prefix = std::move(prefix), pos = std::size_t{0},
            rest = std::move(rest)](std::span<char> buffer) mutable -> std::size_t {
        if (pos < prefix.size()) {
            const std::size_t n = std::min(buffer.size(), prefix.size() - pos);
            std::memcpy(buffer.data(), prefix.data() + pos, n);
            pos += n;
            return n;
        }
        return rest(buffer);
    };
}

struct ByteStream::Inflater {
    Inflater() {
        stream.zalloc = Z_NULL;
        stream.zfree = Z_NULL;
        stream.opaque = Z_NULL;
        ready = inflateInit2(&stream, 15 + 16) == Z_OK;
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
    ~Inflater() { inflateEnd(&stream); }

    z_stream stream{};
    bool ready = false;
    bool in_member = false;
};

ByteStream::ByteStream(ByteSource source)
    : source_(std::move(source))
    , raw_(kChunk) {
    while (raw_end_ < 2 && refill_raw()) {
    }
    if (gzip_magic(std::span(raw_.data() + raw_pos_, raw_end_ - raw_pos_))) {
        inflater_ = std::make_unique<Inflater>();
        if (!inflater_->ready) {
            fail("cannot start zlib");
        }
    }
}

ByteStream::~ByteStream() = default;

bool ByteStream::compressed() const {
    return inflater_ != nullptr;
}

// Moves what is left of the raw buffer to its start and reads more after it.
bool ByteStream::refill_raw() {
    if (raw_done_) {
        return false;
    }
    if (raw_pos_ > 0) {
        std::memmove(raw_.data(), raw_.data() + raw_pos_, raw_end_ - raw_pos_);
        raw_offset_ += raw_pos_;
        raw_end_ -= raw_pos_;
        raw_pos_ = 0;
    }
    const std::size_t got = source_(std::span(raw_.data() + raw_end_, raw_.size() - raw_end_));
    raw_end_ += got;
    raw_done_ = got == 0;
    return got > 0;
}

void ByteStream::fail(std::string reason) {
    error_ = std::move(reason);
}

void ByteStream::start_member() {
    z_stream& z = inflater_->stream;
    inflateReset(&z);
    inflater_->in_member = true;
    if (members_.size() == kMembersKept) {
        members_.erase(members_.begin(), members_.begin() + kMembersKept / 2);
    }
    members_.push_back({produced_, raw_offset_ + raw_pos_});
}

// Decompresses the next piece of input into the buffer. False at the end of the segment.
bool ByteStream::inflate_some() {
    z_stream& z = inflater_->stream;
    std::string out(kChunk, '\0');
    for (;;) {
        if (raw_pos_ == raw_end_ && !refill_raw()) {
            if (inflater_->in_member) {
                fail("truncated gzip member (unexpected end of data)");
            }
            return false;
        }
        if (!inflater_->in_member) {
            if (!gzip_magic(std::span(raw_.data() + raw_pos_, raw_end_ - raw_pos_)) &&
                (raw_end_ - raw_pos_ >= 2 || raw_done_)) {
                fail("data after a gzip member that is not a gzip member");
                return false;
            }
            start_member();
        }
        const std::size_t before = raw_end_ - raw_pos_;
        z.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
        z.avail_in = static_cast<uInt>(before);
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        const int code = inflate(&z, Z_NO_FLUSH);
        raw_pos_ = raw_end_ - z.avail_in;
        const std::size_t made = out.size() - z.avail_out;
        if (code == Z_STREAM_END) {
            inflater_->in_member = false;
        } else if (code != Z_OK && code != Z_BUF_ERROR) {
            inflater_->in_member = false;
            fail(std::string("damaged gzip member: ") + (z.msg != nullptr ? z.msg : "zlib error"));
        }
        if (made > 0) {
            buffer_.append(out.data(), made);
            produced_ += made;
            return true;
        }
        if (!error_.empty()) {
            return false;
        }
        if (z.avail_in == before && !refill_raw()) {
            fail("truncated gzip member (unexpected end of data)");
            return false;
        }
    }
}

bool ByteStream::fill() {
    if (pos_ < buffer_.size()) {
        return true;
    }
    buffer_.clear();
    pos_ = 0;
    if (!error_.empty()) {
        return false;
    }
    if (inflater_) {
        return inflate_some();
    }
    if (raw_pos_ == raw_end_ && !refill_raw()) {
        return false;
    }
    buffer_.assign(raw_.data() + raw_pos_, raw_end_ - raw_pos_);
    produced_ += buffer_.size();
    raw_pos_ = raw_end_;
    return true;
}

bool ByteStream::at_end() {
    return !fill();
}

std::size_t ByteStream::read_line(std::string& line, std::size_t limit, bool& oversized) {
    line.clear();
    oversized = false;
    std::size_t consumed = 0;
    while (fill()) {
        const std::string_view rest = std::string_view(buffer_).substr(pos_);
        const std::size_t nl = rest.find('\n');
        const std::string_view piece = rest.substr(0, nl);
        const std::size_t room = limit - std::min(limit, line.size());
        oversized = oversized || piece.size() > room;
        line.append(piece.substr(0, room));
        const std::size_t taken = nl == std::string_view::npos ? rest.size() : nl + 1;
        pos_ += taken;
        offset_ += taken;
        consumed += taken;
        if (nl != std::string_view::npos) {
            break;
        }
    }
    if (line.ends_with('\r') && !oversized) {
        line.pop_back();
    }
    return consumed;
}

std::size_t ByteStream::read(std::size_t size, std::string* into) {
    std::size_t done = 0;
    while (done < size && fill()) {
        const std::size_t n = std::min(size - done, buffer_.size() - pos_);
        if (into != nullptr) {
            into->append(buffer_, pos_, n);
        }
        pos_ += n;
        offset_ += n;
        done += n;
    }
    return done;
}

void ByteStream::unread(std::string_view bytes) {
    buffer_.erase(0, pos_);
    buffer_.insert(0, bytes);
    pos_ = 0;
    offset_ -= bytes.size();
}

std::optional<std::uint64_t> ByteStream::member_at(std::uint64_t at) const {
    const auto it = std::find_if(members_.rbegin(), members_.rend(),
                                 [at](const MemberStart& m) { return m.uncompressed <= at; });
    if (it == members_.rend() || it->uncompressed != at) {
        return std::nullopt;
    }
    return it->input;
}

bool ByteStream::resume() {
    if (!inflater_ || !inflater_->ready || error_.empty()) {
        return false;
    }
    error_.clear();
    // Never the member that failed again.
    if (!members_.empty() && raw_offset_ + raw_pos_ <= members_.back().input &&
        raw_pos_ < raw_end_) {
        ++raw_pos_;
    }
    buffer_.clear();
    pos_ = 0;
    produced_ = offset_;
    for (;;) {
        const std::string_view raw(raw_.data() + raw_pos_, raw_end_ - raw_pos_);
        const std::size_t magic = raw.find("\x1f\x8b\x08");
        if (magic != std::string_view::npos) {
            raw_pos_ += magic;
            inflater_->in_member = false;
            return true;
        }
        raw_pos_ = raw_end_ - std::min<std::size_t>(raw.size(), 2);
        if (!refill_raw()) {
            return false;
        }
    }
}

} // namespace newsq::detail
