#include <fmt/format.h>

#include "render/render.hpp"

namespace newsq::render {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

// `text` with control characters (C0, DEL, C1) replaced by spaces, so article data cannot
// move the cursor, clear the screen or ring the bell.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F || c1) {
            out += ' ';
            i += c1 ? 1 : 0;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string highlighted(const Snippet& s, bool color) {
    if (!color) {
        return printable(s.text);
    }
    const std::string_view text = s.text;
    std::string out;
    std::size_t at = 0;
    for (const auto& [begin, end] : s.highlights) {
        out += printable(text.substr(at, begin - at));
        out += kBold;
        out += printable(text.substr(begin, end - begin));
        out += kReset;
        at = end;
    }
    out += printable(text.substr(at));
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
    return printable(line);
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
        const std::string title = h.title.empty() ? "(no headline)" : printable(h.title);
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
