#include <fmt/format.h>

#include <newsq/json.hpp>

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

Json highlights_json(const Snippet& s) {
    Json highlights = Json::array();
    for (const auto& [begin, end] : s.highlights) {
        highlights.push_back({code_points(s.text, begin), code_points(s.text, end)});
    }
    return highlights;
}

Json facets_json(const std::vector<Facet>& facets) {
    Json out = Json::object();
    for (const Facet& f : facets) {
        Json values = Json::array();
        for (const FacetValue& v : f.values) {
            Json value = {{"value", v.value}, {"count", v.count}};
            if (v.bounds) {
                value["lower"] = v.bounds->first;
                value["upper"] = v.bounds->second;
            }
            values.push_back(std::move(value));
        }
        out[f.name] = std::move(values);
    }
    return out;
}

Json timeline_json(const Timeline& t) {
    Json buckets = Json::array();
    for (const TimelineBucket& b : t.buckets) {
        buckets.push_back({{"period", b.period}, {"count", b.count}});
    }
    return {{"unit", to_string(t.unit)}, {"buckets", std::move(buckets)}, {"undated", t.undated}};
}

Json cluster_json(const Cluster& c) {
    return Json{{"id", c.key}, {"canonical", c.canonical}, {"size", c.size}, {"copies", c.copies}};
}

} // namespace

Json hit_json(const Hit& h) {
    Json quotes = Json::array();
    for (const HitQuote& q : h.quotes) {
        quotes.push_back({{"text", q.text.text},
                          {"speaker", q.speaker},
                          {"matched", q.matched},
                          {"highlights", highlights_json(q.text)}});
    }
    return Json{{"rank", h.rank},
                {"id", h.id},
                {"title", h.title},
                {"url", h.url},
                {"section", h.section},
                {"source", h.source},
                {"author", h.author},
                {"date", h.published},
                {"language", h.language},
                {"score", h.score},
                {"snippet", h.snippet.text},
                {"highlights", highlights_json(h.snippet)},
                {"entities", h.entities},
                {"quotes", std::move(quotes)},
                {"cluster", h.cluster ? cluster_json(*h.cluster) : Json(nullptr)}};
}

void print_json(std::FILE* out, const Json& doc) {
    fmt::print(out, "{}\n", doc.dump(2, ' ', false, Json::error_handler_t::replace));
}

Json similar_json(std::string_view id, const SimilarResults& results) {
    Json articles = Json::array();
    for (const SimilarArticle& a : results.articles) {
        articles.push_back({{"id", a.id},
                            {"title", a.title},
                            {"date", a.published},
                            {"similarity", a.similarity},
                            {"canonical", a.canonical}});
    }
    const Json doc = {{"format_version", kJsonFormatVersion},
                      {"id", id},
                      {"cluster", results.cluster ? cluster_json(*results.cluster) : Json(nullptr)},
                      {"similar", std::move(articles)}};
    return doc;
}

Json search_json(const SearchRequest& request, const SearchResults& results) {
    Json hits = Json::array();
    for (const Hit& h : results.hits) {
        hits.push_back(hit_json(h));
    }
    Json doc = {
        {"format_version", kJsonFormatVersion},
        {"query", request.query},
        {"parsed", results.parsed},
        {"total_estimate", results.total_estimate},
        {"total_exact", results.total_lower == results.total_upper},
        {"offset", request.offset},
        {"suggestion", results.suggestion ? Json(*results.suggestion) : Json(nullptr)},
        {"notes", results.notes},
        {"hits", std::move(hits)},
    };
    if (request.facets > 0) {
        doc["facets"] = facets_json(results.facets);
    }
    if (results.timeline) {
        doc["timeline"] = timeline_json(*results.timeline);
    }
    return doc;
}

Json article_json(const Article& a) {
    Json doc = newsq::article_json(a, {.published_name = "date"});
    doc["format_version"] = kJsonFormatVersion;
    return doc;
}

Json quotes_json(const QuoteRequest& request, const QuoteResults& results) {
    Json quotes = Json::array();
    for (const QuoteHit& q : results.quotes) {
        quotes.push_back({{"rank", q.rank},
                          {"text", q.text.text},
                          {"highlights", highlights_json(q.text)},
                          {"speaker", q.speaker},
                          {"id", q.id},
                          {"title", q.title},
                          {"source", q.source},
                          {"date", q.published}});
    }
    return {{"format_version", kJsonFormatVersion},
            {"query", request.query},
            {"speaker", request.speaker.value_or("")},
            {"parsed", results.parsed},
            {"offset", request.offset},
            {"more", results.more},
            {"quotes", std::move(quotes)}};
}

} // namespace newsq::render
