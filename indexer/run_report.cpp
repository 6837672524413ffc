#include "run_report.hpp"
#include <chrono>
#include <cstdio>
#include <fstream>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <nlohmann/json.hpp>

namespace newsq::indexer {

namespace {

using Json = nlohmann::ordered_json;

std::string now_utc() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%FT%TZ}", now);
}

Json skipped_records(const std::vector<BadRecord>& skipped) {
    Json records = Json::array();
    for (const BadRecord& b : skipped) {
        records.push_back({{"path", b.path}, {"line", b.line}, {"reason", b.reason}});
    }
    return records;
}

void save(const std::string& file, const Json& json) {
    const std::string temp = file + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
        if (!out.flush()) {
            throw Error(ErrorCode::io, fmt::format("cannot write report {}", temp));
        }
    }
    if (std::rename(temp.c_str(), file.c_str()) != 0) {
        throw Error(ErrorCode::io, fmt::format("cannot write report {}", file));
    }
}

} // namespace

RunReport::RunReport(std::string command, std::filesystem::path index,
                     std::vector<std::string> paths)
    : command_(std::move(command))
    , index_(std::move(index))
    , paths_(std::move(paths))
    , started_(now_utc()) {}

Json RunReport::header() const {
    return Json{{"command", command_},
                {"index", index_.string()},
                {"paths", paths_},
                {"started", started_},
                {"finished", now_utc()}};
}

void RunReport::write(const std::string& file, const IngestReport& r, int status) const {
    if (file.empty()) {
        return;
    }
    Json json = header();
    json.update(Json{{"seconds", r.seconds},
                     {"added", r.added},
                     {"updated", r.updated},
                     {"unchanged", r.unchanged},
                     {"deleted", r.deleted},
                     {"skipped_count", r.skipped.size()},
                     {"skipped", skipped_records(r.skipped)},
                     {"passed_over", r.passed_over},
                     {"interrupted", r.interrupted},
                     {"exit_status", status},
                     {"error", nullptr}});
    save(file, json);
}

void RunReport::write_error(const std::string& file, const Error& e, int status) const {
    if (file.empty()) {
        return;
    }
    Json json = header();
    json["exit_status"] = status;
    json["error"] = {
        {"code", std::string(to_string(e.code()))}, {"message", e.what()}, {"hint", e.hint()}};
    save(file, json);
}

} // namespace newsq::indexer
