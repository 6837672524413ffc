#include <fmt/format.h>

#include "render/render.hpp"
#include "render/terminal.hpp"

namespace newsq::render {

namespace {

std::string source_line(const QuoteHit& q) {
    return dotted({std::string_view(q.published).substr(0, 10), q.source, q.id});
}

std::string summary(const QuoteRequest& request, const QuoteResults& results) {
    const std::size_t shown = results.quotes.size();
    if (shown == 0) {
        return request.offset == 0 ? "no matching quotes" : "no more matching quotes";
    }
    const std::size_t last = request.offset + shown;
    if (!results.more) {
        return request.offset == 0
                   ? fmt::format("{} quote{}", shown, plural(shown))
                   : fmt::format("{} quotes (showing {}–{})", last, request.offset + 1, last);
    }
    return fmt::format("showing quotes {}–{}; more match (--offset {})", request.offset + 1, last,
                       last);
}

} // namespace

void print_quotes_text(std::FILE* out, const QuoteRequest& request, const QuoteResults& results,
                       bool color) {
    for (const QuoteHit& q : results.quotes) {
        const std::string speaker = q.speaker.empty() ? "(speaker unknown)" : q.speaker;
        fmt::print(out, "{:>3}. {}\n", q.rank, quote_line(q.text, speaker, color));
        const std::string title = q.title.empty() ? "(no headline)" : printable(q.title);
        fmt::print(out, "     {}\n     {}\n\n", title, dim(source_line(q), color));
    }
    fmt::print(out, "{}\n", summary(request, results));
}

} // namespace newsq::render
