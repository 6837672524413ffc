#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include <newsq/article.hpp>
#include <newsq/search.hpp>

namespace newsq::render {

/// Version of the JSON output contract (documented in the README). Fields may be added
/// within a version; removing, renaming or changing the meaning of one bumps it.
inline constexpr int kJsonFormatVersion = 1;

/// How text output looks.
struct TextStyle {
    bool color = false;     ///< bold highlights and dim metadata (terminal escapes)
    std::size_t width = 60; ///< columns for the timeline chart
};

/// Human-readable results: hits with their matching quotes, then facets and the timeline when
/// asked; highlights in bold with `style.color`, plain otherwise.
void print_text(std::FILE* out, const SearchRequest& request, const SearchResults& results,
                const TextStyle& style);

/// One hit as a JSON object (the element of "hits"; highlight offsets in code points).
nlohmann::json hit_json(const Hit& hit);

/// Prints a JSON document, indented, invalid UTF-8 replaced.
void print_json(std::FILE* out, const nlohmann::json& doc);

/// The whole result page as one JSON document.
nlohmann::json search_json(const SearchRequest& request, const SearchResults& results);

/// Header line of the CSV export.
void print_csv_header(std::FILE* out);

/// One CSV record (RFC 4180 quoting).
void print_csv_hit(std::FILE* out, const Hit& hit);

/// One stored article for `newsq show`: metadata, body, entities by type, quotes.
void print_article_text(std::FILE* out, const Article& article, bool color);

/// The same as one JSON document.
nlohmann::json article_json(const Article& article);

/// `newsq similar ID --json`: the article's cluster and its copies with their similarity.
nlohmann::json similar_json(std::string_view id, const SimilarResults& results);

/// `newsq similar ID`: one line per copy, most similar first.
void print_similar_text(std::FILE* out, std::string_view id, const SimilarResults& results);

/// A page of quotes for `newsq quotes`.
void print_quotes_text(std::FILE* out, const QuoteRequest& request, const QuoteResults& results,
                       bool color);

/// The same as one JSON document.
nlohmann::json quotes_json(const QuoteRequest& request, const QuoteResults& results);

} // namespace newsq::render
