#include "analysis/entity_resolution.hpp"
#include <algorithm>
#include <map>
#include <set>

namespace newsq::detail {

namespace {

std::string name_of(const Candidate& c) {
    return c.canonical.empty() ? c.text() : c.canonical;
}

// Whether `part` is the first or last words of `whole`.
bool is_prefix_or_suffix(const std::vector<std::string>& part,
                         const std::vector<std::string>& whole, bool prefix, bool suffix) {
    if (part.size() >= whole.size()) {
        return false;
    }
    // A particle opening a sentence is capitalised: "Von der Leyen" of "Ursula von der Leyen".
    const auto same = [](const std::string& a, const std::string& b) {
        return a == b || (is_name_particle(fold(a)) && fold(a) == fold(b));
    };
    return (prefix && std::equal(part.begin(), part.end(), whole.begin(), same)) ||
           (suffix && std::equal(part.rbegin(), part.rend(), whole.rbegin(), same));
}

std::string initials(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        if (starts_upper(w)) {
            out += w[0];
        }
    }
    return out;
}

// The fullest name of `kind` in `all` that `c` is a shorter form of.
const Candidate* fuller(const Candidate& c, const std::vector<Candidate>& all, Kind kind,
                        bool prefix, bool suffix) {
    const Candidate* best = nullptr;
    for (const Candidate& other : all) {
        if (other.kind != kind || &other == &c) {
            continue;
        }
        const std::vector<std::string>& words = other.words;
        const bool hyphenated = kind == Kind::place && c.words.size() == 1 && words.size() == 1 &&
                                words[0].starts_with(c.words[0] + '-'); // "Henley-on-Thames"
        const bool shorter = is_prefix_or_suffix(c.words, words, prefix, suffix) || hyphenated ||
                             (kind == Kind::organization && c.words.size() == 1 &&
                              is_all_caps(c.words[0]) && initials(words) == c.words[0]);
        if (shorter && (best == nullptr || words.size() > best->words.size())) {
            best = &other;
        }
    }
    return best;
}

// A lone word taken for a person's name with no fuller name in the article is the
// organisation another mention of it names: "chip maker Veltris" ... "Veltris said".
void settle_lone_names(std::vector<Candidate>& candidates) {
    std::set<std::string> organizations;
    for (const Candidate& c : candidates) {
        if (c.kind == Kind::organization && c.canonical.empty()) {
            organizations.insert(c.text());
        }
    }
    for (Candidate& c : candidates) {
        if (c.kind == Kind::person && c.canonical.empty() && c.words.size() == 1 &&
            organizations.contains(c.words[0])) {
            c.kind = Kind::organization;
        }
    }
}

// Short forms take the canonical name of the fullest name they are part of.
void link_short_forms(std::vector<Candidate>& candidates) {
    for (Candidate& c : candidates) {
        if (!c.canonical.empty()) {
            continue;
        }
        if (c.kind != Kind::place) { // "lawyer for Yakité" is Marcel Yakité
            if (const Candidate* p = fuller(c, candidates, Kind::person, true, true)) {
                c.kind = Kind::person;
                c.canonical = p->canonical.empty() ? p->text() : p->canonical;
                continue;
            }
        }
        // A lone word taken for a person's name may be a short form: "Calder said".
        const bool lone_person = c.kind == Kind::person && c.words.size() == 1;
        if (c.kind == Kind::organization || c.kind == Kind::unknown || lone_person) {
            if (const Candidate* o = fuller(c, candidates, Kind::organization, true, true)) {
                c.kind = Kind::organization;
                c.canonical = o->canonical.empty() ? o->text() : o->canonical;
                continue;
            }
        }
        if (c.kind == Kind::place || c.kind == Kind::unknown) {
            if (const Candidate* p = fuller(c, candidates, Kind::place, false, true)) {
                c.kind = Kind::place;
                c.canonical = p->canonical.empty() ? p->text() : p->canonical;
                continue;
            }
        }
    }
}

// A name left unknown takes the kind another mention of it was given; two or three unknown
// words are taken for a person's name.
void settle_unknown(std::vector<Candidate>& candidates, const Gazetteer& gazetteer) {
    for (Candidate& c : candidates) {
        // "She", "January", "Analysts", "M&A"; not what the tagger found inside a sentence in
        // lower and upper case ("the Treasury", "Labour").
        const bool inside = c.tagged && !c.initial && !is_all_caps(c.words[0]);
        if (c.canonical.empty() && c.words.size() == 1 && !inside &&
            gazetteer.common_words.contains(fold(c.words[0]))) {
            c.kind = Kind::unknown;
            continue;
        }
        if (c.kind != Kind::unknown) {
            continue;
        }
        const std::string text = c.text();
        for (const Candidate& other : candidates) {
            if (other.kind != Kind::unknown && other.text() == text) {
                c.kind = other.kind;
                c.canonical = other.canonical;
                break;
            }
        }
        const bool plain = std::none_of(c.words.begin(), c.words.end(), [&](const std::string& w) {
            return gazetteer.common_words.contains(fold(w)) || gazetteer.demonyms.contains(fold(w));
        });
        if (c.kind == Kind::unknown && c.words.size() >= 2 && c.words.size() <= 3 && plain) {
            c.kind = Kind::person;
        }
    }
}

// A name is a person or an organisation in an article, not both: the kind most of its
// mentions were given, those whose own words say it counting double ("Shares of Acme Widget
// fell" and "Acme Widget said" name one company); on a tie, a person's name must start with a
// given name. A name may still be a place and an organisation ("Everton" the town and the
// club).
void settle_person_or_organization(std::vector<Candidate>& candidates, const Gazetteer& gazetteer) {
    const auto key = [](const Candidate& c) { return without_legal_form(name_of(c)); };
    const auto named = [](const Candidate& c) {
        return c.kind == Kind::person || c.kind == Kind::organization;
    };
    std::map<std::string, std::pair<int, int>> votes; // person, organisation
    for (const Candidate& c : candidates) {
        if (named(c)) {
            auto& [person, organization] = votes[key(c)];
            (c.kind == Kind::person ? person : organization) += c.strong ? 2 : 1;
        }
    }
    for (Candidate& c : candidates) {
        if (!named(c)) {
            continue;
        }
        const std::string name = key(c);
        const auto [person, organization] = votes.at(name);
        const bool given = gazetteer.given_names.contains(fold(name.substr(0, name.find(' '))));
        const bool company = organization > person || (organization == person && !given);
        c.kind = person == 0 || organization == 0 ? c.kind
                 : company                        ? Kind::organization
                                                  : Kind::person;
    }
}

EntityFindings findings(const std::vector<Candidate>& candidates) {
    EntityFindings out;
    std::set<Entity> unique;
    for (const Candidate& c : candidates) {
        if (c.kind == Kind::unknown) {
            continue;
        }
        const EntityType type = c.kind == Kind::person         ? EntityType::person
                                : c.kind == Kind::organization ? EntityType::organization
                                                               : EntityType::place;
        std::string name = name_of(c);
        Entity e{type, type == EntityType::organization ? without_legal_form(name) : name};
        unique.insert(e);
        out.mentions.push_back({std::move(e), c.paragraph, c.begin, c.end});
    }
    out.entities.assign(unique.begin(), unique.end());
    return out;
}

} // namespace

EntityFindings resolve(std::vector<Candidate> candidates, const Gazetteer& gazetteer) {
    link_short_forms(candidates);
    settle_lone_names(candidates);
    settle_unknown(candidates, gazetteer);
    link_short_forms(candidates);
    settle_person_or_organization(candidates, gazetteer);
    return findings(candidates);
}

} // namespace newsq::detail
