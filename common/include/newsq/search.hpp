#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newsq {

/// Result order.
enum class SortOrder {
    relevance, ///< BM25 score, best first
    date,      ///< newest first
};

/// A filter on a boolean field of the schema (section, source, host, url, id), matched
/// case-insensitively like `field:value` in a query.
struct Filter {
    std::string field;
    std::string value;
};

/// One search. Dates accept what `date:` accepts in queries: 2022-03-01, 2022-03, 2022,
/// today, yesterday, or a relative 7d / 2w / 3m / 1y (that long before today).
struct SearchRequest {
    std::string query;                  ///< query string; empty matches everything
    std::optional<std::string> since{}; ///< earliest publication date, inclusive
    std::optional<std::string> until{}; ///< latest publication date, inclusive
    std::vector<Filter> filters{};      ///< values of one field are OR-ed, different fields AND-ed
    SortOrder sort = SortOrder::relevance;
    std::size_t offset = 0;          ///< hits to skip
    std::size_t limit = 10;          ///< hits to return
    bool snippets = true;            ///< compute snippets (off for id-only exports)
    std::size_t snippet_chars = 240; ///< target snippet length in bytes
};

/// A piece of text with highlighted ranges.
struct Snippet {
    std::string text; ///< plain text; "…" marks cut ends
    std::vector<std::pair<std::size_t, std::size_t>> highlights; ///< [begin, end) byte offsets

    bool operator==(const Snippet&) const = default;
};

/// One matching article.
struct Hit {
    std::size_t rank = 0; ///< 1-based position in the whole result list
    double score = 0;     ///< BM25 weight (0 when sorted by date only)
    std::string id, title, section, source, author, url, published;
    Snippet snippet;
};

/// The page of results for one request.
struct SearchResults {
    std::string parsed; ///< the query as Xapian parsed it (Query::get_description)
    std::size_t total_estimate = 0;
    std::size_t total_lower = 0; ///< bounds of the estimate
    std::size_t total_upper = 0;
    std::vector<Hit> hits;
};

/// Searches an index. Opening is cheap; reopen per request or keep one per thread: a Searcher
/// is not thread-safe. It reopens the database by itself when a writer changes it under it.
class Searcher {
public:
    /// Opens the index in `dir` for reading.
    /// Throws Error (index_not_found, index_corrupt, schema_mismatch).
    explicit Searcher(const std::filesystem::path& dir);

    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    ~Searcher();

    /// Runs one request. Throws Error (query_syntax naming the problem and its position,
    /// invalid_argument for a bad date).
    SearchResults search(const SearchRequest& request);

    /// Calls `on_hit` for every match from `request.offset` on, at most `request.limit` of
    /// them, fetching in pages so memory stays flat. Returns the number of hits given.
    std::size_t for_each_hit(const SearchRequest& request,
                             const std::function<void(const Hit&)>& on_hit);

    /// The query as parsed, without running it. Throws like `search`.
    std::string explain(const SearchRequest& request);

    /// Number of articles in the index.
    std::size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newsq
