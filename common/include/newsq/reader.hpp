#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include <newsq/article.hpp>

namespace newsq {

/// A record the reader could not use. Bad input is data, not an exception: the caller reports
/// it as `path:line: reason` and goes on.
struct BadRecord {
    std::string path; ///< file as given (or below a directory given); "-" for standard input
    std::size_t line; ///< 1-based line where the problem is; 0 when it concerns the whole file
    std::string reason;
};

/// Either a parsed article or why the input was rejected (line relative to the input, 1-based).
using ParseResult = std::variant<Article, BadRecord>;

/// Limits applied while reading.
struct ReadOptions {
    std::size_t max_article_bytes = 8 * 1024 * 1024; ///< larger articles are rejected
};

/// Parses one article in the plain-text layout: optional `Key: value` header lines (Id, Date,
/// Source, URL, Author), an optional section line, an optional headline, then body paragraphs
/// separated by blank lines. The id is left empty unless the header gives one. Thread-safe.
ParseResult parse_text_article(std::string_view text, const ReadOptions& options = {});

/// Parses one JSON Lines record: an object with string fields id, url, title, section,
/// published (ISO 8601), source, author, body, language; other fields are ignored. Thread-safe.
ParseResult parse_json_article(std::string_view line, const ReadOptions& options = {});

/// Receives what `read_articles` finds, in input order.
struct ReadSink {
    std::function<void(Article&&)> article;
    std::function<void(BadRecord&&)> bad_record;
    /// When set, told the path of each file (as in BadRecord::path) before its articles.
    std::function<void(const std::string& path)> file{};
    /// When set, told of each record passed over as no article, by reason: a WARC's
    /// "request record", "warcinfo record", "HTTP status 404", "not HTML: image/png"…
    std::function<void(std::string_view reason)> passed_over{};
    /// When set, told of the bytes of input consumed since it was last told, as reading goes
    /// on: bytes read from the file (compressed bytes for a gzip file) or standard input. A
    /// file counts as consumed in full once it has been read or skipped, so the bytes of the
    /// files add up to `input_size`.
    std::function<void(std::uint64_t bytes)> consumed{};
};

/// Reads every article under `paths`: files, directories (recursively: *.txt, *.jsonl,
/// *.ndjson, *.jsonl.gz, *.html, *.htm, *.html.gz, *.htm.gz, *.warc, *.warc.gz; hidden entries
/// skipped) or "-" for standard input (a WARC stream when it starts with `WARC/1.`, an HTML page
/// when it starts with `<!doctype html` or `<html`, JSON Lines when it starts with '{', else one
/// plain-text article; any of them possibly gzip-compressed). Files named directly are read by
/// their extension, as plain text when it is none of these. An HTML file is one article; a WARC
/// file gives one article per HTML page of a 2xx `response` or a `resource` record, the other
/// records being passed over. A web page's id is its canonical URL (an HTML file without one:
/// its path, as for a plain-text file). Gives each other article a stable id when the input has
/// none: its URL, else for a plain-text file its path relative to the directory given (or its
/// path as given), else a hash of its content ("hash:" and 32 hex digits). Unreadable paths
/// become bad records; nothing is thrown for bad input.
void read_articles(std::span<const std::string> paths, const ReadSink& sink,
                   const ReadOptions& options = {});

/// The sum of the sizes on disk of the files `read_articles` reads under `paths`; nullopt when
/// one of them is "-" (standard input, whose size is unknown before it is read).
std::optional<std::uint64_t> input_size(std::span<const std::string> paths);

/// Id derived from an article's title and body, for input that names none.
std::string content_id(const Article& article);

} // namespace newsq
