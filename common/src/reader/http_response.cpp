#include "reader/http_response.hpp"
#include <algorithm>
#include <charconv>
#include <memory>

#include <fmt/format.h>
#include <zlib.h>

#include "text.hpp"

namespace newsq::detail {

namespace {

Decoded failure(std::string problem) {
    return Decoded{{}, std::move(problem)};
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    });
    return out;
}

// "HTTP/1.1 200 OK" → 200.
std::optional<int> status_of(std::string_view line) {
    if (!line.starts_with("HTTP/")) {
        return std::nullopt;
    }
    const auto space = line.find(' ');
    if (space == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view code = line.substr(space + 1, 3);
    int status = 0;
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), status);
    if (ec != std::errc{} || end != code.data() + code.size() || code.size() != 3) {
        return std::nullopt;
    }
    return status;
}

void take_header(std::string_view line, HttpHead& head) {
    const auto field = header_field(line);
    if (!field) {
        return;
    }
    if (field->is("content-type")) {
        head.content_type = std::string(field->value);
    } else if (field->is("transfer-encoding")) {
        head.transfer_encoding = lower(field->value);
    } else if (field->is("content-encoding")) {
        head.content_encoding = lower(field->value);
    }
}

// The next line of `text` from `pos` (without "\r\n" or "\n"), moving `pos` past it.
std::optional<std::string_view> next_line(std::string_view text, std::size_t& pos) {
    const auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view line = text.substr(pos, nl - pos);
    if (line.ends_with('\r')) {
        line.remove_suffix(1);
    }
    pos = nl + 1;
    return line;
}

std::optional<std::size_t> chunk_size(std::string_view line) {
    line = trim(line.substr(0, line.find(';')));
    std::size_t size = 0;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (line.empty() || ec != std::errc{} || end != line.data() + line.size()) {
        return std::nullopt;
    }
    return size;
}

Decoded unchunk(std::string_view body, std::size_t limit) {
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        const auto line = next_line(body, pos);
        const auto size = line ? chunk_size(*line) : std::nullopt;
        if (!size) {
            return failure("damaged chunked transfer encoding");
        }
        if (*size == 0) {
            return Decoded{std::move(out), {}};
        }
        if (*size > body.size() - pos) {
            return failure("truncated chunked transfer encoding");
        }
        if (out.size() + *size > limit) {
            return failure(fmt::format("payload is over the limit of {} bytes", limit));
        }
        out.append(body.substr(pos, *size));
        pos += *size;
        if (body.substr(pos, 2) == "\r\n") {
            pos += 2;
        } else if (body.substr(pos, 1) == "\n") {
            pos += 1;
        }
    }
}

Decoded decode_content(std::string body, std::string_view coding, std::size_t limit) {
    if (coding.empty() || coding == "identity") {
        return Decoded{std::move(body), {}};
    }
    if (coding == "gzip" || coding == "x-gzip") {
        return inflate_bytes(body, 15 + 16, limit);
    }
    if (coding == "deflate") {
        Decoded zlib = inflate_bytes(body, 15, limit);
        return zlib.ok() ? zlib : inflate_bytes(body, -15, limit);
    }
    return failure(fmt::format("unsupported Content-Encoding {}", coding));
}

} // namespace

bool HeaderField::is(std::string_view n) const {
    return name.size() == n.size() &&
           std::equal(name.begin(), name.end(), n.begin(),
                      [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

std::optional<HeaderField> header_field(std::string_view line) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }
    return HeaderField{trim(line.substr(0, colon)), trim(line.substr(colon + 1))};
}

std::optional<HttpHead> parse_http_head(std::string_view message) {
    std::size_t pos = 0;
    const auto first = next_line(message, pos);
    const auto status = first ? status_of(*first) : std::nullopt;
    if (!status) {
        return std::nullopt;
    }
    HttpHead head;
    head.status = *status;
    for (;;) {
        const auto line = next_line(message, pos);
        if (!line) {
            head.body_offset = message.size();
            return head;
        }
        if (line->empty()) {
            head.body_offset = pos;
            return head;
        }
        take_header(*line, head);
    }
}

Decoded decode_http_body(const HttpHead& head, std::string_view message, std::size_t limit) {
    const std::string_view body = message.substr(head.body_offset);
    std::string content(body);
    // Some crawlers store the body already unchunked but keep the header: take it as it is.
    const std::size_t end_of_line = body.find('\n');
    if (head.transfer_encoding.find("chunked") != std::string::npos &&
        chunk_size(body.substr(0, end_of_line)).has_value()) {
        Decoded unchunked = unchunk(body, limit);
        if (!unchunked.ok()) {
            return unchunked;
        }
        content = std::move(unchunked.data);
    }
    return decode_content(std::move(content), head.content_encoding, limit);
}

std::string media_type(std::string_view content_type) {
    return lower(trim(content_type.substr(0, content_type.find(';'))));
}

bool is_html_type(std::string_view content_type) {
    const std::string type = media_type(content_type);
    return type == "text/html" || type == "application/xhtml+xml";
}

Decoded inflate_bytes(std::string_view data, int window_bits, std::size_t limit) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) {
        return failure("cannot start zlib");
    }
    const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&z, inflateEnd);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char chunk[1 << 14];
    int code = Z_OK;
    while (code == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        code = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, sizeof chunk - z.avail_out);
        if (out.size() > limit) {
            return failure(fmt::format("payload is over the limit of {} bytes", limit));
        }
    }
    if (code == Z_STREAM_END) {
        return Decoded{std::move(out), {}};
    }
    if (code == Z_BUF_ERROR) {
        return failure("truncated compressed payload");
    }
    return failure(std::string("damaged compressed payload: ") + (z.msg ? z.msg : "zlib error"));
}

} // namespace newsq::detail
