// eval-ner: scores the people, organisations and places the analysis finds on CoNLL-2003 data
// (the dev split: ../shared/data/conll2003/dev.txt), mention by mention as conlleval does: a
// name counts when its words and type are exactly the gold's. Each sentence is a paragraph,
// each story an article. Prints precision, recall and F1 per type, for the entity finder
// (find_entities: the tagger with the rules on top) and for the statistical tagger alone.
//   usage: eval-ner CONLL_FILE [--errors] [--min-per F1] [--min-org F1] [--min-loc F1]
// Exit status: 0 every threshold met, 1 some threshold missed, 2 bad usage or data.

#include <chrono>
#include <stdexcept>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "analysis/entities.hpp"
#include "analysis/gazetteer.hpp"
#include "analysis/ner_tagger.hpp"
#include "conll.hpp"

namespace {

namespace ner = newsq::detail::ner;
namespace conll = newsq::eval::conll;
using newsq::EntityType;

struct Options {
    std::string file;
    bool errors = false;
    double min_per = 0.92;
    double min_org = 0.85;
    double min_loc = 0.90;
};

ner::NameType name_type(EntityType type) {
    return type == EntityType::person         ? ner::NameType::person
           : type == EntityType::organization ? ner::NameType::organization
                                              : ner::NameType::place;
}

// The gold names of the three types the analysis finds.
std::vector<conll::Mention> gold_of(const conll::Document& doc) {
    std::vector<conll::Mention> gold = conll::gold_mentions(doc);
    std::erase_if(gold, [](const conll::Mention& m) { return m.type == ner::NameType::misc; });
    return gold;
}

std::vector<conll::Mention> found_by_finder(const conll::Document& doc) {
    const std::vector<std::string_view> paragraphs = doc.paragraph_views();
    const newsq::detail::EntityFindings found =
        newsq::detail::find_entities(paragraphs, doc.tokens, newsq::detail::Gazetteer::built_in());
    std::vector<conll::Mention> mentions;
    for (const newsq::detail::Mention& m : found.mentions) {
        const conll::Mention c =
            conll::mention_at(doc, m.paragraph, m.begin, m.end, name_type(m.entity.type));
        if (c.type != ner::NameType::none) {
            mentions.push_back(c);
        }
    }
    return mentions;
}

std::vector<conll::Mention> found_by_tagger(const conll::Document& doc) {
    const std::vector<std::string_view> paragraphs = doc.paragraph_views();
    const ner::Document words(paragraphs, doc.tokens, newsq::detail::Gazetteer::built_in());
    std::vector<conll::Mention> mentions;
    for (const ner::Span& span : ner::spans(ner::tag(words, ner::Model::built_in()))) {
        const ner::Word& first = words.words()[span.begin];
        const ner::Word& last = words.words()[span.end - 1];
        const newsq::detail::Token& b = doc.tokens[first.paragraph][last.token];
        const conll::Mention c =
            conll::mention_at(doc, first.paragraph, doc.tokens[first.paragraph][first.token].begin,
                              b.begin + b.text.size(), span.type);
        if (c.type != ner::NameType::none && c.type != ner::NameType::misc) {
            mentions.push_back(c);
        }
    }
    return mentions;
}

// The sentence, then "- name" for each gold name missed and "+ name" for each wrong one.
void print_errors(const conll::Document& doc, const std::vector<conll::Mention>& gold,
                  const std::vector<conll::Mention>& found) {
    const auto in = [](const std::vector<conll::Mention>& list, const conll::Mention& m) {
        return std::find(list.begin(), list.end(), m) != list.end();
    };
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        std::string lines;
        for (const conll::Mention& m : gold) {
            lines +=
                m.sentence == s && !in(found, m) ? "  - " + conll::describe(doc, m) + "\n" : "";
        }
        for (const conll::Mention& m : found) {
            lines += m.sentence == s && !in(gold, m) ? "  + " + conll::describe(doc, m) + "\n" : "";
        }
        if (!lines.empty()) {
            fmt::print("{}\n{}", doc.paragraphs[s], lines);
        }
    }
}

bool check(std::string_view what, double value, double minimum) {
    const bool ok = value >= minimum;
    fmt::print("  {:<7} {:<20} {:.4f} {} {:.2f}\n", ok ? "ok" : "FAILED", what, value,
               ok ? ">=" : "<", minimum);
    return ok;
}

int run(const Options& o) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<conll::Document> docs = conll::read(o.file);
    conll::Score finder, tagger;
    for (const conll::Document& doc : docs) {
        const std::vector<conll::Mention> gold = gold_of(doc);
        const std::vector<conll::Mention> found = found_by_finder(doc);
        finder.add(gold, found);
        tagger.add(gold, found_by_tagger(doc));
        if (o.errors) {
            print_errors(doc, gold, found);
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{} documents, {:.1f} s\n\nthe entity finder (find_entities):\n{}\n"
               "the statistical tagger alone:\n{}\nthresholds (the entity finder):\n",
               docs.size(), seconds, finder.table(), tagger.table());
    const auto f1 = [&](ner::NameType t) { return finder.types[static_cast<std::size_t>(t)].f1(); };
    bool ok = check("person F1", f1(ner::NameType::person), o.min_per);
    ok = check("organization F1", f1(ner::NameType::organization), o.min_org) && ok;
    ok = check("place F1", f1(ner::NameType::place), o.min_loc) && ok;
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Scores the entities the analysis finds on CoNLL-2003 data"};
    Options o;
    app.add_option("file", o.file, "a CoNLL-2003 file, e.g. dev.txt")->required();
    app.add_flag("--errors", o.errors, "list each sentence with a name missed or wrong");
    app.add_option("--min-per", o.min_per, "smallest person F1 that passes");
    app.add_option("--min-org", o.min_org, "smallest organization F1 that passes");
    app.add_option("--min-loc", o.min_loc, "smallest place F1 that passes");
    CLI11_PARSE(app, argc, argv);
    try {
        return run(o);
    } catch (const std::exception& e) {
        fmt::print(stderr, "eval-ner: {}\n", e.what());
        return 2;
    }
}
