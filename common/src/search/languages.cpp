#include "search/languages.hpp"
#include <algorithm>
#include <map>

#include <newsq/schema.hpp>

#include "store/terms.hpp"

namespace newsq::detail {

namespace {

struct Group {
    std::string language; // the first of the group's languages
    std::vector<Xapian::Query> terms;
};

// The language codes the index holds, and whether some articles have none.
std::pair<std::vector<std::string>, bool> index_languages(const Xapian::Database& db) {
    const std::string prefix(field("language").prefix);
    std::vector<std::string> codes;
    Xapian::doccount tagged = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        codes.push_back((*it).substr(prefix.size()));
        tagged += it.get_termfreq();
    }
    return {codes, tagged < db.get_doccount()};
}

Xapian::Query any_of(const std::vector<Xapian::Query>& terms) {
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

} // namespace

Xapian::Query Reading::apply(Xapian::Query query) const {
    return articles.empty() ? query : Xapian::Query(op, query, articles);
}

std::vector<Reading> query_readings(const Xapian::Database& db, std::span<const std::string> only) {
    auto [codes, untagged] = index_languages(db);
    if (!only.empty()) {
        std::erase_if(codes, [&](const std::string& c) {
            return std::find(only.begin(), only.end(), c) == only.end();
        });
        untagged = false;
    }
    // Languages group by stemmer: those Xapian has none for all read alike.
    const std::string fallback = text_stemmer(kDefaultLanguage).get_description();
    std::map<std::string, Group> groups;
    if (untagged) {
        groups[fallback].language = kDefaultLanguage;
    }
    for (const std::string& code : codes) {
        Group& g = groups[text_stemmer(code).get_description()];
        g.language = g.language.empty() ? code : g.language;
        g.terms.emplace_back(boolean_term(field("language"), code));
    }
    if (groups.size() <= 1) {
        return {{groups.empty() ? std::string(kDefaultLanguage) : groups.begin()->second.language}};
    }
    std::vector<Reading> readings;
    std::vector<Xapian::Query> others;
    for (auto& [stemmer, g] : groups) {
        if (only.empty() && stemmer == fallback) {
            continue;
        }
        others.insert(others.end(), g.terms.begin(), g.terms.end());
        readings.push_back({g.language, Xapian::Query::OP_FILTER, any_of(g.terms)});
    }
    if (const auto it = groups.find(fallback); only.empty() && it != groups.end()) {
        readings.push_back({it->second.language, Xapian::Query::OP_AND_NOT, any_of(others)});
    }
    return readings;
}

} // namespace newsq::detail
