#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/std.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"

namespace newsq::indexer {

namespace {

struct AddOptions {
    std::vector<std::string> paths;
    std::string index;
    std::size_t batch = 1000;
    std::size_t max_article_kib = 8192;
    bool quiet = false;
    bool no_analysis = false;
};

void print_summary(const IngestReport& r, const std::filesystem::path& dir) {
    const double seconds = std::max(r.seconds, 1e-9);
    const std::size_t indexed = r.added + r.replaced;
    fmt::print("indexed {} article{} into {} ({} added, {} replaced, {} skipped) in {:.2f} s: "
               "{:.0f} docs/s, {:.2f} MB/s\n",
               indexed, indexed == 1 ? "" : "s", dir, r.added, r.replaced, r.skipped.size(),
               r.seconds, indexed / seconds, static_cast<double>(r.bytes) / 1e6 / seconds);
}

int run_add(const AddOptions& o) {
    const auto dir = cli::resolve_index_dir(o.index);
    try {
        Index index = Index::open(dir);
        IngestOptions options;
        options.batch_size = o.batch;
        options.read.max_article_bytes = o.max_article_kib * 1024;
        if (o.no_analysis) {
            options.analysis = {false, false, false};
        }
        const IngestReport report = ingest(index, o.paths, options, [](const BadRecord& b) {
            print_bad_record(b.path, b.line, b.reason);
        });
        if (!o.quiet) {
            print_summary(report, dir);
        }
        return report.skipped.empty() ? cli::kOk : cli::kPartial;
    } catch (const Error& e) {
        return cli::report_error("newsindex", e);
    }
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
    auto o = std::make_shared<AddOptions>();
    app.add_option("paths", o->paths, "files, directories (recursive) or - for standard input")
        ->required()
        ->type_name("PATH");
    cli::add_index_option(app, o->index);
    app.add_option("--batch", o->batch, "articles per commit")->check(CLI::PositiveNumber);
    app.add_option("--max-article-kib", o->max_article_kib,
                   "skip articles larger than this many KiB")
        ->check(CLI::PositiveNumber);
    app.add_flag("--no-analysis", o->no_analysis,
                 "index the text as read: keep boilerplate, find no entities or quotes");
    app.add_flag("-q,--quiet", o->quiet, "print only errors");
    return [o] { return run_add(*o); };
}

} // namespace newsq::indexer
