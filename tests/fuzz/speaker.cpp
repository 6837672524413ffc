// Speaker names, as `newsq quotes --speaker` and the API's `speaker` parameter take them.
#include <newsq/error.hpp>

#include "fuzz.hpp"
#include "search/quote_match.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)newsq::detail::speaker_filter(newsq::fuzz::text(data, size)).get_description();
    } catch (const newsq::Error& e) {
        newsq::fuzz::require(e.code() == newsq::ErrorCode::invalid_argument,
                             "a bad speaker is an invalid argument");
    }
    return 0;
}
