#include <newsq/analysis.hpp>

#include "analysis/boilerplate.hpp"
#include "analysis/entities.hpp"
#include "analysis/gazetteer.hpp"
#include "analysis/paragraphs.hpp"
#include "analysis/quotes.hpp"
#include "analysis/tokens.hpp"

namespace newsq {

namespace {

// The headline and the body, as paragraphs of one text.
std::string full_text(const Article& article) {
    std::string text;
    text.reserve(article.title.size() + 2 + article.body.size());
    text.append(article.title).append("\n\n").append(article.body);
    return text;
}

} // namespace

Analyzer::Analyzer(AnalysisOptions options)
    : options_(options) {}

void Analyzer::analyze(Article& article, const BoilerplateModel* learned) const {
    if (options_.boilerplate) {
        article.body = detail::remove_boilerplate(article.body, article.source, learned);
    }
    article.language = options_.language ? detect_language(full_text(article), article.language)
                                         : language_code(article.language);
    if (!options_.entities && !options_.quotes) {
        return;
    }
    std::vector<std::string_view> paragraphs = detail::split_paragraphs(article.body);
    if (!article.title.empty()) {
        paragraphs.insert(paragraphs.begin(), article.title);
    }
    // The name and attribution rules are English ones: elsewhere they would make names of
    // capitalised words and speakers of verbs.
    if (!article.language.empty() && article.language != "en") {
        article.entities.clear();
        article.quotes =
            options_.quotes ? detail::find_unattributed_quotes(paragraphs) : std::vector<Quote>{};
        return;
    }
    const detail::Gazetteer& gazetteer = detail::Gazetteer::built_in();
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
