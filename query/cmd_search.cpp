#include "cmd_search.hpp"
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <newsq/error.hpp>
#include <newsq/search.hpp>

#include "exit_status.hpp"
#include "options.hpp"
#include "render/render.hpp"

namespace newsq::query {

namespace {

struct SearchOptions {
    std::vector<std::string> words;
    std::string index;
    std::string since;
    std::string until;
    std::vector<std::string> sections;
    std::vector<std::string> sources;
    std::string sort = "relevance";
    std::string limit = "10";
    std::size_t offset = 0;
    std::size_t snippet_length = 240;
    std::string format = "text";
    std::string color = "auto";
    bool json = false;
    bool explain = false;
};

bool use_color(const std::string& mode) {
    if (mode != "auto") {
        return mode == "always";
    }
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
}

SearchRequest request_of(const SearchOptions& o) {
    SearchRequest r;
    r.query = fmt::format("{}", fmt::join(o.words, " "));
    if (!o.since.empty()) {
        r.since = o.since;
    }
    if (!o.until.empty()) {
        r.until = o.until;
    }
    for (const std::string& s : o.sections) {
        r.filters.push_back({"section", s});
    }
    for (const std::string& s : o.sources) {
        r.filters.push_back({"source", s});
    }
    r.sort = o.sort == "date" ? SortOrder::date : SortOrder::relevance;
    r.offset = o.offset;
    r.limit = o.limit == "all" ? std::numeric_limits<std::size_t>::max() : std::stoul(o.limit);
    r.snippets = o.format == "text" || o.format == "json" || o.format == "jsonl";
    r.snippet_chars = o.snippet_length;
    return r;
}

// Exports stream every hit without holding them all.
std::size_t stream(Searcher& searcher, const SearchRequest& r, const std::string& format) {
    if (format == "csv") {
        render::print_csv_header(stdout);
    }
    return searcher.for_each_hit(r, [&](const Hit& h) {
        if (format == "csv") {
            render::print_csv_hit(stdout, h);
        } else if (format == "ids") {
            fmt::print("{}\n", h.id);
        } else {
            fmt::print("{}\n", render::hit_json(h).dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace));
        }
    });
}

SearchResults collect_all(Searcher& searcher, const SearchRequest& r) {
    SearchResults results;
    searcher.for_each_hit(r, [&](const Hit& h) { results.hits.push_back(h); });
    results.parsed = searcher.explain(r);
    results.total_estimate = r.offset + results.hits.size();
    results.total_lower = results.total_upper = results.total_estimate;
    return results;
}

int run_search(SearchOptions o) {
    if (o.json) {
        o.format = "json";
    }
    const SearchRequest request = request_of(o);
    Searcher searcher(cli::resolve_index_dir(o.index));
    if (o.explain) {
        fmt::print("{}\n", searcher.explain(request));
        return cli::kOk;
    }
    if (o.format == "jsonl" || o.format == "csv" || o.format == "ids") {
        return stream(searcher, request, o.format) > 0 ? cli::kOk : cli::kPartial;
    }
    const bool all = o.limit == "all";
    const SearchResults results = all ? collect_all(searcher, request) : searcher.search(request);
    if (o.format == "json") {
        render::print_json(stdout, request, results);
    } else {
        render::print_text(stdout, request, results, use_color(o.color));
    }
    return results.hits.empty() ? cli::kPartial : cli::kOk;
}

const CLI::Validator kLimit(
    [](std::string& value) -> std::string {
        const bool number = !value.empty() && value.size() <= 9 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        if (value == "all" || number) {
            return {};
        }
        return "must be a number below 10^9 or \"all\"";
    },
    "NUMBER|all");

} // namespace

std::function<int()> setup_search(CLI::App& app) {
    auto o = std::make_shared<SearchOptions>();
    app.allow_extras();
    app.add_option("query", o->words,
                   "query: words, \"exact phrases\", AND OR NOT, field:value, date:A..B")
        ->type_name("QUERY");
    cli::add_index_option(app, o->index);
    app.add_option("--since", o->since, "earliest date (2022-03-01, 2022-03, 3m, today…)")
        ->type_name("DATE");
    app.add_option("--until", o->until, "latest date, inclusive")->type_name("DATE");
    app.add_option("--section", o->sections, "only this section (repeatable)")->type_name("NAME");
    app.add_option("--source", o->sources, "only this source (repeatable)")->type_name("NAME");
    app.add_option("--sort", o->sort, "result order")
        ->check(CLI::IsMember({"relevance", "date"}))
        ->capture_default_str();
    app.add_option("-n,--limit", o->limit, "results to show, or all")
        ->check(kLimit)
        ->capture_default_str();
    app.add_option("--offset", o->offset, "results to skip")->capture_default_str();
    app.add_option("--snippet-length", o->snippet_length, "snippet length in bytes")
        ->check(CLI::Range(40, 4000))
        ->capture_default_str();
    app.add_option("--format", o->format, "output format")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "ids"}))
        ->capture_default_str();
    app.add_flag("--json", o->json, "same as --format json");
    app.add_option("--color", o->color, "bold highlights")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_flag("--explain", o->explain, "print the parsed query instead of searching");
    // Words such as `-war` (exclude "war") reach CLI11 as unknown options: they belong to the
    // query, in the order given. Anything starting with "--" is a mistyped option.
    return [o, &app] {
        for (const std::string& extra : app.remaining()) {
            if (extra.starts_with("--")) {
                fmt::print(stderr, "newsq: error: unknown option {}\n", extra);
                return static_cast<int>(cli::kUsage);
            }
            o->words.push_back(extra);
        }
        return run_search(*o);
    };
}

} // namespace newsq::query
