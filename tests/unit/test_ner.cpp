// The statistical name tagger: its model file, the features' view of a document, and the
// names it finds with the built-in model.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "analysis/gazetteer.hpp"
#include "analysis/ner_tagger.hpp"

namespace ner = newsq::detail::ner;
using newsq::detail::Gazetteer;
using newsq::detail::Token;

namespace {

// A document of the given paragraphs, tokenised as the analysis does; it views them.
struct Prepared {
    std::vector<std::string_view> paragraphs;
    std::vector<std::vector<Token>> tokens;
    ner::Document document;

    explicit Prepared(std::vector<std::string_view> p)
        : paragraphs(std::move(p))
        , tokens(tokenized(paragraphs))
        , document(paragraphs, tokens, Gazetteer::built_in()) {}

    static std::vector<std::vector<Token>> tokenized(const std::vector<std::string_view>& ps) {
        std::vector<std::vector<Token>> out;
        for (const std::string_view p : ps) {
            out.push_back(newsq::detail::tokenize(p, Gazetteer::built_in()));
        }
        return out;
    }

    // The names the built-in model finds, as "TYPE words" lines.
    std::string names() const {
        std::string out;
        for (const ner::Span& s : ner::spans(ner::tag(document, ner::Model::built_in()))) {
            out += ner::kTypeNames[static_cast<std::size_t>(s.type)];
            for (std::size_t i = s.begin; i < s.end; ++i) {
                out += ' ' + std::string(document.words()[i].written);
            }
            out += '\n';
        }
        return out;
    }
};

} // namespace

TEST_CASE("ner: a model file is read back as written") {
    ner::Row row{42, {}};
    row.weights[static_cast<std::size_t>(ner::Label::B_PER)] = 2.5F;
    row.weights[static_cast<std::size_t>(ner::Label::O)] = -1.25F;
    const std::vector<std::vector<ner::Row>> stages = {{row}, {}};
    const ner::Model model(ner::serialize(stages));
    REQUIRE(model.stages().size() == 2);
    ner::Scores scores{};
    const std::uint64_t features[] = {42, 7};
    model.stages()[0].add(features, scores);
    CHECK(scores[static_cast<std::size_t>(ner::Label::B_PER)] ==
          doctest::Approx(2.5).epsilon(1e-3));
    CHECK(scores[static_cast<std::size_t>(ner::Label::O)] == doctest::Approx(-1.25).epsilon(1e-3));
    CHECK(model.stages()[1].size() == 0);
}

TEST_CASE("ner: what is not a model file is refused") {
    CHECK_THROWS_AS(ner::Model{std::string_view("not a model")}, std::runtime_error);
    const std::vector<std::vector<ner::Row>> stages = {{}};
    std::string cut = ner::serialize(stages);
    cut.pop_back();
    CHECK_THROWS_AS(ner::Model{std::string_view(cut)}, std::runtime_error);
}

TEST_CASE("ner: the built-in model has two stages") {
    CHECK(ner::Model::built_in().stages().size() == 2);
    CHECK(ner::Model::built_in().stages()[0].size() > 1000);
}

TEST_CASE("ner: sentences, and headlines in capitals or title case") {
    const Prepared p({"Minister Backs Coach Over Pay Row",
                      "The minister spoke in Oslo. She backs the coach, officials said."});
    const std::vector<ner::Sentence>& s = p.document.sentences();
    REQUIRE(s.size() == 3);
    CHECK(s[0].caps);
    CHECK_FALSE(s[1].caps);
    CHECK(p.document.words()[s[2].begin].written == "She");
}

TEST_CASE("ner: people, places and organisations in running text") {
    const Prepared p({"US Secretary of State Antony Blinken met officials of the European "
                      "Commission in Warsaw on Monday."});
    const std::string names = p.names();
    CAPTURE(names);
    CHECK(names.find("PER Antony Blinken\n") != std::string::npos);
    CHECK(names.find("ORG European Commission\n") != std::string::npos);
    CHECK(names.find("LOC Warsaw\n") != std::string::npos);
    CHECK(names.find("Secretary") == std::string::npos);
}

TEST_CASE("ner: a name does not run on over a comma") {
    const Prepared p({"\"This is a good deal for Northwind,\" Castellanos said."});
    const std::string names = p.names();
    CHECK(names.find("Northwind Castellanos") == std::string::npos);
}
