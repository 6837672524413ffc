#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include <newsq/maintenance.hpp>

namespace newsq::cli {

/// The statistics of the index in `dir` as JSON (`newsindex stats --json`, `GET /api/stats`).
nlohmann::ordered_json stats_json(const IndexStats& stats, const std::filesystem::path& dir);

} // namespace newsq::cli
