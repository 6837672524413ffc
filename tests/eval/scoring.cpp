#include "scoring.hpp"
#include <algorithm>
#include <optional>
#include <set>

namespace newsq::eval {
namespace {

struct Replacement {
    std::string_view from;
    std::string_view to;
};

constexpr std::array kApostrophes{Replacement{"\u2019", "'"}, Replacement{"\u2018", "'"}};
// Apostrophes, then double quotation marks.
constexpr std::array kQuoteCharacters{Replacement{"\u2019", "'"}, Replacement{"\u2018", "'"},
                                      Replacement{"\u201C", "\""}, Replacement{"\u201D", "\""},
                                      Replacement{"\u201E", "\""}};
constexpr std::string_view kNoBreakSpace = "\u00A0";

template <std::size_t N>
std::optional<Replacement> replacement_at(std::string_view text,
                                          const std::array<Replacement, N>& table) {
    for (const Replacement& r : table) {
        if (text.starts_with(r.from)) {
            return r;
        }
    }
    return std::nullopt;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The length of the white space at the start of `text`, 0 when there is none.
std::size_t space_at(std::string_view text) {
    if (!text.empty() && is_space(text.front())) {
        return 1;
    }
    return text.starts_with(kNoBreakSpace) ? kNoBreakSpace.size() : 0;
}

double ratio(std::size_t part, std::size_t whole) {
    return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

using EntityKey = std::pair<EntityType, std::string>;

std::set<EntityKey> entity_keys(const std::vector<Entity>& entities) {
    std::set<EntityKey> keys;
    for (const Entity& e : entities) {
        keys.emplace(e.type, normalise_name(e.name));
    }
    return keys;
}

// Entities of `from` that `other` lacks, each counted against its type in `counts`.
std::vector<Entity> difference(const std::set<EntityKey>& from, const std::set<EntityKey>& other,
                               std::array<Counts, 3>& counts, std::size_t Counts::*field) {
    std::vector<Entity> result;
    for (const auto& [type, name] : from) {
        if (!other.contains({type, name})) {
            ++(counts[static_cast<std::size_t>(type)].*field);
            result.push_back({type, name});
        }
    }
    return result;
}

void score_entities(const Annotation& gold, const Annotation& found, ArticleScore& score) {
    const std::set<EntityKey> gold_keys = entity_keys(gold.entities);
    const std::set<EntityKey> found_keys = entity_keys(found.entities);
    for (const auto& [type, name] : gold_keys) {
        if (found_keys.contains({type, name})) {
            ++score.entities[static_cast<std::size_t>(type)].matched;
        }
    }
    score.missed_entities = difference(gold_keys, found_keys, score.entities, &Counts::missed);
    score.spurious_entities = difference(found_keys, gold_keys, score.entities, &Counts::spurious);
}

struct QuoteSlot {
    const Quote* quote;
    std::string text;    ///< normalised
    std::string speaker; ///< normalised
    const QuoteSlot* partner = nullptr;
};

std::vector<QuoteSlot> quote_slots(const std::vector<Quote>& quotes) {
    std::vector<QuoteSlot> slots;
    for (const Quote& q : quotes) {
        slots.push_back({&q, normalise_quote(q.text), normalise_name(q.speaker)});
    }
    return slots;
}

// Pairs each unpaired gold slot with the first unpaired found slot of equal text (and, when
// `same_speaker`, equal speaker).
void pair_quotes(std::vector<QuoteSlot>& gold, std::vector<QuoteSlot>& found, bool same_speaker) {
    for (QuoteSlot& g : gold) {
        const auto match = std::find_if(found.begin(), found.end(), [&](const QuoteSlot& f) {
            return !f.partner && !g.partner && f.text == g.text &&
                   (!same_speaker || f.speaker == g.speaker);
        });
        if (match != found.end()) {
            g.partner = &*match;
            match->partner = &g;
        }
    }
}

void score_quotes(const Annotation& gold, const Annotation& found, ArticleScore& score) {
    std::vector<QuoteSlot> gold_slots = quote_slots(gold.quotes);
    std::vector<QuoteSlot> found_slots = quote_slots(found.quotes);
    pair_quotes(gold_slots, found_slots, true);
    pair_quotes(gold_slots, found_slots, false);
    for (const QuoteSlot& g : gold_slots) {
        if (!g.partner) {
            ++score.quotes.missed;
            score.missed_quotes.push_back(g.quote->text);
        } else if (g.partner->speaker == g.speaker) {
            ++score.quotes.matched;
            ++score.right_speakers;
        } else {
            ++score.quotes.matched;
            score.wrong_speakers.push_back(
                {g.quote->text, g.quote->speaker, g.partner->quote->speaker});
        }
    }
    for (const QuoteSlot& f : found_slots) {
        if (!f.partner) {
            ++score.quotes.spurious;
            score.spurious_quotes.push_back(f.quote->text);
        }
    }
}

} // namespace

double Counts::precision() const {
    return ratio(matched, found());
}

double Counts::recall() const {
    return ratio(matched, gold());
}

double Counts::f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Counts& Counts::operator+=(const Counts& other) {
    matched += other.matched;
    spurious += other.spurious;
    missed += other.missed;
    return *this;
}

void Totals::add(const ArticleScore& score) {
    ++articles;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        entities[i] += score.entities[i];
    }
    quotes += score.quotes;
    right_speakers += score.right_speakers;
}

double Totals::speaker_accuracy() const {
    return ratio(right_speakers, quotes.matched);
}

std::string normalise_name(std::string_view name) {
    std::string result;
    result.reserve(name.size());
    while (!name.empty()) {
        if (const auto r = replacement_at(name, kApostrophes)) {
            result += r->to;
            name.remove_prefix(r->from.size());
        } else {
            result += name.front();
            name.remove_prefix(1);
        }
    }
    return result;
}

std::string normalise_quote(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    bool pending_space = false;
    while (!text.empty()) {
        if (const std::size_t n = space_at(text); n > 0) {
            pending_space = !result.empty();
            text.remove_prefix(n);
            continue;
        }
        if (pending_space) {
            result += ' ';
            pending_space = false;
        }
        const auto r = replacement_at(text, kQuoteCharacters);
        result += r ? r->to : text.substr(0, 1);
        text.remove_prefix(r ? r->from.size() : 1);
    }
    return result;
}

ArticleScore score(const Annotation& gold, const Annotation& found) {
    ArticleScore result;
    score_entities(gold, found, result);
    score_quotes(gold, found, result);
    return result;
}

} // namespace newsq::eval
