// Date expressions, as `date:` takes them, and date points, as --since and --until take them.
#include "search/dates.hpp"

#include <newsq/error.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq::detail;
    const std::string_view expr = newsq::fuzz::text(data, size);
    try {
        (void)date_filter(parse_date_expression(expr, newsq::fuzz::kToday)).get_description();
    } catch (const newsq::Error&) {
    }
    try {
        (void)date_filter(parse_date_point(expr, newsq::fuzz::kToday)).get_description();
    } catch (const newsq::Error&) {
    }
    return 0;
}
