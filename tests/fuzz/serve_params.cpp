// The parameters of `newsq serve`'s /api/search and /api/quotes, given as a decoded query
// string (key=value pairs separated by '&'), run on the index of tests/fixtures/articles.
#include <map>
#include <string>

#include <newsq/error.hpp>
#include <newsq/search.hpp>

#include "fuzz.hpp"
#include "serve/params.hpp"

namespace {

newsq::serve::Params params_of(std::string_view query) {
    std::multimap<std::string, std::string> values;
    while (!query.empty()) {
        const std::string_view pair = query.substr(0, query.find('&'));
        query.remove_prefix(std::min(query.size(), pair.size() + 1));
        const auto equals = pair.find('=');
        values.emplace(pair.substr(0, equals),
                       equals == std::string_view::npos ? "" : pair.substr(equals + 1));
    }
    return newsq::serve::Params(std::move(values));
}

// Runs one request as the server does: a refused or failed request is an answer, but never an
// internal error (HTTP 500).
template <class F>
void answer(F&& request) {
    try {
        request();
    } catch (const newsq::serve::BadRequest&) {
    } catch (const newsq::Error& e) {
        newsq::fuzz::require_client_error(e);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static newsq::Searcher searcher(newsq::fuzz::fixture_index());
    const newsq::serve::Params params = params_of(newsq::fuzz::text(data, size));
    answer([&] { (void)searcher.search(newsq::serve::search_request(params)); });
    answer([&] { (void)searcher.quotes(newsq::serve::quote_request(params)); });
    return 0;
}
