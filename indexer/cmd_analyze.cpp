#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <newsq/analysis.hpp>
#include <newsq/error.hpp>
#include <newsq/json.hpp>
#include <newsq/reader.hpp>

#include "commands.hpp"
#include "exit_status.hpp"

namespace newsq::indexer {

namespace {

struct AnalyzeOptions {
    std::vector<std::string> paths;
    bool json = false;
    bool body = false;
};

void print_text(const Article& a, bool with_body) {
    fmt::print("{}\n", a.id);
    for (const EntityType type :
         {EntityType::person, EntityType::organization, EntityType::place}) {
        std::vector<std::string_view> names;
        for (const Entity& e : a.entities) {
            if (e.type == type) {
                names.push_back(e.name);
            }
        }
        if (!names.empty()) {
            fmt::print("  {}: {}\n", to_string(type), fmt::join(names, "; "));
        }
    }
    for (const Quote& q : a.quotes) {
        fmt::print("  “{}” — {}\n", q.text, q.speaker.empty() ? "(unknown)" : q.speaker);
    }
    if (with_body) {
        fmt::print("\n{}\n", a.body);
    }
    fmt::print("\n");
}

// As JSON, what the reader found (for a web page, what extraction found) under the names JSON
// Lines gives it, without the empty fields, and what the analysis found; else as text.
void print_article(const Article& a, const AnalyzeOptions& o) {
    if (o.json) {
        fmt::print("{}\n", article_json(a, {.omit_empty = true, .body = o.body}).dump());
    } else {
        print_text(a, o.body);
    }
}

int run_analyze(const AnalyzeOptions& o) {
    BoilerplateModel learned;
    const auto skip = [](BadRecord&&) {};
    read_articles(o.paths, {[&](Article&& a) { learned.observe(a); }, skip});
    const Analyzer analyzer;
    std::size_t bad = 0;
    read_articles(o.paths, {[&](Article&& a) {
                                analyzer.analyze(a, &learned);
                                print_article(a, o);
                            },
                            [&](BadRecord&& b) {
                                ++bad;
                                print_bad_record(b.path, b.line, b.reason);
                            }});
    return bad == 0 ? cli::kOk : cli::kPartial;
}

} // namespace

std::function<int()> setup_analyze(CLI::App& app) {
    auto o = std::make_shared<AnalyzeOptions>();
    app.add_option("paths", o->paths, "files or directories (recursive)")
        ->required()
        ->type_name("PATH");
    app.add_flag("--json", o->json, "one JSON object per article");
    app.add_flag("--body", o->body, "also print the body without its boilerplate");
    return [o] {
        try {
            return run_analyze(*o);
        } catch (const Error& e) {
            return cli::report_error("newsindex", e);
        }
    };
}

} // namespace newsq::indexer
