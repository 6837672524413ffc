#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>
#include <newsq/search.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"
#include "render/render.hpp"

namespace newsq::query {

namespace {

// Timeline rows on a terminal: more would scroll the results away.
constexpr std::size_t kTimelineRows = 60;
// Chart width when standard output is not a terminal.
constexpr std::size_t kPipedWidth = 60;
// Quotes longer than this are cut around their match in text output.
constexpr std::size_t kQuoteChars = 200;

struct SearchOptions {
    std::vector<std::string> words;
    std::string index;
    cli::FilterOptions filters;
    cli::PageOptions page;
    std::string sort = "relevance";
    std::size_t snippet_length = 240;
    std::string format = "text";
    std::string color;
    bool json = false;
    bool explain = false;
    bool facets = false;
    bool all = false;
    std::size_t facets_limit = 10;
    std::string timeline;
};

SearchRequest request_of(const SearchOptions& o) {
    SearchRequest r;
    r.query = fmt::format("{}", fmt::join(o.words, " "));
    cli::apply_filters(o.filters, r);
    r.sort = o.sort == "date" ? SortOrder::date : SortOrder::relevance;
    r.offset = o.page.offset;
    r.limit = o.page.count();
    // The formats that show snippets and clusters.
    const bool shown = o.format == "text" || o.format == "json" || o.format == "jsonl";
    r.snippets = shown;
    r.clusters = shown;
    r.snippet_chars = o.snippet_length;
    r.quote_chars = o.format == "text" ? kQuoteChars : 0;
    r.facets = o.facets ? o.facets_limit : 0;
    r.timeline = time_unit(o.timeline);
    r.timeline_max_buckets = o.format == "text" ? kTimelineRows : 0;
    r.collapse = !o.all;
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

// Every hit; the parsed query, facets and timeline from a search for none.
SearchResults collect_all(Searcher& searcher, const SearchRequest& r) {
    SearchRequest head = r;
    head.limit = 0;
    SearchResults results = searcher.search(head);
    searcher.for_each_hit(r, [&](const Hit& h) { results.hits.push_back(h); });
    results.total_estimate = r.offset + results.hits.size();
    results.total_lower = results.total_upper = results.total_estimate;
    return results;
}

bool is_export(const std::string& format) {
    return format == "jsonl" || format == "csv" || format == "ids";
}

int run_search(SearchOptions o) {
    if (o.json) {
        o.format = "json";
    }
    if (is_export(o.format) && (o.facets || !o.timeline.empty())) {
        throw Error(
            ErrorCode::invalid_argument,
            fmt::format("--facets and --timeline need --format text or json, not {}", o.format));
    }
    const SearchRequest request = request_of(o);
    Searcher searcher(cli::resolve_index_dir(o.index));
    if (o.explain) {
        fmt::print("{}\n", searcher.explain(request));
        return cli::kOk;
    }
    if (is_export(o.format)) {
        return stream(searcher, request, o.format) > 0 ? cli::kOk : cli::kPartial;
    }
    const SearchResults results =
        o.page.all() ? collect_all(searcher, request) : searcher.search(request);
    if (o.format == "json") {
        render::print_json(stdout, render::search_json(request, results));
    } else {
        render::print_text(stdout, request, results,
                           {cli::use_color(o.color), cli::terminal_width(kPipedWidth)});
    }
    return results.hits.empty() ? cli::kPartial : cli::kOk;
}

void add_search_options(CLI::App& app, SearchOptions& o) {
    app.add_option("query", o.words,
                   "query: words, \"exact phrases\", AND OR NOT, field:value, date:A..B")
        ->type_name("QUERY");
    cli::add_index_option(app, o.index);
    cli::add_filter_options(app, o.filters);
    app.add_option("--sort", o.sort, "result order")
        ->check(CLI::IsMember({"relevance", "date"}))
        ->capture_default_str();
    cli::add_page_options(app, o.page, "10");
    app.add_option("--snippet-length", o.snippet_length, "snippet length in bytes")
        ->check(CLI::Range(40, 4000))
        ->capture_default_str();
    app.add_option("--format", o.format, "output format")
        ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "ids"}))
        ->capture_default_str();
    app.add_flag("--json", o.json, "same as --format json");
    cli::add_color_option(app, o.color);
    app.add_flag(
        "--facets", o.facets,
        "count sections, sources, languages, people, organisations, places and speakers over "
        "every match");
    app.add_option("--facets-limit", o.facets_limit, "values shown per facet")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    app.add_option("--timeline", o.timeline, "matches per day, week (ISO) or month")
        ->check(CLI::IsMember({"day", "week", "month", "year"}))
        ->type_name("UNIT");
    app.add_flag("--all", o.all,
                 "show every copy of a story (by default copies are collapsed into one hit)");
    app.add_flag("--explain", o.explain, "print the parsed query instead of searching");
}

} // namespace

bool take_query_words(CLI::App& app, std::vector<std::string>& words) {
    for (const std::string& extra : app.remaining()) {
        if (extra == "--") {
            continue; // the end of the options: what follows is the query
        }
        if (extra.starts_with("--")) {
            fmt::print(stderr, "newsq: error: unknown option {}\n", extra);
            return false;
        }
        words.push_back(extra);
    }
    return true;
}

std::string fields_help() {
    std::string help = "Fields (field:value, field:\"two words\"):";
    for (const Field& f : kFields) {
        const std::string names =
            f.alias.empty() ? std::string(f.name) : fmt::format("{}, {}", f.name, f.alias);
        help += fmt::format("\n  {:<22}{}", names, f.description);
    }
    return help;
}

std::function<int()> setup_search(CLI::App& app) {
    auto o = std::make_shared<SearchOptions>();
    app.allow_extras();
    add_search_options(app, *o);
    // Words such as `-war` (exclude "war") reach CLI11 as unknown options: they belong to the
    // query, in the order given. Anything starting with "--" is a mistyped option.
    return [o, &app] {
        return take_query_words(app, o->words) ? run_search(*o) : static_cast<int>(cli::kUsage);
    };
}

} // namespace newsq::query
