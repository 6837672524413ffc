#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/render.hpp"
#include "render/terminal.hpp"

namespace newsq::render {

namespace {

constexpr std::size_t kQuotesPerHit = 2;

std::string meta_line(const Hit& h) {
    return dotted({std::string_view(h.published).substr(0, 10), h.section, h.source, h.id});
}

std::string total_line(const SearchResults& r, std::size_t shown, std::size_t offset) {
    const bool exact = r.total_lower == r.total_upper;
    const std::string total = fmt::format("{}{} result{}", exact ? "" : "about ", r.total_estimate,
                                          plural(r.total_estimate));
    if (shown == 0) {
        return total;
    }
    return fmt::format("{} (showing {}–{})", total, offset + 1, offset + shown);
}

// The quotes of a hit that hold a match, at most kQuotesPerHit of them.
void print_hit_quotes(std::FILE* out, const Hit& h, bool color) {
    std::size_t matched = 0;
    for (const HitQuote& q : h.quotes) {
        if (q.matched && ++matched <= kQuotesPerHit) {
            fmt::print(out, "     {}\n", quote_line(q.text, q.speaker, color));
        }
    }
    if (matched > kQuotesPerHit) {
        const std::size_t more = matched - kQuotesPerHit;
        fmt::print(out, "     {}\n",
                   dim(fmt::format("(+{} more matching quote{})", more, plural(more)), color));
    }
}

// "+2 similar: a, b, …" for a hit standing for its duplicate cluster.
std::string similar_line(const Cluster& c) {
    constexpr std::size_t kShown = 3;
    std::string ids;
    for (std::size_t i = 0; i < std::min(kShown, c.copies.size()); ++i) {
        ids += fmt::format("{}{}", i == 0 ? "" : ", ", printable(c.copies[i]));
    }
    return fmt::format("+{} similar: {}{}", c.size - 1, ids, c.size - 1 > kShown ? ", …" : "");
}

void print_hit(std::FILE* out, const Hit& h, bool color) {
    const std::string title = h.title.empty() ? "(no headline)" : printable(h.title);
    if (color) {
        fmt::print(out, "{:>3}. {}{}{}\n", h.rank, kBold, title, kReset);
    } else {
        fmt::print(out, "{:>3}. {}\n", h.rank, title);
    }
    fmt::print(out, "     {}\n", dim(meta_line(h), color));
    if (!h.snippet.text.empty()) {
        fmt::print(out, "     {}\n", highlighted(h.snippet, color));
    }
    print_hit_quotes(out, h, color);
    if (h.cluster) {
        fmt::print(out, "     {}\n", dim(similar_line(*h.cluster), color));
    }
    fmt::print(out, "\n");
}

void print_facets(std::FILE* out, const std::vector<Facet>& facets) {
    fmt::print(out, "\nFacets\n");
    for (const Facet& f : facets) {
        if (f.values.empty()) {
            continue;
        }
        std::string line;
        for (const FacetValue& v : f.values) {
            line += fmt::format("{}{} {}{}", line.empty() ? "" : " · ", printable(v.value),
                                f.exact ? "" : "~", v.count);
        }
        if (f.distinct > f.values.size()) {
            line += fmt::format(" · (+{} more)", f.distinct - f.values.size());
        }
        fmt::print(out, "  {:<13} {}\n", f.name, line);
    }
}

std::string bar(std::size_t count, std::size_t most, std::size_t width) {
    if (count == 0) {
        return {};
    }
    const double share = static_cast<double>(count) / static_cast<double>(most);
    const auto cells = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::lround(share * static_cast<double>(width))));
    std::string out;
    for (std::size_t i = 0; i < cells; ++i) {
        out += "\u2588";
    }
    return out;
}

void print_timeline(std::FILE* out, TimeUnit asked, const Timeline& t, std::size_t width) {
    fmt::print(out, "\nTimeline by {}", to_string(t.unit));
    if (t.unit != asked) {
        fmt::print(out, " (by {} it would be too long)", to_string(asked));
    }
    fmt::print(out, "\n");
    std::size_t most = 0;
    std::size_t label = 0;
    for (const TimelineBucket& b : t.buckets) {
        most = std::max(most, b.count);
        label = std::max(label, b.period.size());
    }
    if (t.buckets.empty()) {
        fmt::print(out, "  (no dated matches)\n");
    }
    const std::size_t digits = fmt::formatted_size("{}", most);
    // "  label  bar count": keep at least a few cells for the bar.
    const std::size_t used = 2 + label + 2 + 1 + digits;
    const std::size_t cells = width > used + 10 ? width - used : 10;
    for (const TimelineBucket& b : t.buckets) {
        const std::string drawn = bar(b.count, most, cells);
        fmt::print(out, "  {:<{}}  {}{}{}\n", b.period, label, drawn, drawn.empty() ? "" : " ",
                   b.count);
    }
    if (t.undated > 0) {
        fmt::print(out, "  undated: {}\n", t.undated);
    }
}

} // namespace

void print_text(std::FILE* out, const SearchRequest& request, const SearchResults& results,
                const TextStyle& style) {
    for (const Hit& h : results.hits) {
        print_hit(out, h, style.color);
    }
    fmt::print(out, "{}\n", total_line(results, results.hits.size(), request.offset));
    if (results.suggestion) {
        fmt::print(out, "Did you mean: {}\n", *results.suggestion);
    }
    for (const std::string& note : results.notes) {
        fmt::print(out, "Note: {}\n", note);
    }
    if (request.facets > 0) {
        print_facets(out, results.facets);
    }
    if (request.timeline && results.timeline) {
        print_timeline(out, *request.timeline, *results.timeline, style.width);
    }
}

} // namespace newsq::render
