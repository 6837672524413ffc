#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "reader/byte_stream.hpp"

namespace newsq::detail {

/// A web page a WARC record holds: the HTML payload of a 2xx HTTP `response` record, or of a
/// `resource` record.
struct WarcPage {
    std::string target_uri;   ///< WARC-Target-URI
    std::string date;         ///< WARC-Date: when the page was captured
    std::string content_type; ///< the HTTP Content-Type, or the record's for a resource
    std::string html;         ///< the payload, its transfer and content codings undone
    std::string where;        ///< "record N (offset B)", as bad records name it
};

/// Receives what read_warc finds, in input order.
struct WarcSink {
    std::function<void(WarcPage&&)> page;
    /// A record that holds no article, by reason: "request record", "HTTP status 404",
    /// "not HTML: image/png".
    std::function<void(std::string_view reason)> passed_over;
    /// A record that cannot be read, as "record N (offset B): reason": N counts records from 1,
    /// B is the record's offset in the uncompressed stream, or in the input when the record
    /// starts a gzip member.
    std::function<void(std::string reason)> bad;
};

/// Reads the WARC 1.0 or 1.1 records of `in`. A record whose block is over `max_record_bytes`
/// is skipped without being held. After a bad record, reading goes on at the next line that
/// starts with `WARC/1.` or the next gzip member.
void read_warc(ByteStream& in, const WarcSink& sink, std::size_t max_record_bytes);

/// Whether `start`, the first bytes of an input, begins a WARC stream: `WARC/1.`, or a gzip
/// member whose data does.
bool looks_like_warc(std::string_view start);

/// `start` decompressed as far as it goes when it is gzip data, else `start` itself.
std::string peek_decompressed(std::string_view start);

} // namespace newsq::detail
