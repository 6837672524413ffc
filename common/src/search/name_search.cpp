#include "search/name_search.hpp"
#include <optional>
#include <utility>

#include "analysis/gazetteer.hpp"
#include "analysis/search_names.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

// The words of `name` as the term generator indexes them ("O'Brien" is one word).
std::vector<std::string> words_of(std::string_view name) {
    const std::vector<std::string_view> words = split_words(name, Apostrophes::straight_and_curly);
    return {words.begin(), words.end()};
}

// The articles whose analysis found `name` in f: for a row of every entity type, in any of
// the typed rows of its source.
Xapian::Query found(const Field& f, const std::string& name) {
    if (!f.prefix.empty()) {
        return Xapian::Query(boolean_term(f, name));
    }
    std::vector<Xapian::Query> typed;
    for (const Field& o : kFields) {
        if (o.source == f.source && !o.prefix.empty()) {
            typed.emplace_back(boolean_term(o, name));
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, typed.begin(), typed.end());
}

} // namespace

NameSearch::NameSearch() {
    phrases_.set_default_op(Xapian::Query::OP_AND);
}

Xapian::Query NameSearch::filter(const Field& f, std::string_view value) {
    const bool speaker = f.source == FieldSource::speakers;
    std::vector<Xapian::Query> alternatives;
    for (const std::string& name : names_for_search(value, f.entity, Gazetteer::built_in())) {
        Name n{words_of(name), speaker || f.entity == EntityType::person, found(f, name),
               Xapian::Query()};
        alternatives.push_back(n.found);
        if (!speaker && !n.words.empty()) {
            alternatives.push_back(phrase(n.words));
            n.other = other_types(f, name);
        }
        names_.push_back(std::move(n));
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query NameSearch::ranking() const {
    std::vector<Xapian::Query> parts;
    for (const Name& n : names_) {
        if (n.words.empty()) {
            continue;
        }
        Xapian::Query said = phrase(n.words);
        if (n.person && n.words.size() > 1) {
            said = Xapian::Query(Xapian::Query::OP_OR, said, phrase(std::span(n.words).last(1)));
        }
        parts.push_back(said);
        parts.emplace_back(Xapian::Query::OP_FILTER, said, n.found);
        parts.emplace_back(Xapian::Query::OP_AND_NOT, said, n.other);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The words as an exact phrase of the article's text (title and body).
Xapian::Query NameSearch::phrase(std::span<const std::string> words) const {
    std::string quoted = "\"";
    for (const std::string& w : words) {
        quoted.append(w).append(" ");
    }
    quoted.back() = '"';
    return phrases_.parse_query(quoted, Xapian::QueryParser::FLAG_PHRASE);
}

// The articles whose analysis gives `name` a type other than f's.
Xapian::Query NameSearch::other_types(const Field& f, const std::string& name) const {
    std::vector<Xapian::Query> others;
    for (const Field& o : kFields) {
        if (f.entity && o.entity && o.entity != f.entity) {
            others.emplace_back(boolean_term(o, name));
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end());
}

} // namespace newsq::detail
