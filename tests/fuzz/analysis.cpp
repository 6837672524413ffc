// The analysis stage (boilerplate, language, entities, quotes) on an article whose first line
// is the headline, also declared as its language tag, and the rest the body, without and with
// boilerplate learned from it; and the learned boilerplate as the index stores it. What it
// finds must be UTF-8 like its input, and the language a two-letter code or nothing.
#include <algorithm>

#include <newsq/analysis.hpp>
#include <newsq/error.hpp>

#include "fuzz.hpp"

namespace {

void check(const newsq::Article& a) {
    using newsq::fuzz::require;
    using newsq::fuzz::valid_utf8;
    require(valid_utf8(a.body), "the clean body is UTF-8");
    require(a.language.empty() || (a.language.size() == 2 &&
                                   std::all_of(a.language.begin(), a.language.end(),
                                               [](char c) { return c >= 'a' && c <= 'z'; })),
            "the language is an ISO 639-1 code or nothing");
    for (const newsq::Entity& e : a.entities) {
        require(!e.name.empty() && valid_utf8(e.name), "entity names are UTF-8 words");
    }
    for (const newsq::Quote& q : a.quotes) {
        require(valid_utf8(q.text) && valid_utf8(q.speaker), "quotes and speakers are UTF-8");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const newsq::Analyzer analyzer;
    const std::string_view input = newsq::fuzz::text(data, size);
    newsq::BoilerplateModel model;
    try {
        model.load(input);
    } catch (const newsq::Error&) {
    }
    if (!newsq::fuzz::valid_utf8(input)) {
        return 0; // the readers let only UTF-8 text through
    }
    const auto [title, body] = newsq::fuzz::split_line(input);
    const newsq::Article article{.title = std::string(title),
                                 .source = "Harbor Herald",
                                 .body = std::string(body),
                                 .language = std::string(title)};
    newsq::Article plain = article;
    analyzer.analyze(plain);
    check(plain);
    for (int i = 0; i < 3; ++i) {
        model.observe(article);
    }
    newsq::Article learned = article;
    analyzer.analyze(learned, &model);
    check(learned);
    newsq::BoilerplateModel saved;
    saved.load(model.save());
    return 0;
}
