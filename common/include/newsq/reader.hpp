#pragma once

#include <cstddef>
#include <functional>
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
/// published (ISO 8601), source, author, body; other fields are ignored. Thread-safe.
ParseResult parse_json_article(std::string_view line, const ReadOptions& options = {});

/// Receives what `read_articles` finds, in input order.
struct ReadSink {
    std::function<void(Article&&)> article;
    std::function<void(BadRecord&&)> bad_record;
    /// When set, told the path of each file (as in BadRecord::path) before its articles.
    std::function<void(const std::string& path)> file{};
};

/// Reads every article under `paths`: files, directories (recursively: *.txt, *.jsonl,
/// *.ndjson, *.jsonl.gz; hidden entries skipped) or "-" for standard input (JSON Lines when
/// it starts with '{', else one plain-text article). Files named directly are read whatever
/// their extension. Gives each article a stable id when the input has none: its URL, else for
/// a plain-text file its path relative to the directory given (or its path as given), else a
/// hash of its content ("hash:" and 32 hex digits). Unreadable paths become bad records; nothing is
/// thrown for bad input.
void read_articles(std::span<const std::string> paths, const ReadSink& sink,
                   const ReadOptions& options = {});

/// Id derived from an article's title and body, for input that names none.
std::string content_id(const Article& article);

} // namespace newsq
