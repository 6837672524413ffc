// The HTML article extractor on any bytes: a page in any charset, or none, with the URL and
// Content-Type a WARC record would give.
#include <stdexcept>
#include <string>

#include "fuzz.hpp"
#include "html/page.hpp"

namespace {

void check_text(const std::string& text, std::string_view what) {
    newsq::fuzz::require(newsq::fuzz::valid_utf8(text), what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsq::fuzz::require;
    const std::string_view input = newsq::fuzz::text(data, size);
    // The first line, when it starts with "text/", is the Content-Type header.
    auto [first, rest] = newsq::fuzz::split_line(input);
    newsq::detail::PageOrigin origin;
    origin.url = "https://fuzz.example/2024/01/02/page.html";
    if (first.starts_with("text/")) {
        origin.content_type = first;
    } else {
        rest = input;
    }
    try {
        const newsq::detail::WebPage page = newsq::detail::extract_page(rest, origin);
        require(!page.body.empty(), "a page extracted has a body");
        require(page.body.find("\n\n\n") == std::string::npos, "one blank line between paragraphs");
        require(page.body.front() != ' ' && page.body.back() != ' ', "the body is trimmed");
        for (const std::string* field : {&page.title, &page.published, &page.author, &page.section,
                                         &page.source, &page.url, &page.language, &page.body}) {
            check_text(*field, "every field is UTF-8");
        }
    } catch (const std::runtime_error&) {
        // not HTML, an unknown charset or no article text: each said in the message
    }
    return 0;
}
