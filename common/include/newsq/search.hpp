#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <newsq/article.hpp>
#include <newsq/schema.hpp>

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

/// Periods of a timeline. Weeks are ISO 8601 weeks (Monday to Sunday, numbered in the year
/// of their Thursday).
enum class TimeUnit { day, week, month, year };

/// "day", "week", "month" or "year".
std::string_view to_string(TimeUnit unit);

/// The unit named `name`, if any.
std::optional<TimeUnit> time_unit(std::string_view name);

/// One search. Dates accept what `date:` accepts in queries: 2022-03-01, 2022-03, 2022,
/// today, yesterday, or a relative 7d / 2w / 3m / 1y (that long before today).
struct SearchRequest {
    std::string query{};                ///< query string; empty matches everything
    std::optional<std::string> since{}; ///< earliest publication date, inclusive
    std::optional<std::string> until{}; ///< latest publication date, inclusive
    std::vector<Filter> filters{};      ///< values of one field are OR-ed, different fields AND-ed
    SortOrder sort = SortOrder::relevance;
    std::size_t offset = 0;          ///< hits to skip
    std::size_t limit = 10;          ///< hits to return
    bool snippets = true;            ///< compute snippets (off for id-only exports)
    bool clusters = true;            ///< look up each hit's duplicate cluster (Hit::cluster)
    std::size_t snippet_chars = 240; ///< target snippet length in bytes
    std::size_t quote_chars = 0;     ///< quotes longer than this are cut around their first
                                     ///< match ("…"); 0 keeps them whole
    std::size_t facets = 0;          ///< top values counted per facet; 0: no facets
    /// Facets of more matches than this are counted on a sample of about this many and scaled,
    /// with bounds (Facet::exact is then false, and a note says so); 0: count every match.
    std::size_t facet_sample = 2000;
    std::optional<TimeUnit> timeline{};   ///< count matches per period of this unit
    std::size_t timeline_max_buckets = 0; ///< when the timeline would be longer, use the next
                                          ///< coarser unit that fits; 0: no limit
    bool collapse = true; ///< one hit per duplicate cluster (the best-ranked copy); false: all.
                          ///< Facets and timeline count every matching copy either way.
};

/// A piece of text with highlighted ranges.
struct Snippet {
    std::string text{}; ///< plain text; "…" marks cut ends
    std::vector<std::pair<std::size_t, std::size_t>> highlights{}; ///< [begin, end) byte offsets

    bool operator==(const Snippet&) const = default;
};

/// A quote of a matching article, highlighted where it holds a word or phrase of the query
/// (free text or `quote:`).
struct HitQuote {
    Snippet text;         ///< the quote (cut as SearchRequest::quote_chars says), highlighted
    std::string speaker;  ///< canonical name, empty when unknown
    bool matched = false; ///< the quote holds a highlighted word or phrase

    bool operator==(const HitQuote&) const = default;
};

/// The duplicate cluster of an article that has copies in the index.
struct Cluster {
    std::string key;                 ///< the cluster's id
    std::string canonical;           ///< id of its canonical article: the earliest published
                                     ///< (by day); among equals, one with a headline and a section
    std::size_t size = 0;            ///< articles in the cluster, this one included
    std::vector<std::string> copies; ///< ids of its other members, canonical first, at most 20

    bool operator==(const Cluster&) const = default;
};

/// One matching article.
struct Hit {
    std::size_t rank = 0; ///< 1-based position in the whole result list
    double score = 0;     ///< BM25 weight (0 when sorted by date only)
    std::string id, title, section, source, author, url, published;
    Snippet snippet{};
    std::vector<Entity> entities{};   ///< as the analysis found them, sorted by type and name
    std::vector<HitQuote> quotes{};   ///< every quote of the article, in text order
    std::optional<Cluster> cluster{}; ///< when the article has copies in the index
    std::string language{};           ///< as the input declared it, e.g. "en"
};

/// An article's copy in the index, for `Searcher::similar`.
struct SimilarArticle {
    std::string id, title, published;
    double similarity = 0;  ///< estimated Jaccard similarity of the two fingerprints
    bool canonical = false; ///< the canonical article of the cluster
};

/// What `Searcher::similar` finds for one article.
struct SimilarResults {
    std::optional<Cluster> cluster;       ///< the article's cluster, when it has copies
    std::vector<SimilarArticle> articles; ///< its copies, most similar first
};

/// One value of a facet and the number of matching articles that have it.
struct FacetValue {
    std::string value; ///< as displayed (original case)
    std::size_t count = 0;
    /// When the count is an estimate (see Facet::exact), the bounds of its 95% interval.
    std::optional<std::pair<std::size_t, std::size_t>> bounds{};

    bool operator==(const FacetValue&) const = default;
};

/// The most frequent values of one facet over the whole matching set.
struct Facet {
    std::string name;               ///< section, source, person, organization, place, speaker
    std::vector<FacetValue> values; ///< most frequent first, ties by value
    std::size_t distinct = 0;       ///< number of different values, shown or not (of those
                                    ///< counted, when the counts are estimates)
    bool exact = true; ///< false: counted over a sample of the matches and scaled (see notes)

    bool operator==(const Facet&) const = default;
};

/// Matches in one period.
struct TimelineBucket {
    std::string period; ///< 2022-03-17, 2022-W11, 2022-03 or 2022
    std::size_t count = 0;

    bool operator==(const TimelineBucket&) const = default;
};

/// Matches per period over the whole matching set, from the first period with a match to the
/// last, empty periods included.
struct Timeline {
    TimeUnit unit = TimeUnit::month; ///< the unit used (coarser than asked when capped)
    std::vector<TimelineBucket> buckets{};
    std::size_t undated = 0; ///< matching articles without a publication date

    bool operator==(const Timeline&) const = default;
};

/// The page of results for one request.
struct SearchResults {
    std::string parsed; ///< the query as Xapian parsed it (Query::get_description)
    std::size_t total_estimate = 0;
    std::size_t total_lower = 0; ///< bounds of the estimate
    std::size_t total_upper = 0;
    /// The query with each word the index does not hold replaced by the nearest one it holds
    /// ("Did you mean"), when there is such a word; from the words of articles indexed by this
    /// version (an index built before it has no spelling dictionary until a rebuild).
    std::optional<std::string> suggestion{};
    /// What this search could not do, in a sentence each, e.g. spelling suggestions over an
    /// index with remote shards (which Xapian's remote backend does not offer).
    std::vector<std::string> notes{};
    std::vector<Hit> hits;
    std::vector<Facet> facets{};        ///< when asked: one per kFacetNames entry, in that order
    std::optional<Timeline> timeline{}; ///< when asked
};

/// A listing of quotes. The query is searched in the text of quotes: plain words and phrases
/// mean `quote:` words and phrases (so a phrase lies inside one quote), and field filters
/// (`section:`, `date:`, `person:`…) apply to the quote's article. Only quotes that match
/// themselves are listed, not every quote of a matching article.
struct QuoteRequest {
    std::string query{};                  ///< empty: every quote
    std::optional<std::string> speaker{}; ///< only quotes of this speaker: a surname or full
                                          ///< name, as `speaker:` matches it
    std::optional<std::string> since{};   ///< as in SearchRequest
    std::optional<std::string> until{};
    std::vector<Filter> filters{};
    SortOrder sort = SortOrder::relevance; ///< order of the articles; quotes of one article
                                           ///< stay in text order
    std::size_t offset = 0;                ///< quotes to skip
    std::size_t limit = 20;                ///< quotes to return
};

/// One matching quote and where it comes from.
struct QuoteHit {
    std::size_t rank = 0;                     ///< 1-based position in the whole listing
    Snippet text;                             ///< the whole quote, matches highlighted
    std::string speaker;                      ///< canonical name, empty when unknown
    std::string id, title, source, published; ///< of the article
};

/// A page of matching quotes.
struct QuoteResults {
    std::string parsed;           ///< the query as Xapian parsed it
    std::vector<QuoteHit> quotes; ///< in article order, then text order
    bool more = false;            ///< more quotes match after this page
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

    /// The copies of the article with this id: the other members of its duplicate cluster and
    /// any other near-duplicate, with their similarity to it. Nothing when there is no such id.
    std::optional<SimilarResults> similar(std::string_view id);

    /// The stored article with this id (clean body, entities, quotes), if any.
    /// Throws Error (index_corrupt) on unreadable stored data.
    std::optional<Article> article(std::string_view id);

    /// Lists the quotes matching `request`, reading the matching articles in order until the
    /// page is full. Throws like `search`, and Error (invalid_argument) for a speaker with no
    /// word in it.
    QuoteResults quotes(const QuoteRequest& request);

    /// Number of articles in the index, as of its last commit.
    std::size_t size();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newsq
