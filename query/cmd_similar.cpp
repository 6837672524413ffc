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

struct SimilarOptions {
    std::string id;
    std::string index;
    bool json = false;
};

int run_similar(const SimilarOptions& o) {
    Searcher searcher(cli::resolve_index_dir(o.index));
    const std::optional<SimilarResults> results = searcher.similar(o.id);
    if (!results) {
        fmt::print(stderr, "newsq: no article with id \"{}\"\n", o.id);
        return cli::kPartial;
    }
    if (o.json) {
        render::print_json(stdout, render::similar_json(o.id, *results));
    } else {
        render::print_similar_text(stdout, o.id, *results);
    }
    return results->articles.empty() ? cli::kPartial : cli::kOk;
}

} // namespace

std::function<int()> setup_similar(CLI::App& app) {
    auto o = std::make_shared<SimilarOptions>();
    app.add_option("id", o->id, "article id (as `--format ids` prints it)")
        ->required()
        ->type_name("ID");
    cli::add_index_option(app, o->index);
    app.add_flag("--json", o->json, "print the copies as JSON");
    return [o] { return run_similar(*o); };
}

} // namespace newsq::query
