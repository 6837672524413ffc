// newsq through its public API only, as an embedder would use it.

#include <cstddef>
#include <filesystem>
#include <memory>
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

// Without the analysis stage (boilerplate, entities, quotes): what the analysis costs.
std::size_t index_bare(const fs::path& corpus, const fs::path& dir) {
    newsq::IngestOptions options;
    options.analysis = {.boilerplate = false, .entities = false, .quotes = false};
    return index_with(corpus, dir, options);
}

class NewsqSession : public bench::Session {
public:
    explicit NewsqSession(const fs::path& dir)
        : searcher_(dir) {}

    std::size_t documents() override { return searcher_.size(); }

    std::size_t search(const std::string& query) override {
        newsq::SearchRequest request;
        request.query = query;
        request.limit = kPageSize;
        request.snippets = true;
        return searcher_.search(request).hits.size();
    }

private:
    newsq::Searcher searcher_;
};

std::unique_ptr<bench::Session> open_session(const fs::path& dir) {
    return std::make_unique<NewsqSession>(dir);
}

} // namespace

int main(int argc, char** argv) {
    const bench::Variant bare{"--no-analysis",
                              "index without the analysis stage (reported as engine newsq-bare)",
                              {"newsq-bare", index_bare, open_session, bench::same_query}};
    return bench::run(argc, argv, {"newsq", index_corpus, open_session, bench::same_query},
                      {&bare, 1});
}
