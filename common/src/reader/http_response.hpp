#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsq::detail {

/// The head of an HTTP/1.x response as a WARC `response` record holds it.
struct HttpHead {
    int status = 0;
    std::string content_type;      ///< the Content-Type header, "" when none
    std::string transfer_encoding; ///< lower case, "" when none
    std::string content_encoding;  ///< lower case, "" when none
    std::size_t body_offset = 0;   ///< where the body starts in the message
};

/// Bytes decoded, or why they could not be.
struct Decoded {
    std::string data;
    std::string problem; ///< "" when decoded

    bool ok() const { return problem.empty(); }
};

/// A "Name: value" line of an HTTP or WARC header, both trimmed.
struct HeaderField {
    std::string_view name;
    std::string_view value;

    /// Whether the field is named `n`, in any case.
    bool is(std::string_view n) const;
};

/// The field a header line holds; nothing when it has no colon.
std::optional<HeaderField> header_field(std::string_view line);

/// Parses the status line and headers of `message`; nothing when it is no HTTP response.
std::optional<HttpHead> parse_http_head(std::string_view message);

/// The body of `message` with its transfer coding (chunked) and content coding (gzip, deflate)
/// undone, or why it cannot be: an unknown coding, damaged data, more than `limit` bytes.
Decoded decode_http_body(const HttpHead& head, std::string_view message, std::size_t limit);

/// The media type of a Content-Type value: lower case, without parameters or spaces.
std::string media_type(std::string_view content_type);

/// Whether a Content-Type value names HTML (text/html or application/xhtml+xml).
bool is_html_type(std::string_view content_type);

/// Decompresses gzip or zlib data (`window_bits` as zlib's inflateInit2 takes them) into at
/// most `limit` bytes; the reason when it cannot.
Decoded inflate_bytes(std::string_view data, int window_bits, std::size_t limit);

} // namespace newsq::detail
