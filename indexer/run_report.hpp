#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <newsq/error.hpp>
#include <newsq/index.hpp>

namespace newsq::indexer {

/// The JSON summary `--report FILE` asks for, written atomically (a reader of FILE never sees
/// half of it): the command, index, paths, counts, every skipped record with its reason,
/// seconds, whether a signal interrupted the run, the exit status and the error, if any.
class RunReport {
public:
    RunReport(std::string command, std::filesystem::path index, std::vector<std::string> paths);

    /// Writes the report of a run that ended with `status`; does nothing when `file` is empty.
    void write(const std::string& file, const IngestReport& report, int status) const;

    /// Writes the report of a run that failed with `error`.
    void write_error(const std::string& file, const Error& error, int status) const;

private:
    nlohmann::ordered_json header() const; // what every report starts with

    std::string command_;
    std::filesystem::path index_;
    std::vector<std::string> paths_;
    std::string started_;
};

} // namespace newsq::indexer
