#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <exception>
#include <fstream>
#include <map>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/stat.h>

#include "bench_common.hpp"

namespace bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Values = std::map<std::string_view, std::string>;

constexpr double kMB = 1e6;
constexpr double kMiB = 1024.0 * 1024.0;

// Every line has every column, in this order, so it reads both as key=value pairs and as TSV.
constexpr std::array<std::string_view, 17> kColumns = {
    "engine",     "verb",     "docs",         "input_mb",  "seconds", "cpu_seconds",
    "docs_per_s", "mb_per_s", "peak_rss_mib", "index_mib", "queries", "hits",
    "errors",     "p50_us",   "p90_us",       "p99_us",    "mean_us",
};

std::string number(double value) {
    return fmt::format("{:.2f}", value);
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// On a shared machine CPU time varies less than wall time; together they show time spent waiting
// for the CPU or the disk.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

// Allocated blocks, as du counts them, rather than apparent sizes.
std::uintmax_t allocated_bytes(const fs::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        return 0;
    }
    return static_cast<std::uintmax_t>(info.st_blocks) * 512;
}

double disk_usage_mib(const fs::path& path) {
    std::uintmax_t total = allocated_bytes(path);
    if (fs::is_directory(path)) {
        for (const auto& entry : fs::recursive_directory_iterator(path)) {
            total += allocated_bytes(entry.path());
        }
    }
    return static_cast<double>(total) / kMiB;
}

void print_line(const Values& values) {
    std::string line;
    for (const std::string_view key : kColumns) {
        const auto it = values.find(key);
        line += fmt::format("{}{}={}", line.empty() ? "" : "\t", key,
                            it == values.end() ? "-" : it->second);
    }
    fmt::print("{}\n", line);
}

void index_verb(const Engine& engine, const fs::path& corpus, const fs::path& db) {
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    const std::size_t docs = engine.index(corpus, db);
    const double seconds = seconds_since(start);
    const double cpu = cpu_seconds() - cpu_start;
    const double input_mb = static_cast<double>(fs::file_size(corpus)) / kMB;
    print_line({
        {"engine", std::string(engine.name)},
        {"verb", "index"},
        {"docs", std::to_string(docs)},
        {"input_mb", number(input_mb)},
        {"seconds", fmt::format("{:.3f}", seconds)},
        {"cpu_seconds", fmt::format("{:.3f}", cpu)},
        {"docs_per_s", number(static_cast<double>(docs) / seconds)},
        {"mb_per_s", number(input_mb / seconds)},
        {"peak_rss_mib", number(peak_rss_mib())},
        {"index_mib", number(disk_usage_mib(db))},
    });
}

std::vector<std::string> read_queries(const fs::path& path, const Engine& engine) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", path.string()));
    }
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() != '#') {
            queries.push_back(engine.translate(line));
        }
    }
    return queries;
}

struct Timings {
    std::vector<double> micros; ///< one per successful query run
    std::size_t hits = 0;       ///< over one pass
    std::size_t errors = 0;     ///< over one pass
    double seconds = 0;
    double cpu = 0;
};

// Runs the query, recording its latency; a rejected query is reported once and not timed.
void time_query(Session& session, const std::string& query, bool first_pass, Timings& timings) {
    try {
        const auto start = Clock::now();
        const std::size_t hits = session.search(query);
        timings.micros.push_back(seconds_since(start) * 1e6);
        timings.hits += first_pass ? hits : 0;
    } catch (const std::exception& e) {
        if (first_pass) {
            ++timings.errors;
            fmt::print(stderr, "query {}: {}\n", query, e.what());
        }
    }
}

Timings time_queries(Session& session, const std::vector<std::string>& queries, int repeat) {
    Timings timings;
    timings.micros.reserve(queries.size() * static_cast<std::size_t>(repeat));
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    for (int pass = 0; pass < repeat; ++pass) {
        for (const std::string& query : queries) {
            time_query(session, query, pass == 0, timings);
        }
    }
    timings.seconds = seconds_since(start);
    timings.cpu = cpu_seconds() - cpu_start;
    return timings;
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double fraction) {
    if (sorted.empty()) {
        return 0;
    }
    const auto rank =
        static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double mean(const std::vector<double>& values) {
    if (values.empty()) {
        return 0;
    }
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

void query_verb(const Engine& engine, const fs::path& db, const fs::path& query_file, int repeat) {
    const std::vector<std::string> queries = read_queries(query_file, engine);
    const std::unique_ptr<Session> session = engine.open(db);
    Timings timings = time_queries(*session, queries, repeat);
    std::sort(timings.micros.begin(), timings.micros.end());
    print_line({
        {"engine", std::string(engine.name)},
        {"verb", "query"},
        {"docs", std::to_string(session->documents())},
        {"seconds", fmt::format("{:.3f}", timings.seconds)},
        {"cpu_seconds", fmt::format("{:.3f}", timings.cpu)},
        {"peak_rss_mib", number(peak_rss_mib())},
        {"index_mib", number(disk_usage_mib(db))},
        {"queries", std::to_string(timings.micros.size())},
        {"hits", std::to_string(timings.hits)},
        {"errors", std::to_string(timings.errors)},
        {"p50_us", number(percentile(timings.micros, 0.50))},
        {"p90_us", number(percentile(timings.micros, 0.90))},
        {"p99_us", number(percentile(timings.micros, 0.99))},
        {"mean_us", number(mean(timings.micros))},
    });
}

} // namespace

Article parse_article(std::string_view line) {
    const auto record = nlohmann::json::parse(line);
    const auto text = [&](std::string_view key) {
        const auto it = record.find(key);
        return it != record.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    return {text("id"), text("title"), text("body")};
}

void for_each_line(const fs::path& path, const std::function<void(const std::string&)>& on_line) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", path.string()));
    }
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            on_line(line);
        }
    }
}

std::string same_query(std::string_view query) {
    return std::string(query);
}

int run(int argc, char** argv, const Engine& engine, std::span<const Variant> variants) {
    CLI::App app{fmt::format("Benchmark of the {} engine: index a corpus, or time a query set",
                             engine.name)};
    app.require_subcommand(1);
    std::string corpus, db, queries;
    int repeat = 5;

    CLI::App* index = app.add_subcommand("index", "index a JSON Lines corpus into a new index");
    index->add_option("corpus", corpus, "JSON Lines articles")
        ->required()
        ->check(CLI::ExistingFile);
    index->add_option("db", db, "index to create")->required();
    const Engine* chosen = &engine;

    CLI::App* query = app.add_subcommand("query", "time every query of a query set");
    query->add_option("db", db, "index to search")->required()->check(CLI::ExistingPath);
    query->add_option("queries", queries, "one query per line; # starts a comment line")
        ->required()
        ->check(CLI::ExistingFile);
    query->add_option("--repeat", repeat, "passes over the query set")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);

    for (const Variant& variant : variants) {
        (variant.verb == Verb::index ? index : query)
            ->add_flag_callback(
                std::string(variant.flag), [&chosen, &variant] { chosen = &variant.engine; },
                std::string(variant.help));
    }

    CLI11_PARSE(app, argc, argv);
    try {
        if (index->parsed()) {
            index_verb(*chosen, corpus, db);
        } else {
            query_verb(*chosen, db, queries, repeat);
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench-{}: {}\n", engine.name, e.what());
        return 1;
    }
    return 0;
}

} // namespace bench
