#include <fmt/format.h>

#include "render/render.hpp"

namespace newsq::render {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

std::string highlighted(const Snippet& s, bool color) {
    if (!color) {
        return s.text;
    }
    std::string out;
    std::size_t at = 0;
    for (const auto& [begin, end] : s.highlights) {
        out.append(s.text, at, begin - at);
        out += kBold;
        out.append(s.text, begin, end - begin);
        out += kReset;
        at = end;
    }
    out.append(s.text, at);
    return out;
}

std::string meta_line(const Hit& h) {
    std::string line = h.published.substr(0, 10);
    for (const std::string* part : {&h.section, &h.source}) {
        if (!part->empty()) {
            line += line.empty() ? "" : " · ";
            line += *part;
        }
    }
    line += line.empty() ? "" : " · ";
    line += h.id;
    return line;
}

std::string total_line(const SearchResults& r, std::size_t shown, std::size_t offset) {
    const bool exact = r.total_lower == r.total_upper;
    const std::string total = fmt::format("{}{} result{}", exact ? "" : "about ", r.total_estimate,
                                          r.total_estimate == 1 ? "" : "s");
    if (shown == 0) {
        return total;
    }
    return fmt::format("{} (showing {}–{})", total, offset + 1, offset + shown);
}

} // namespace

void print_text(std::FILE* out, const SearchRequest& request, const SearchResults& results,
                bool color) {
    for (const Hit& h : results.hits) {
        const std::string title = h.title.empty() ? "(no headline)" : h.title;
        if (color) {
            fmt::print(out, "{:>3}. {}{}{}\n", h.rank, kBold, title, kReset);
            fmt::print(out, "     {}{}{}\n", kDim, meta_line(h), kReset);
        } else {
            fmt::print(out, "{:>3}. {}\n     {}\n", h.rank, title, meta_line(h));
        }
        if (!h.snippet.text.empty()) {
            fmt::print(out, "     {}\n", highlighted(h.snippet, color));
        }
        fmt::print(out, "\n");
    }
    fmt::print(out, "{}\n", total_line(results, results.hits.size(), request.offset));
}

} // namespace newsq::render
