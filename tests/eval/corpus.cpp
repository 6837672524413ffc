#include "corpus.hpp"
#include <stdexcept>

#include <fmt/core.h>

#include <newsq/analysis.hpp>
#include <newsq/reader.hpp>

namespace newsq::eval {

std::vector<Article> read_corpus(const std::vector<std::string>& paths) {
    std::vector<Article> articles;
    std::vector<BadRecord> bad;
    read_articles(paths, {[&](Article&& a) { articles.push_back(std::move(a)); },
                          [&](BadRecord&& r) { bad.push_back(std::move(r)); }});
    if (!bad.empty()) {
        const BadRecord& first = bad.front();
        throw std::runtime_error(fmt::format("{}:{}: {} ({} bad records)", first.path, first.line,
                                             first.reason, bad.size()));
    }
    return articles;
}

void analyse(std::vector<Article>& articles) {
    BoilerplateModel model;
    for (const Article& a : articles) {
        model.observe(a);
    }
    const Analyzer analyzer;
    for (Article& a : articles) {
        analyzer.analyze(a, &model);
    }
}

} // namespace newsq::eval
