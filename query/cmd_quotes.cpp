#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <newsq/search.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"
#include "render/render.hpp"

namespace newsq::query {

namespace {

struct QuotesOptions {
    std::vector<std::string> words;
    std::string speaker;
    std::string index;
    cli::FilterOptions filters;
    cli::PageOptions page;
    std::string sort = "relevance";
    std::string color;
    bool json = false;
};

QuoteRequest request_of(const QuotesOptions& o, const CLI::App& app) {
    QuoteRequest r;
    r.query = fmt::format("{}", fmt::join(o.words, " "));
    if (app.count("--speaker") > 0) {
        r.speaker = o.speaker;
    }
    cli::apply_filters(o.filters, r);
    r.sort = o.sort == "date" ? SortOrder::date : SortOrder::relevance;
    r.offset = o.page.offset;
    r.limit = o.page.count();
    return r;
}

int run_quotes(const QuotesOptions& o, const CLI::App& app) {
    const QuoteRequest request = request_of(o, app);
    Searcher searcher(cli::resolve_index_dir(o.index));
    const QuoteResults results = searcher.quotes(request);
    if (o.json) {
        render::print_json(stdout, render::quotes_json(request, results));
    } else {
        render::print_quotes_text(stdout, request, results, cli::use_color(o.color));
    }
    return results.quotes.empty() ? cli::kPartial : cli::kOk;
}

} // namespace

std::function<int()> setup_quotes(CLI::App& app) {
    auto o = std::make_shared<QuotesOptions>();
    app.allow_extras();
    app.add_option("query", o->words,
                   "words and \"phrases\" of the quote; field:value filters on its article")
        ->type_name("QUERY");
    app.add_option("--speaker", o->speaker, "only quotes of this speaker (surname or full name)")
        ->type_name("NAME");
    cli::add_index_option(app, o->index);
    cli::add_filter_options(app, o->filters);
    app.add_option("--sort", o->sort, "order of the articles quoted")
        ->check(CLI::IsMember({"relevance", "date"}))
        ->capture_default_str();
    cli::add_page_options(app, o->page, "20");
    app.add_flag("--json", o->json, "print the quotes as JSON");
    cli::add_color_option(app, o->color);
    return [o, &app] {
        return take_query_words(app, o->words) ? run_quotes(*o, app)
                                               : static_cast<int>(cli::kUsage);
    };
}

} // namespace newsq::query
