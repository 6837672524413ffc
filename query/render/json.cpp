#include <fmt/format.h>

#include "render/render.hpp"

namespace newsq::render {

namespace {

using Json = nlohmann::json;

// Code points in the first `bytes` bytes of UTF-8 `text`.
std::size_t code_points(std::string_view text, std::size_t bytes) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i) {
        count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
    return count;
}

} // namespace

Json hit_json(const Hit& h) {
    Json highlights = Json::array();
    for (const auto& [begin, end] : h.snippet.highlights) {
        highlights.push_back(
            {code_points(h.snippet.text, begin), code_points(h.snippet.text, end)});
    }
    return Json{{"rank", h.rank},          {"id", h.id},
                {"title", h.title},        {"url", h.url},
                {"section", h.section},    {"source", h.source},
                {"author", h.author},      {"date", h.published},
                {"score", h.score},        {"snippet", h.snippet.text},
                {"highlights", highlights}};
}

void print_json(std::FILE* out, const SearchRequest& request, const SearchResults& results) {
    Json hits = Json::array();
    for (const Hit& h : results.hits) {
        hits.push_back(hit_json(h));
    }
    const Json doc = {
        {"format_version", kJsonFormatVersion},
        {"query", request.query},
        {"parsed", results.parsed},
        {"total_estimate", results.total_estimate},
        {"total_exact", results.total_lower == results.total_upper},
        {"offset", request.offset},
        {"hits", std::move(hits)},
    };
    fmt::print(out, "{}\n", doc.dump(2, ' ', false, Json::error_handler_t::replace));
}

} // namespace newsq::render
