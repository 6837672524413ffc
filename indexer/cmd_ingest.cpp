#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/std.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"
#include "progress_bar.hpp"
#include "run_report.hpp"
#include "stop_signals.hpp"

namespace newsq::indexer {

namespace {

constexpr std::size_t kSummaryRecords = 10;

enum class Mode { add, update, rebuild };

struct IngestCommand {
    Mode mode = Mode::add;
    std::vector<std::string> paths;
    std::string index;
    std::size_t batch = 1000;
    std::size_t jobs = 0;
    std::size_t shards = 0;
    std::size_t max_article_kib = 8192;
    double wait = 0;
    std::string report_file;
    bool quiet = false;
    bool no_analysis = false;
    bool no_duplicates = false;
    bool prune = false;
};

const char* name_of(Mode mode) {
    switch (mode) {
    case Mode::add:
        return "add";
    case Mode::update:
        return "update";
    case Mode::rebuild:
        return "rebuild";
    }
    return "";
}

IngestOptions ingest_options(const IngestCommand& o, const cli::StopOnSignals& signals,
                             ProgressBar& bar) {
    IngestOptions options;
    options.batch_size = o.batch;
    options.jobs = o.jobs;
    options.read.max_article_bytes = o.max_article_kib * 1024;
    if (o.no_analysis) {
        options.analysis = {
            .boilerplate = false, .language = false, .entities = false, .quotes = false};
    }
    options.find_duplicates = !o.no_duplicates;
    options.skip_unchanged = o.mode == Mode::update;
    options.prune = o.prune;
    options.stop = signals.token();
    options.on_progress = [&bar](const IngestProgress& p) { bar.show(p); };
    return options;
}

// The records that are no article (a WARC's requests, images…), most frequent reason first.
void print_passed_over(const IngestReport& r) {
    if (r.passed_over.empty()) {
        return;
    }
    std::vector<std::pair<std::string, std::size_t>> reasons(r.passed_over.begin(),
                                                             r.passed_over.end());
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::size_t total = 0;
    for (const auto& [reason, count] : reasons) {
        total += count;
    }
    fmt::print("passed over {} record{} that hold no article:\n", total, total == 1 ? "" : "s");
    for (const auto& [reason, count] : reasons) {
        fmt::print("  {} {}\n", count, reason);
    }
}

void print_summary(const IngestCommand& o, const IngestReport& r,
                   const std::filesystem::path& dir) {
    const double seconds = std::max(r.seconds, 1e-9);
    const std::size_t written = r.added + r.updated;
    fmt::print("{} {}: {} added, {} updated, {} unchanged, {} deleted, {} skipped in {:.2f} s: "
               "{:.0f} docs/s, {:.2f} MB/s\n",
               o.mode == Mode::rebuild ? "rebuilt" : "indexed", dir, r.added, r.updated,
               r.unchanged, r.deleted, r.skipped.size(), r.seconds, written / seconds,
               static_cast<double>(r.bytes) / 1e6 / seconds);
    print_passed_over(r);
    if (!r.skipped.empty()) {
        fmt::print("skipped:\n");
    }
    for (std::size_t i = 0; i < std::min(r.skipped.size(), kSummaryRecords); ++i) {
        const BadRecord& b = r.skipped[i];
        fmt::print("  {}{}: {}\n", b.path, b.line == 0 ? "" : fmt::format(":{}", b.line), b.reason);
    }
    if (r.skipped.size() > kSummaryRecords) {
        fmt::print("  … and {} more{}\n", r.skipped.size() - kSummaryRecords,
                   o.report_file.empty() ? "" : fmt::format(" (all in {})", o.report_file));
    }
}

int status_of(const IngestReport& r, int signal) {
    if (r.interrupted) {
        return cli::kInterruptedBase + signal;
    }
    return r.skipped.empty() ? cli::kOk : cli::kPartial;
}

IngestReport run_ingest(const IngestCommand& o, const std::filesystem::path& dir,
                        const IngestOptions& options, ProgressBar& bar) {
    const OpenOptions open{std::chrono::milliseconds(static_cast<long>(o.wait * 1000)), o.shards};
    const auto on_bad = [&bar](const BadRecord& b) {
        bar.clear();
        print_bad_record(b.path, b.line, b.reason);
    };
    if (o.mode == Mode::rebuild) {
        return rebuild(dir, o.paths, options, on_bad, open);
    }
    Index index = Index::open(dir, open);
    return ingest(index, o.paths, options, on_bad);
}

int run(const IngestCommand& o) {
    const auto dir = cli::resolve_index_dir(o.index);
    const cli::StopOnSignals signals;
    RunReport run_report{name_of(o.mode), dir, o.paths};
    try {
        IngestReport report;
        {
            ProgressBar bar(!o.quiet && stderr_is_terminal());
            report = run_ingest(o, dir, ingest_options(o, signals, bar), bar);
        }
        const int status = status_of(report, signals.signal());
        if (report.interrupted) {
            fmt::print(stderr, "newsindex: stopped by signal {}: what was done is committed\n",
                       signals.signal());
        }
        if (!o.quiet || report.interrupted) {
            print_summary(o, report, dir);
        }
        run_report.write(o.report_file, report, status);
        return status;
    } catch (const Error& e) {
        const int status = cli::report_error("newsindex", e);
        run_report.write_error(o.report_file, e, status);
        return status;
    }
}

std::function<int()> setup(CLI::App& app, Mode mode) {
    auto o = std::make_shared<IngestCommand>();
    o->mode = mode;
    app.add_option("paths", o->paths, "files, directories (recursive) or - for standard input")
        ->required()
        ->type_name("PATH");
    cli::add_index_option(app, o->index);
    app.add_option("--batch", o->batch, "writes per commit, shared among the shards")
        ->check(CLI::PositiveNumber);
    app.add_option("--jobs", o->jobs, "threads analysing articles (default: one per core)")
        ->check(CLI::PositiveNumber);
    if (mode == Mode::rebuild) {
        app.add_option("--shards", o->shards,
                       "databases to build, each written by a thread of its own (default: as "
                       "many as the live index has, else 1)")
            ->check(CLI::Range(1, 256))
            ->type_name("N");
    } else {
        app.add_option("--shards", o->shards,
                       "databases a new index is made of (default: 1); an index keeps its "
                       "shards until `newsindex rebuild --shards N`")
            ->check(CLI::Range(1, 256))
            ->type_name("N");
    }
    app.add_option("--max-article-kib", o->max_article_kib,
                   "skip articles larger than this many KiB")
        ->check(CLI::PositiveNumber);
    app.add_flag("--no-analysis", o->no_analysis,
                 "index the text as read: keep boilerplate, find no entities or quotes");
    app.add_flag("--no-duplicates", o->no_duplicates,
                 "do not look for near-duplicates (search then shows every copy)");
    app.add_option("--wait", o->wait,
                   "wait up to this many seconds for another writer to finish (default: 0)")
        ->check(CLI::NonNegativeNumber)
        ->type_name("SECONDS");
    app.add_option("--report", o->report_file, "write the summary as JSON to this file")
        ->type_name("FILE");
    app.add_flag("-q,--quiet", o->quiet, "print only errors (no progress, no summary)");
    if (mode == Mode::update) {
        app.add_flag("--prune", o->prune,
                     "delete articles read before from files under PATH… that are no longer "
                     "there");
    }
    return [o] { return run(*o); };
}

} // namespace

void print_bad_record(const std::string& path, std::size_t line, const std::string& reason) {
    if (line == 0) {
        fmt::print(stderr, "{}: {}\n", path, reason);
    } else {
        fmt::print(stderr, "{}:{}: {}\n", path, line, reason);
    }
}

std::function<int()> setup_add(CLI::App& app) {
    return setup(app, Mode::add);
}

std::function<int()> setup_update(CLI::App& app) {
    return setup(app, Mode::update);
}

std::function<int()> setup_rebuild(CLI::App& app) {
    return setup(app, Mode::rebuild);
}

} // namespace newsq::indexer
