// The plain-text article reader.
#include <variant>

#include "readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq;
    const ParseResult parsed = parse_text_article(fuzz::text(data, size), fuzz::kReadOptions);
    if (const auto* article = std::get_if<Article>(&parsed)) {
        fuzz::check_article(*article);
    } else {
        fuzz::require(!std::get<BadRecord>(parsed).reason.empty(), "a bad record says why");
    }
    return 0;
}
