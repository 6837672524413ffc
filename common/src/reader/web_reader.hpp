#pragma once

#include <string>
#include <string_view>

#include <newsq/reader.hpp>

#include "reader/byte_stream.hpp"

namespace newsq::detail {

/// Whether `start`, the first bytes of an input (decompressed), begins an HTML page: after
/// white space and a byte order mark, `<!doctype html` or `<html`, in any case.
bool looks_like_html(std::string_view start);

/// The article of one HTML page read from `path`; `origin` is where it came from (a URL or the
/// file's path, "" when unknown). Its id is its canonical URL, else a hash of its content.
void read_html_page(std::string_view html, const std::string& path, std::string_view origin,
                    const ReadSink& sink, const ReadOptions& options);

/// Reads `in` whole as one HTML page (see read_html_page), if it is within the size limit.
void read_html_stream(ByteStream& in, const std::string& path, std::string_view origin,
                      const ReadSink& sink, const ReadOptions& options);

/// Gives the article of each HTML page of the WARC records in `in`; the records that hold no
/// article are passed over, the others are bad records of `path`.
void read_warc_articles(ByteStream& in, const std::string& path, const ReadSink& sink,
                        const ReadOptions& options);

} // namespace newsq::detail
