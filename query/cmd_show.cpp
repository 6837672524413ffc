#include <memory>
#include <string>

#include <fmt/format.h>

#include <newsq/search.hpp>

#include "commands.hpp"
#include "exit_status.hpp"
#include "options.hpp"
#include "render/render.hpp"

namespace newsq::query {

namespace {

struct ShowOptions {
    std::string id;
    std::string index;
    std::string color;
    bool json = false;
};

int run_show(const ShowOptions& o) {
    Searcher searcher(cli::resolve_index_dir(o.index));
    const std::optional<Article> article = searcher.article(o.id);
    if (!article) {
        fmt::print(stderr, "newsq: no article with id \"{}\"\n", o.id);
        fmt::print(stderr, "newsq: hint: ids are exact; `newsq --format ids QUERY` lists them\n");
        return cli::kPartial;
    }
    if (o.json) {
        render::print_json(stdout, render::article_json(*article));
    } else {
        render::print_article_text(stdout, *article, cli::use_color(o.color));
    }
    return cli::kOk;
}

} // namespace

std::function<int()> setup_show(CLI::App& app) {
    auto o = std::make_shared<ShowOptions>();
    app.add_option("id", o->id, "article id (as `--format ids` prints it)")
        ->required()
        ->type_name("ID");
    cli::add_index_option(app, o->index);
    app.add_flag("--json", o->json, "print the article as JSON");
    cli::add_color_option(app, o->color);
    return [o] { return run_show(*o); };
}

} // namespace newsq::query
