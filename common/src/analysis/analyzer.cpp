#include <newsq/analysis.hpp>

#include "analysis/boilerplate.hpp"
#include "analysis/entities.hpp"
#include "analysis/gazetteer.hpp"
#include "analysis/paragraphs.hpp"
#include "analysis/quotes.hpp"
#include "analysis/tokens.hpp"

namespace newsq {

Analyzer::Analyzer(AnalysisOptions options)
    : options_(options) {}

void Analyzer::analyze(Article& article, const BoilerplateModel* learned) const {
    if (options_.boilerplate) {
        article.body = detail::remove_boilerplate(article.body, article.source, learned);
    }
    if (!options_.entities && !options_.quotes) {
        return;
    }
    const detail::Gazetteer& gazetteer = detail::Gazetteer::built_in();
    std::vector<std::string_view> paragraphs = detail::split_paragraphs(article.body);
    if (!article.title.empty()) {
        paragraphs.insert(paragraphs.begin(), article.title);
    }
    std::vector<std::vector<detail::Token>> tokens;
    tokens.reserve(paragraphs.size());
    for (std::string_view p : paragraphs) {
        tokens.push_back(detail::tokenize(p, gazetteer));
    }
    detail::EntityFindings found = detail::find_entities(paragraphs, tokens, gazetteer);
    if (options_.quotes) {
        article.quotes = detail::find_quotes(paragraphs, tokens, found);
    }
    if (options_.entities) {
        article.entities = std::move(found.entities);
    }
}

} // namespace newsq
