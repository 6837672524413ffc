#include "serve/params.hpp"
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace newsq::serve {

namespace {

// Offsets past these are refused: deep pages cost the whole ranking (and, for quotes, reading
// every article before them), and nobody reads them.
constexpr std::size_t kMaxOffset = 10'000;
constexpr std::size_t kMaxQuoteOffset = 1'000;
constexpr std::size_t kMaxFacetValues = 50;
// A timeline longer than this uses a coarser unit.
constexpr std::size_t kTimelineBuckets = 120;

SortOrder sort_order(const Params& p) {
    const std::string sort = p.text("sort").value_or("relevance");
    if (sort == "relevance") {
        return SortOrder::relevance;
    }
    if (sort == "date") {
        return SortOrder::date;
    }
    throw BadRequest(fmt::format("sort must be relevance or date, not \"{}\"", sort));
}

template <class Request>
void common_fields(const Params& p, Request& r, std::size_t max_offset) {
    r.query = p.text("q").value_or("");
    r.since = p.text("since");
    r.until = p.text("until");
    for (const char* field : {"section", "source", "lang"}) {
        for (std::string& value : p.list(field)) {
            r.filters.push_back({field, std::move(value)});
        }
    }
    r.sort = sort_order(p);
    r.offset = p.number("offset", 0, max_offset);
}

} // namespace

Params::Params(std::multimap<std::string, std::string> values)
    : values_(values.begin(), values.end()) {}

void Params::only(std::initializer_list<std::string_view> known) const {
    for (const auto& [name, value] : values_) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            throw BadRequest(fmt::format("unknown parameter \"{}\"", name));
        }
    }
}

std::optional<std::string> Params::text(std::string_view name) const {
    const auto [first, last] = values_.equal_range(name);
    if (first == last) {
        return std::nullopt;
    }
    if (std::next(first) != last) {
        throw BadRequest(fmt::format("parameter \"{}\" is given more than once", name));
    }
    return first->second;
}

std::string Params::required(std::string_view name) const {
    std::optional<std::string> value = text(name);
    if (!value || value->empty()) {
        throw BadRequest(fmt::format("parameter \"{}\" is required", name));
    }
    return std::move(*value);
}

std::vector<std::string> Params::list(std::string_view name) const {
    std::vector<std::string> out;
    const auto [first, last] = values_.equal_range(name);
    for (auto it = first; it != last; ++it) {
        out.push_back(it->second);
    }
    return out;
}

std::size_t Params::number(std::string_view name, std::size_t fallback, std::size_t max) const {
    const std::optional<std::string> value = text(name);
    if (!value) {
        return fallback;
    }
    std::size_t n = 0;
    const char* end = value->data() + value->size();
    const auto [stop, error] = std::from_chars(value->data(), end, n);
    if (value->empty() || error != std::errc() || stop != end || n > max) {
        throw BadRequest(fmt::format("parameter \"{}\" must be a whole number from 0 to {}, not "
                                     "\"{}\"",
                                     name, max, *value));
    }
    return n;
}

bool Params::flag(std::string_view name, bool fallback) const {
    const std::optional<std::string> value = text(name);
    if (!value) {
        return fallback;
    }
    if (*value == "true" || *value == "1" || *value == "yes") {
        return true;
    }
    if (*value == "false" || *value == "0" || *value == "no") {
        return false;
    }
    throw BadRequest(
        fmt::format("parameter \"{}\" must be true or false, not \"{}\"", name, *value));
}

SearchRequest search_request(const Params& p) {
    p.only({"q", "sort", "offset", "limit", "since", "until", "section", "source", "lang", "facets",
            "timeline", "collapse"});
    SearchRequest r;
    common_fields(p, r, kMaxOffset);
    r.limit = p.number("limit", r.limit, kMaxLimit);
    r.facets = p.number("facets", 0, kMaxFacetValues);
    r.collapse = p.flag("collapse", true);
    if (const std::optional<std::string> unit = p.text("timeline")) {
        r.timeline = time_unit(*unit);
        if (!r.timeline) {
            throw BadRequest(
                fmt::format("timeline must be day, week, month or year, not \"{}\"", *unit));
        }
        r.timeline_max_buckets = kTimelineBuckets;
    }
    return r;
}

QuoteRequest quote_request(const Params& p) {
    p.only(
        {"q", "speaker", "sort", "offset", "limit", "since", "until", "section", "source", "lang"});
    QuoteRequest r;
    common_fields(p, r, kMaxQuoteOffset);
    r.speaker = p.text("speaker");
    r.limit = p.number("limit", r.limit, kMaxLimit);
    return r;
}

} // namespace newsq::serve
