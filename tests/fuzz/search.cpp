// Whole queries through the public Searcher on the index of tests/fixtures/articles: search
// with snippets, quotes, facets and a timeline, and the quote listing.
#include <newsq/error.hpp>
#include <newsq/search.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static newsq::Searcher searcher(newsq::fuzz::fixture_index());
    const std::string query(newsq::fuzz::text(data, size));
    try {
        (void)searcher.search({.query = query,
                               .quote_chars = 40,
                               .facets = 3,
                               .timeline = newsq::TimeUnit::week,
                               .timeline_max_buckets = 60});
    } catch (const newsq::Error& e) {
        newsq::fuzz::require_client_error(e);
    }
    try {
        (void)searcher.quotes({.query = query});
    } catch (const newsq::Error& e) {
        newsq::fuzz::require_client_error(e);
    }
    return 0;
}
