// Whole queries through the query parser, as free text and as the quote listing parses them.
#include <string>

#include <newsq/error.hpp>

#include "fuzz.hpp"
#include "search/query_builder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::string_view query = newsq::fuzz::text(data, size);
    for (const std::string prefix : {"", "XQUOTE"}) {
        try {
            newsq::detail::QueryBuilder builder(db, newsq::fuzz::kToday);
            (void)builder.parse(query, prefix).get_description();
        } catch (const newsq::Error&) {
        } catch (const Xapian::QueryParserError&) { // what the Searcher reports as query_syntax
        }
    }
    return 0;
}
