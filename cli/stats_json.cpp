#include "stats_json.hpp"

namespace newsq::cli {

namespace {

using Json = nlohmann::ordered_json;

Json value_counts(const std::vector<ValueCount>& values) {
    Json out = Json::array();
    for (const auto& [value, count] : values) {
        out.push_back({{"value", value}, {"count", count}});
    }
    return out;
}

} // namespace

Json stats_json(const IndexStats& s, const std::filesystem::path& dir) {
    return Json{{"index", dir.string()},
                {"articles", s.articles},
                {"first_date", s.first_date},
                {"last_date", s.last_date},
                {"sections", value_counts(s.sections)},
                {"sources", value_counts(s.sources)},
                {"languages", value_counts(s.languages)},
                {"bytes", s.bytes},
                {"updated", s.updated},
                {"generation", s.generation},
                {"shards", s.shards},
                {"previous", s.previous ? Json(*s.previous) : Json(nullptr)}};
}

} // namespace newsq::cli
