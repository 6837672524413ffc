// Writes WARC records and HTTP responses, plain or gzip-compressed, for the tests.
#pragma once

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <zlib.h>

namespace newsq::test {

/// `data` compressed as one gzip member.
inline std::string gzip(std::string_view data) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int code = deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (code != Z_STREAM_END) {
        throw std::runtime_error("deflate failed");
    }
    return out;
}

/// `body` in the chunked transfer coding, in pieces of `piece` bytes.
inline std::string chunked(std::string_view body, std::size_t piece) {
    std::string out;
    for (std::size_t pos = 0; pos < body.size(); pos += piece) {
        const std::string_view part = body.substr(pos, piece);
        out += fmt::format("{:x}\r\n{}\r\n", part.size(), part);
    }
    return out + "0\r\n\r\n";
}

/// An HTTP/1.1 response; `headers` are more header lines, each ending in "\r\n".
inline std::string http_response(int status, std::string_view content_type, std::string_view body,
                                 std::string_view headers = "") {
    return fmt::format("HTTP/1.1 {} Status\r\nContent-Type: {}\r\n{}\r\n{}", status, content_type,
                       headers, body);
}

/// One WARC record; `length` overrides the Content-Length it gives.
inline std::string warc_record(std::string_view type, std::string_view uri,
                               std::string_view content_type, std::string_view block,
                               std::optional<std::size_t> length = std::nullopt,
                               std::string_view version = "WARC/1.1") {
    std::string head = fmt::format("{}\r\nWARC-Type: {}\r\n", version, type);
    if (!uri.empty()) {
        head += fmt::format("WARC-Target-URI: {}\r\n", uri);
    }
    head += "WARC-Date: 2024-05-02T10:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:8c1f6e0a-0000-4000-8000-000000000000>\r\n";
    if (!content_type.empty()) {
        head += fmt::format("Content-Type: {}\r\n", content_type);
    }
    head += fmt::format("Content-Length: {}\r\n\r\n", length.value_or(block.size()));
    return head + std::string(block) + "\r\n\r\n";
}

/// A `response` record holding an HTTP response.
inline std::string response_record(std::string_view uri, std::string_view http) {
    return warc_record("response", uri, "application/http; msgtype=response", http);
}

/// A WARC's first record.
inline std::string warcinfo_record() {
    return warc_record("warcinfo", "", "application/warc-fields",
                       "software: newsq tests\r\nformat: WARC File Format 1.1\r\n");
}

/// A news page whose body names `words`.
inline std::string news_page(std::string_view title, std::string_view words,
                             std::string_view canonical = "") {
    const std::string link =
        canonical.empty() ? "" : fmt::format("<link rel=\"canonical\" href=\"{}\">", canonical);
    return fmt::format(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{0}</title>{1}"
        "<meta property=\"article:published_time\" content=\"2024-05-01T08:00:00Z\">"
        "</head><body><article><h1>{0}</h1>"
        "<p>{2} The council met on Tuesday evening and voted after a long debate about "
        "the new plan for the harbour district and its ferries.</p>"
        "<p>Residents said they welcomed the decision, which follows two years of "
        "consultation with local businesses and the port authority.</p>"
        "</article></body></html>",
        title, link, words);
}

/// Writes `data` to `path`.
inline void write_file(const std::filesystem::path& path, std::string_view data) {
    std::ofstream out(path, std::ios::binary);
    out << data;
}

/// A ByteSource giving `data` at most `step` bytes at a time.
inline auto string_source(std::string data, std::size_t step) {
    return [data = std::move(data), step, pos = std::size_t{0}](std::span<char> buffer) mutable {
        const std::size_t n = std::min({step, buffer.size(), data.size() - pos});
        std::memcpy(buffer.data(), data.data() + pos, n);
        pos += n;
        return n;
    };
}

} // namespace newsq::test
