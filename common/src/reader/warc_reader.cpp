#include "reader/warc_reader.hpp"
#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <zlib.h>

#include "reader/http_response.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

constexpr std::size_t kLineLimit = 1 << 14;
constexpr std::size_t kHeaderLimit = 1 << 16;
constexpr std::string_view kVersion = "WARC/1.";

// The named fields of a record's header.
struct Header {
    std::string type;
    std::string target_uri;
    std::string date;
    std::string content_type;
    std::optional<std::uint64_t> length;
    bool length_given = false;
};

std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

void take_field(std::string_view line, Header& h) {
    const auto field = header_field(line);
    if (!field) {
        return;
    }
    const std::string_view value = field->value;
    if (field->is("WARC-Type")) {
        h.type = std::string(value);
    } else if (field->is("WARC-Target-URI")) {
        // WARC 1.0's examples put the address in angle brackets.
        const bool bracketed = value.size() >= 2 && value.front() == '<' && value.back() == '>';
        h.target_uri = std::string(bracketed ? value.substr(1, value.size() - 2) : value);
    } else if (field->is("WARC-Date")) {
        h.date = std::string(value);
    } else if (field->is("Content-Type")) {
        h.content_type = std::string(value);
    } else if (field->is("Content-Length")) {
        h.length = number(value);
        h.length_given = true;
    }
}

std::string not_html(std::string_view content_type) {
    const std::string type = media_type(content_type);
    return type.empty() ? "no Content-Type" : "not HTML: " + type;
}

class WarcReader {
public:
    WarcReader(ByteStream& in, const WarcSink& sink, std::size_t max)
        : in_(in)
        , sink_(sink)
        , max_(max) {}

    void run() {
        while (!done_) {
            next();
        }
    }

private:
    void next() {
        std::string line;
        bool over = false;
        std::uint64_t start = 0;
        do {
            start = in_.offset();
            if (in_.read_line(line, kLineLimit, over) == 0) {
                if (!in_.error().empty()) {
                    begin(start);
                    fail(in_.error());
                }
                stop_or_resume();
                return;
            }
        } while (!over && trim(line).empty());
        begin(start);
        if (!line.starts_with(kVersion)) {
            fail(number_ == 1 ? "no WARC/1.x version line: not a WARC file"
                              : "no WARC/1.x version line where a record starts");
            resync();
            return;
        }
        Header header;
        if (read_header(header)) {
            read_block(header);
        }
    }

    void begin(std::uint64_t start) {
        ++number_;
        const auto member = in_.member_at(start);
        where_ = fmt::format("record {} (offset {})", number_, member.value_or(start));
    }

    void fail(std::string_view reason) { sink_.bad(fmt::format("{}: {}", where_, reason)); }

    // Ends reading at the end of the input; after damaged gzip data, goes on with the next
    // member.
    void stop_or_resume() { done_ = in_.error().empty() || !in_.resume(); }

    // Reports a record cut short: by damaged gzip data, else by the end of the input.
    void cut_short(std::string_view reason) {
        fail(in_.error().empty() ? reason : std::string_view(in_.error()));
        stop_or_resume();
    }

    // Skips to the next line that starts a record.
    void resync() {
        std::string line;
        bool over = false;
        for (;;) {
            const std::size_t consumed = in_.read_line(line, kLineLimit, over);
            if (consumed == 0) {
                stop_or_resume();
                return;
            }
            if (line.starts_with(kVersion) && !over) {
                in_.unread(line + (consumed - line.size() == 2 ? "\r\n" : "\n"));
                return;
            }
        }
    }

    bool read_header(Header& header) {
        std::string line;
        bool over = false;
        std::size_t size = 0;
        for (;;) {
            const std::size_t consumed = in_.read_line(line, kLineLimit, over);
            if (consumed == 0) {
                cut_short("the input ends in the record's header");
                return false;
            }
            size += consumed;
            if (over || size > kHeaderLimit) {
                fail(fmt::format("header is over the limit of {} bytes", kHeaderLimit));
                resync();
                return false;
            }
            if (line.empty()) {
                return true;
            }
            take_field(line, header);
        }
    }

    void read_block(const Header& header) {
        if (!header.length) {
            fail(header.length_given ? "Content-Length is not a number" : "no Content-Length");
            resync();
            return;
        }
        const std::uint64_t length = *header.length;
        if (length > max_) {
            fail(fmt::format("record is {} bytes, over the limit of {} bytes", length, max_));
            skip(length);
            return;
        }
        std::string block;
        const std::size_t got = in_.read(length, &block);
        if (got < length) {
            if (!in_.error().empty()) {
                cut_short("");
                return;
            }
            fail(fmt::format("Content-Length says {} bytes, but only {} follow", length, got));
            in_.unread(block);
            resync();
            return;
        }
        std::string tail;
        if (!end_of_record(tail)) {
            fail(fmt::format("Content-Length {} is not where the block ends (no blank line "
                             "after it)",
                             length));
            in_.unread(block + tail);
            resync();
            return;
        }
        take(header, std::move(block));
    }

    // Skips a block too large to hold, then the blank lines that end the record.
    void skip(std::uint64_t length) {
        std::uint64_t left = length;
        while (left > 0) {
            const std::size_t step =
                static_cast<std::size_t>(std::min<std::uint64_t>(left, 1 << 20));
            const std::size_t got = in_.read(step, nullptr);
            left -= got;
            if (got < step) {
                stop_or_resume();
                return;
            }
        }
        std::string tail;
        if (!end_of_record(tail)) {
            in_.unread(tail);
            resync();
        }
    }

    // Reads the "\r\n\r\n" after a block (or "\n\n", or nothing at the end of the input).
    bool end_of_record(std::string& tail) {
        in_.read(4, &tail);
        if (tail.empty() || tail == "\r\n\r\n") {
            return true;
        }
        if (tail.starts_with("\n\n")) {
            in_.unread(std::string_view(tail).substr(2));
            return true;
        }
        return false;
    }

    void take(const Header& header, std::string&& block) {
        if (header.type == "response") {
            take_response(header, std::move(block));
        } else if (header.type == "resource") {
            take_page(header, header.content_type, std::move(block));
        } else {
            sink_.passed_over(header.type.empty() ? "record without WARC-Type"
                                                  : header.type + " record");
        }
    }

    void take_response(const Header& header, std::string&& block) {
        if (media_type(header.content_type) != "application/http") {
            take_page(header, header.content_type, std::move(block));
            return;
        }
        const auto head = parse_http_head(block);
        if (!head) {
            fail("a response record without an HTTP response");
            return;
        }
        if (head->status < 200 || head->status > 299) {
            sink_.passed_over(fmt::format("HTTP status {}", head->status));
            return;
        }
        if (!is_html_type(head->content_type)) {
            sink_.passed_over(not_html(head->content_type));
            return;
        }
        Decoded body = decode_http_body(*head, block, max_);
        if (!body.ok()) {
            fail(body.problem);
            return;
        }
        take_page(header, head->content_type, std::move(body.data));
    }

    void take_page(const Header& header, std::string_view content_type, std::string&& html) {
        if (!is_html_type(content_type)) {
            sink_.passed_over(not_html(content_type));
            return;
        }
        sink_.page(WarcPage{header.target_uri, header.date, std::string(content_type),
                            std::move(html), where_});
    }

    ByteStream& in_;
    const WarcSink& sink_;
    std::size_t max_;
    std::size_t number_ = 0;
    std::string where_;
    bool done_ = false;
};

} // namespace

void read_warc(ByteStream& in, const WarcSink& sink, std::size_t max_record_bytes) {
    WarcReader(in, sink, max_record_bytes).run();
}

std::string peek_decompressed(std::string_view start) {
    if (start.size() < 2 || static_cast<unsigned char>(start[0]) != 0x1f ||
        static_cast<unsigned char>(start[1]) != 0x8b) {
        return std::string(start);
    }
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        return {};
    }
    std::string out(1 << 12, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(start.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(start.size(), 1 << 20));
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    inflate(&z, Z_SYNC_FLUSH);
    out.resize(out.size() - z.avail_out);
    inflateEnd(&z);
    return out;
}

bool looks_like_warc(std::string_view start) {
    return peek_decompressed(start).starts_with(kVersion);
}

} // namespace newsq::detail
