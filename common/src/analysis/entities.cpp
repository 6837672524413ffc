#include "analysis/entities.hpp"
#include <algorithm>
#include <array>

#include "analysis/entity_names.hpp"
#include "analysis/entity_resolution.hpp"
#include "analysis/entity_rules.hpp"
#include "analysis/gazetteer.hpp"
#include "analysis/ner_tagger.hpp"

namespace newsq::detail {

namespace {

constexpr std::array<std::string_view, 13> kPlacePrepositions = {
    "in",     "at",   "to",      "near",   "from",       "across", "outside",
    "around", "into", "towards", "toward", "throughout", "inside"};

// Turns the tagger's names in one paragraph into candidates: without titles before a
// person's name ("President Xi Jinping"), cut after a possessive ("Shearer's Euro 96"), under
// the gazetteer's name and kind when it knows them. Other names (events, laws,
// nationalities) are kept apart: no rule makes them entities.
class ModelNames {
public:
    explicit ModelNames(const ParagraphNames& names)
        : n_(names)
        , credit_(names.credit()) {}

    // Words [i, end) of type `type`; `lone`: one word opening a sentence that the article
    // writes nowhere else ("Donate today", "Urgency is no excuse").
    void add(std::size_t i, std::size_t end, ner::NameType type, bool lone) {
        const Kind kind = type == ner::NameType::person         ? Kind::person
                          : type == ner::NameType::organization ? Kind::organization
                          : type == ner::NameType::place        ? Kind::place
                                                                : Kind::unknown;
        const std::size_t at = n_.tokens()[i].begin;
        if (at >= credit_.first && at < credit_.second) {
            return;
        }
        if (kind == Kind::unknown || names_other(end)) {
            others.push_back(n_.candidate(i, end, Kind::unknown));
            return;
        }
        if (lone && !n_.known(i, 1) && !n_.is_given_name(i)) {
            return;
        }
        if (kind == Kind::person) {
            i = after_titles(i, end);
        }
        end = possessive_end(i, end);
        if (i < end) {
            found.push_back(named(i, end, kind));
            found.back().tagged = true;
        }
    }

    std::vector<Candidate> found;
    std::vector<Candidate> others;

private:
    const ParagraphNames& n_;
    std::pair<std::size_t, std::size_t> credit_;

    // "the Chips Act", "Commonwealth Games".
    bool names_other(std::size_t end) const {
        const bool next = end < n_.size() && n_.tokens()[end].joined &&
                          n_.tokens()[end].capitalised && n_.names_other(end);
        return n_.names_other(end - 1) || next;
    }

    // After the titles and roles before a person's name: "President Xi Jinping",
    // "Collector Miles Trevanion", not "Dean Holloway".
    std::size_t after_titles(std::size_t i, std::size_t end) const {
        for (std::size_t t = n_.title_length(i, end); t > 0 && i + t < end && !n_.is_given_name(i);
             t = n_.title_length(i, end)) {
            i += t;
        }
        if (end - i >= 3 && !n_.is_given_name(i) && n_.is_given_name(i + 1)) {
            ++i;
        }
        return i;
    }

    // "Information Commissioner's Office" goes on after the possessive; "Shearer's Euro 96"
    // and "Oxford University's Energy Institute" do not.
    std::size_t possessive_end(std::size_t i, std::size_t end) const {
        for (std::size_t k = i; k + 1 < end; ++k) {
            if (n_.tokens()[k].possessive &&
                (!n_.is_organization_word(k + 1) || n_.owned_by_name(k))) {
                return k + 1;
            }
        }
        return end;
    }

    // "US", "U.K.": an abbreviation names a country, not a club.
    bool abbreviated(std::size_t i, std::size_t end) const {
        const std::string_view text = n_.tokens()[i].text;
        return end == i + 1 && is_all_caps(text) &&
               (text.size() <= 3 || text.find('.') != text.npos);
    }

    // Whether words [i, …) follow a preposition of place: "teams sent to Mariupol".
    bool after_place_preposition(std::size_t i) const {
        return i > 0 && n_.tokens()[i].joined &&
               std::find(kPlacePrepositions.begin(), kPlacePrepositions.end(), n_.folded(i - 1)) !=
                   kPlacePrepositions.end();
    }

    Candidate named(std::size_t i, std::size_t end, Kind kind) const {
        // A club named after its city stays an organisation ("Everton beat Leeds"), and a
        // person named like a place a person ("MaliVai Washington").
        const auto k = n_.known(i, end - i);
        const bool club = kind == Kind::organization && k && k->type == EntityType::place &&
                          !after_place_preposition(i) && !abbreviated(i, end);
        const bool other = kind == Kind::person || club;
        if (k && !other) {
            Candidate c = n_.candidate(i, end, kind_of(k->type), k->canonical);
            c.strong = true;
            return c;
        }
        if (kind != Kind::organization) {
            return n_.candidate(i, end, kind);
        }
        const std::size_t stop = end - i > 1 && is_legal_form(n_.folded(end - 1)) ? end - 1 : end;
        const std::size_t known = n_.known_length(i, stop);
        if (known > 0 && known < stop - i && n_.known(i, known)->type == EntityType::organization) {
            // "UN Human Rights Council" → "United Nations Human Rights Council"
            return n_.candidate(
                i, end, kind, n_.known(i, known)->canonical + ' ' + n_.rest_text(i + known, stop));
        }
        return n_.candidate(i, end, kind);
    }
};

bool overlaps(const Candidate& a, const Candidate& b) {
    return a.begin < b.end && b.begin < a.end;
}

bool covers(const Candidate& a, const Candidate& b) {
    return a.begin <= b.begin && b.end <= a.end;
}

// The tagger's names with the rules on top, in sentences in mixed case that are no table
// rows: names the rules are sure of (a gazetteer name, an organisation ending in an
// organisation word, a club, a person after a title) take the place of the tagger's names they
// hold, or that hold them and titles only ("Centre Party MP Ola Brekke"), and are added where
// the tagger found none.
class Merger {
public:
    Merger(const ParagraphNames& names, ModelNames model, std::vector<Candidate> rules)
        : n_(names)
        , found_(std::move(model.found))
        , others_(std::move(model.others))
        , rules_(std::move(rules)) {
        std::erase_if(rules_, [&](const Candidate& r) {
            return !r.strong || r.kind == Kind::unknown ||
                   std::any_of(others_.begin(), others_.end(),
                               [&](const Candidate& o) { return covers(o, r); });
        });
    }

    std::vector<Candidate> run() {
        split_by_rules();
        for (const Candidate& r : rules_) {
            add_rule(r);
        }
        std::sort(found_.begin(), found_.end(),
                  [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
        return std::move(found_);
    }

private:
    const ParagraphNames& n_;
    std::vector<Candidate> found_;
    std::vector<Candidate> others_;
    std::vector<Candidate> rules_;

    // The tagger's names whose words the rules' names and titles make up.
    void split_by_rules() {
        std::vector<Candidate> kept;
        for (Candidate& m : found_) {
            std::vector<Candidate> parts;
            for (const Candidate& r : rules_) {
                if (covers(m, r) && !covers(r, m)) {
                    parts.push_back(r);
                }
            }
            if (!parts.empty() && !m.strong && only_titles_besides(m, parts)) {
                kept.insert(kept.end(), parts.begin(), parts.end());
            } else {
                kept.push_back(std::move(m));
            }
        }
        found_ = std::move(kept);
    }

    // Whether the words of `m` are `parts`, titles and "and", and a person's name ends with
    // a part: not "John Major".
    bool only_titles_besides(const Candidate& m, const std::vector<Candidate>& parts) const {
        if (m.kind == Kind::person &&
            std::none_of(parts.begin(), parts.end(),
                         [&](const Candidate& r) { return r.last == m.last; })) {
            return false;
        }
        for (std::size_t k = m.first; k < m.last;) {
            const auto part = std::find_if(parts.begin(), parts.end(), [&](const Candidate& r) {
                return r.first <= k && k < r.last;
            });
            const std::size_t title = n_.title_length(k, m.last);
            if (part == parts.end() && title == 0 && n_.folded(k) != "and") {
                return false;
            }
            k = part != parts.end() ? part->last : k + std::max<std::size_t>(title, 1);
        }
        return true;
    }

    // A name of the rules takes the place of the tagger's names inside it when they are of
    // its kind, or of the tagger's name with its words unless the gazetteer or the context
    // settled that one's kind.
    void add_rule(const Candidate& r) {
        const auto inside = static_cast<std::size_t>(std::count_if(
            found_.begin(), found_.end(), [&](const Candidate& m) { return covers(r, m); }));
        if (std::any_of(found_.begin(), found_.end(), [&](const Candidate& m) {
                const bool same = covers(m, r) && covers(r, m);
                return overlaps(r, m) &&
                       (!covers(r, m) || (inside > 1 && m.kind != r.kind) ||
                        (same && (m.strong || club(m, r) ||
                                  (m.kind == Kind::person && r.kind != Kind::organization))));
            })) {
            return;
        }
        std::erase_if(found_, [&](const Candidate& m) { return covers(r, m); });
        found_.push_back(r);
    }

    // The tagger's organisation named like a place the rules know: a club ("Everton").
    static bool club(const Candidate& m, const Candidate& r) {
        return m.kind == Kind::organization && r.kind == Kind::place;
    }
};

// Whether tokens [from, to) are name particles written between two names ("von der").
bool particles_between(const ParagraphNames& names, std::size_t from, std::size_t to) {
    if (from >= to || to - from > 2) {
        return false;
    }
    for (std::size_t k = from; k <= to; ++k) {
        if (!names.tokens()[k].joined || (k < to && !is_name_particle(names.folded(k)))) {
            return false;
        }
    }
    return true;
}

// A person's name, particles and another name are one person's name: "Abdulaziz bin Salman
// al-Saud", "Ursula von der Leyen".
std::vector<Candidate> join_particles(const ParagraphNames& names, std::vector<Candidate> found) {
    std::vector<Candidate> joined;
    for (Candidate& c : found) {
        if (!joined.empty() && joined.back().kind == Kind::person &&
            particles_between(names, joined.back().last, c.first)) {
            Candidate& last = joined.back();
            Candidate whole = names.candidate(last.first, c.last, Kind::person);
            whole.tagged = last.tagged || c.tagged;
            whole.strong = last.strong || c.strong;
            last = std::move(whole);
            continue;
        }
        joined.push_back(std::move(c));
    }
    return joined;
}

// The candidates of one paragraph, whose first word is document word `first`: the tagger's
// names `spans` in it, with the rules on top in sentences in mixed case that are no table rows.
std::vector<Candidate> paragraph_candidates(const ParagraphNames& names,
                                            const ner::Document& document,
                                            std::span<const ner::Span> spans, std::size_t first) {
    const std::vector<ner::Word>& words = document.words();
    ModelNames model(names);
    for (const ner::Span& span : spans) {
        const bool lone = span.end == span.begin + 1 && words[span.begin].first &&
                          document.plain(span.begin) && document.once(span.begin);
        model.add(words[span.begin].token, words[span.end - 1].token + 1, span.type, lone);
    }
    std::vector<Candidate> rules = rule_candidates(names);
    std::erase_if(rules, [&](const Candidate& r) { return !document.plain(first + r.first); });
    return join_particles(names, Merger(names, std::move(model), std::move(rules)).run());
}

} // namespace

EntityFindings find_entities(std::span<const std::string_view> paragraphs,
                             std::span<const std::vector<Token>> tokens,
                             const Gazetteer& gazetteer) {
    const ner::Document document(paragraphs, tokens, gazetteer);
    const std::vector<ner::Span> spans = ner::spans(ner::tag(document, ner::Model::built_in()));
    const ArticleText article(paragraphs);
    std::vector<Candidate> candidates;
    auto span = spans.begin();
    std::size_t first = 0;
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        const auto end = std::find_if(span, spans.end(), [&](const ner::Span& s) {
            return document.words()[s.begin].paragraph != p;
        });
        const ParagraphNames names(p, paragraphs[p], tokens[p], gazetteer, article);
        for (Candidate& c : paragraph_candidates(names, document, {span, end}, first)) {
            candidates.push_back(std::move(c));
        }
        span = end;
        first += tokens[p].size();
    }
    return resolve(std::move(candidates), gazetteer);
}

} // namespace newsq::detail
