// newsq through its public API only, as an embedder would use it.

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include <newsq/index.hpp>
#include <newsq/search.hpp>

#include "bench_common.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kPageSize = 10;

std::size_t index_with(const fs::path& corpus, const fs::path& dir,
                       const newsq::IngestOptions& options) {
    newsq::Index index = newsq::Index::open(dir);
    const std::vector<std::string> paths{corpus.string()};
    const newsq::IngestReport report = newsq::ingest(index, paths, options);
    if (!report.skipped.empty()) {
        const newsq::BadRecord& first = report.skipped.front();
        fmt::print(stderr, "{} records skipped; first: {}:{}: {}\n", report.skipped.size(),
                   first.path, first.line, first.reason);
    }
    return report.added + report.updated;
}

std::size_t index_corpus(const fs::path& corpus, const fs::path& dir) {
    return index_with(corpus, dir, {});
}

// Without the analysis stage (boilerplate, language, entities, quotes): what the analysis costs.
std::size_t index_bare(const fs::path& corpus, const fs::path& dir) {
    newsq::IngestOptions options;
    options.analysis = {
        .boilerplate = false, .language = false, .entities = false, .quotes = false};
    return index_with(corpus, dir, options);
}

// Without language detection: every article stemmed in its declared language (here none, so
// English), as before newsq detected languages: what detection and the choice of stemmer cost.
std::size_t index_undetected(const fs::path& corpus, const fs::path& dir) {
    newsq::IngestOptions options;
    options.analysis.language = false;
    return index_with(corpus, dir, options);
}

// How a query run asks: as the CLI does by default (copies collapsed), with every facet and a
// monthly timeline over the whole match set (what the search page asks), or with every copy.
struct Asking {
    std::size_t facets = 0;
    std::optional<newsq::TimeUnit> timeline;
    bool collapse = true;
};

class NewsqSession : public bench::Session {
public:
    NewsqSession(const fs::path& dir, Asking asking)
        : searcher_(dir)
        , asking_(asking) {}

    std::size_t documents() override { return searcher_.size(); }

    std::size_t search(const std::string& query) override {
        newsq::SearchRequest request;
        request.query = query;
        request.limit = kPageSize;
        request.snippets = true;
        request.facets = asking_.facets;
        request.timeline = asking_.timeline;
        request.collapse = asking_.collapse;
        return searcher_.search(request).hits.size();
    }

private:
    newsq::Searcher searcher_;
    Asking asking_;
};

std::unique_ptr<bench::Session> open_session(const fs::path& dir) {
    return std::make_unique<NewsqSession>(dir, Asking{});
}

std::unique_ptr<bench::Session> open_faceted(const fs::path& dir) {
    return std::make_unique<NewsqSession>(dir, Asking{10, newsq::TimeUnit::month, true});
}

std::unique_ptr<bench::Session> open_every_copy(const fs::path& dir) {
    return std::make_unique<NewsqSession>(dir, Asking{0, std::nullopt, false});
}

} // namespace

int main(int argc, char** argv) {
    const std::array variants{
        bench::Variant{"--no-analysis",
                       "index without the analysis stage (reported as engine newsq-bare)",
                       {"newsq-bare", index_bare, open_session, bench::same_query},
                       bench::Verb::index},
        bench::Variant{"--no-language",
                       "index without language detection (reported as engine newsq-nolang)",
                       {"newsq-nolang", index_undetected, open_session, bench::same_query},
                       bench::Verb::index},
        bench::Variant{"--faceted",
                       "count every facet (top 10) and a monthly timeline over each query's "
                       "matches (reported as engine newsq-faceted)",
                       {"newsq-faceted", index_corpus, open_faceted, bench::same_query},
                       bench::Verb::query},
        bench::Variant{"--all",
                       "list every copy instead of collapsing duplicates (reported as engine "
                       "newsq-all)",
                       {"newsq-all", index_corpus, open_every_copy, bench::same_query},
                       bench::Verb::query},
    };
    return bench::run(argc, argv, {"newsq", index_corpus, open_session, bench::same_query},
                      variants);
}
