#include <chrono>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <fmt/std.h>
#include <nlohmann/json.hpp>

#include <newsq/index.hpp>
#include <newsq/maintenance.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"
#include "stats_json.hpp"

namespace newsq::indexer {

namespace {

struct MaintainOptions {
    std::string index;
    double wait = 0;
    bool json = false;
};

std::string counts_line(const std::vector<ValueCount>& values) {
    std::string line;
    for (const auto& [value, count] : values) {
        line += fmt::format("{}{} {}", line.empty() ? "" : ", ", value, count);
    }
    return line.empty() ? "-" : line;
}

void print_stats(const IndexStats& s, const std::filesystem::path& dir) {
    fmt::print("index      {}\n", dir);
    fmt::print("articles   {}\n", s.articles);
    fmt::print("dates      {} .. {}\n", s.first_date.empty() ? "-" : s.first_date,
               s.last_date.empty() ? "-" : s.last_date);
    fmt::print("sections   {}\n", counts_line(s.sections));
    fmt::print("sources    {}\n", counts_line(s.sources));
    fmt::print("languages  {}\n", counts_line(s.languages));
    fmt::print("size       {:.1f} MiB\n", static_cast<double>(s.bytes) / (1024.0 * 1024.0));
    fmt::print("updated    {}\n", s.updated.empty() ? "-" : s.updated);
    fmt::print("database   {}{}{}\n", s.generation.empty() ? "(single database)" : s.generation,
               s.shards > 1 ? fmt::format(", {} shards", s.shards) : "",
               s.previous ? fmt::format(" (rollback to {})", *s.previous) : "");
}

int run_stats(const MaintainOptions& o) {
    const auto dir = cli::resolve_index_dir(o.index);
    const IndexStats s = index_stats(dir);
    if (o.json) {
        fmt::print("{}\n", cli::stats_json(s, dir).dump(2, ' ', false,
                                                        nlohmann::json::error_handler_t::replace));
    } else {
        print_stats(s, dir);
    }
    return cli::kOk;
}

int run_check(const MaintainOptions& o) {
    const auto dir = cli::resolve_index_dir(o.index);
    const CheckReport report = check_index(dir);
    for (const std::string& problem : report.problems) {
        fmt::print(stderr, "{}: {}\n", dir, problem);
    }
    if (!report.problems.empty()) {
        fmt::print(stderr, "{}: {} problem(s) in {} articles\n", dir, report.problems.size(),
                   report.articles);
        return cli::kIndexDamaged;
    }
    fmt::print("{}: ok, {} articles\n", dir, report.articles);
    return cli::kOk;
}

int run_rollback(const MaintainOptions& o) {
    const auto dir = cli::resolve_index_dir(o.index);
    rollback(dir, {std::chrono::milliseconds(static_cast<long>(o.wait * 1000))});
    const IndexStats s = index_stats(dir);
    fmt::print("rolled back {} to {} ({} articles); `newsindex rollback` again returns to {}\n",
               dir, s.generation, s.articles, s.previous.value_or("-"));
    return cli::kOk;
}

} // namespace

std::function<int()> setup_stats(CLI::App& app) {
    auto o = std::make_shared<MaintainOptions>();
    cli::add_index_option(app, o->index);
    app.add_flag("--json", o->json, "print the statistics as JSON");
    return [o] { return run_stats(*o); };
}

std::function<int()> setup_check(CLI::App& app) {
    auto o = std::make_shared<MaintainOptions>();
    cli::add_index_option(app, o->index);
    return [o] { return run_check(*o); };
}

std::function<int()> setup_rollback(CLI::App& app) {
    auto o = std::make_shared<MaintainOptions>();
    cli::add_index_option(app, o->index);
    app.add_option("--wait", o->wait, "wait up to this many seconds for a writer to finish")
        ->check(CLI::NonNegativeNumber)
        ->type_name("SECONDS");
    return [o] { return run_rollback(*o); };
}

} // namespace newsq::indexer
