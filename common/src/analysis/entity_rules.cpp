#include "analysis/entity_rules.hpp"
#include <algorithm>
#include <array>

#include "text.hpp"

namespace newsq::detail {

namespace {

// Words after which "of" continues a name ("Republic of", "Bay of").
constexpr std::array<std::string_view, 8> kOfHeads = {"republic", "kingdom", "isle",   "cape",
                                                      "gulf",     "bay",     "strait", "sea"};

// Lower-case nouns for a kind of organisation, which may stand before its name: "chip maker
// Veltris", "the ferry operator Stena".
constexpr std::array<std::string_view, 22> kBodyNouns = {
    "firm",        "maker",     "manufacturer", "carmaker", "automaker", "chipmaker",
    "drugmaker",   "carrier",   "operator",     "retailer", "lender",    "insurer",
    "broadcaster", "publisher", "watchdog",     "start-up", "startup",   "supplier",
    "producer",    "miner",     "conglomerate", "developer"};

// Abbreviations that open the name of a sports club: "FC Porto", "AC Milan", "SK Brann".
constexpr std::array<std::string_view, 20> kClubPrefixes = {
    "AC",  "AFC", "BK",  "CD", "CF",  "FC", "FK", "GKS", "HC",  "HK",
    "IFK", "KS",  "MKS", "NK", "RCD", "SK", "SV", "TSV", "VfB", "VfL"};

// Words that end the description after a name: "X, a club in Lublin", "X, a firm that".
constexpr std::array<std::string_view, 12> kDescriptionStops = {
    "of", "at", "in", "for", "with", "from", "on", "by", "who", "which", "that", "and"};

constexpr std::array<std::string_view, 13> kPlacePrepositions = {
    "in",   "at",      "near",   "from",       "across", "outside", "around",
    "into", "towards", "toward", "throughout", "via",    "inside"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

class RuleScanner {
public:
    explicit RuleScanner(const ParagraphNames& names)
        : n_(names)
        , tokens_(names.tokens())
        , g_(names.gazetteer()) {}

    std::vector<Candidate> run() {
        scan();
        return std::move(found_);
    }

private:
    const ParagraphNames& n_;
    std::span<const Token> tokens_;
    const Gazetteer& g_;
    std::vector<Candidate> found_;

    const std::string& word(std::size_t i) const { return n_.word(i); }
    const std::string& folded(std::size_t i) const { return n_.folded(i); }
    std::string_view written(std::size_t i) const { return n_.written(i); }
    std::optional<KnownName> known(std::size_t i, std::size_t n) const { return n_.known(i, n); }
    std::size_t known_length(std::size_t i, std::size_t end) const {
        return n_.known_length(i, end);
    }
    std::size_t title_length(std::size_t i, std::size_t end) const {
        return n_.title_length(i, end);
    }
    std::string rest_text(std::size_t i, std::size_t end) const { return n_.rest_text(i, end); }
    bool is_given_name(std::size_t i) const { return n_.is_given_name(i); }

    void add(std::size_t i, std::size_t end, Kind kind, bool strong, std::string canonical = {}) {
        found_.push_back(n_.candidate(i, end, kind, std::move(canonical)));
        found_.back().strong = strong;
    }

    // Whether the capitalised words from i on end with an organisation word, and only
    // the last of them is one.
    bool organization_follows(std::size_t i) const {
        std::size_t k = i;
        while (k + 1 < tokens_.size() && tokens_[k + 1].joined && tokens_[k + 1].capitalised &&
               !tokens_[k].possessive) {
            if (g_.organization_words.contains(folded(k))) {
                return false;
            }
            ++k;
        }
        return k < tokens_.size() && tokens_[k].capitalised &&
               g_.organization_words.contains(folded(k));
    }

    // Whether the name before i has an organisation word followed by "of" or "for":
    // "Institute of Geophysics", "Centre for Disease Prevention".
    bool inside_body_name(std::size_t i) const {
        for (std::size_t k = i; k > 1 && tokens_[k - 1].joined; --k) {
            const std::string& w = folded(k - 1);
            if ((w == "of" || w == "for") && g_.organization_words.contains(folded(k - 2))) {
                return true;
            }
            if (!tokens_[k - 1].capitalised && w != "of" && w != "for" && w != "the" &&
                w != "and") {
                return false;
            }
        }
        return false;
    }

    bool capital_follows(std::size_t i) const {
        return i < tokens_.size() && tokens_[i].joined && tokens_[i].capitalised;
    }

    bool can_continue(std::size_t i) const {
        const Token& t = tokens_[i];
        const Token& prev = tokens_[i - 1];
        if (!t.joined || t.in_quote != prev.in_quote || without_suffix(prev.text) != prev.text) {
            return false;
        }
        if (prev.possessive) {
            // "Information Commissioner's Office", "Australian Workers' Union"; not "Oxford
            // University's Energy Institute", where a whole name owns the next.
            return t.capitalised && g_.organization_words.contains(folded(i)) &&
                   !n_.owned_by_name(i - 1);
        }
        if (t.capitalised) {
            return true;
        }
        const std::string& f = folded(i);
        const bool of_the =
            (f == "of" || f == "for") && capital_follows(i + 2) && folded(i + 1) == "the";
        if (!capital_follows(i + 1) && !of_the) {
            return false;
        }
        if (is_name_particle(f)) {
            return true;
        }
        const std::string& head = folded(i - 1);
        if (f == "of" || f == "for") {
            return g_.organization_words.contains(head) || g_.place_words.contains(head) ||
                   g_.titles.contains(head) || among(kOfHeads, head) || inside_body_name(i);
        }
        if (f == "and") {
            // "Ministry of Health and Medical Services", "Centre for Disease Prevention and
            // Control", not "Russia and Ukraine" nor "Kingsbridge Rovers and Harbor Athletic"
            return (organization_follows(i + 1) || inside_body_name(i)) &&
                   !g_.organization_words.contains(head);
        }
        return f == "the" && (head == "of" || head == "for");
    }

    void scan() {
        const auto [credit_begin, credit_end] = n_.credit();
        for (std::size_t i = 0; i < tokens_.size();) {
            if (tokens_[i].begin >= credit_begin && tokens_[i].begin < credit_end) {
                ++i;
                continue;
            }
            if (!tokens_[i].capitalised) {
                ++i;
                continue;
            }
            if (const auto [n, name] = punctuated_name(i); n > 0) {
                add(i, i + n, kind_of(name->type), true, name->canonical);
                i += n;
                continue;
            }
            std::size_t end = i + 1;
            while (end < tokens_.size() && can_continue(end) && punctuated_name(end).first == 0) {
                ++end;
            }
            while (end > i + 1 && !tokens_[end - 1].capitalised) {
                --end;
            }
            segment(i, end);
            i = end;
        }
    }

    // The gazetteer name with punctuation written from i on ("Gavi, the Vaccine Alliance",
    // "Which? said") and its words. A name ending in a mark is one only when the sentence goes
    // on after it.
    std::pair<std::size_t, const KnownName*> punctuated_name(std::size_t i) const {
        const auto it = g_.punctuated_names.find(word(i));
        if (it == g_.punctuated_names.end()) {
            return {0, nullptr};
        }
        const std::string_view text = n_.text();
        for (const std::string& alias : it->second) {
            const std::size_t stop = tokens_[i].begin + alias.size();
            if (text.substr(tokens_[i].begin, alias.size()) != alias || is_word_start(text, stop)) {
                continue;
            }
            std::size_t k = i;
            while (k < tokens_.size() && tokens_[k].begin < stop) {
                ++k;
            }
            const bool mark_last = alias.back() == '?' || alias.back() == '!';
            if (!mark_last || (k < tokens_.size() && !tokens_[k].capitalised)) {
                return {k - i, &g_.names.at(alias)};
            }
        }
        return {0, nullptr};
    }

    // Where the organisation name starting at i ends: after an organisation word that ends
    // the words, comes before a title ("Centre Party MP Ola Brekke") or before
    // "of" or "for" (then the rest is part of it: "University of Ottawa", "Institute for
    // Policy Analysis"). 0 when there is none.
    std::size_t organization_end(std::size_t i, std::size_t end) const {
        for (std::size_t k = i; k < end; ++k) {
            if (!g_.organization_words.contains(folded(k))) {
                continue;
            }
            const bool place_after = k + 2 == end && known_length(k + 1, end) == 1 &&
                                     known(k + 1, 1)->type == EntityType::place;
            if (k + 1 == end || folded(k + 1) == "of" || folded(k + 1) == "for" || place_after) {
                return end; // "University of Ottawa", "Imperial College London"
            }
            if (title_length(k + 1, end) > 0 && !organization_word_in(k + 1, end)) {
                return k + 1;
            }
        }
        return 0;
    }

    // Whether an organisation word is among the words [i, end).
    bool organization_word_in(std::size_t i, std::size_t end) const {
        for (std::size_t k = i; k < end; ++k) {
            if (g_.organization_words.contains(folded(k))) {
                return true;
            }
        }
        return false;
    }

    bool ends_with_organization_word(std::size_t i, std::size_t end) const {
        return organization_end(i, end) == end;
    }

    static bool is_determiner(std::string_view folded) {
        return folded == "the" || folded == "a" || folded == "an" || folded == "this";
    }

    // A capitalised common word opening a sentence ("Despite", "Yesterday"), unless it
    // starts a name ("Even Nordahl").
    bool skippable(std::size_t i, std::size_t end) const {
        const std::string f = folded(i);
        return tokens_[i].sentence_start && g_.common_words.contains(f) &&
               !g_.names.contains(word(i)) && !(is_given_name(i) && i + 1 < end) &&
               !(organization_end(i, end) == i + 2 && !is_determiner(f)); // not "Centre Party"
    }

    // Whether the words from i on are a person's name though a gazetteer name starts
    // there: after a title, or a given name before a word no gazetteer knows
    // ("Sofia Brandão", not "Victoria Island").
    bool person_first(std::size_t i, std::size_t end, bool after_title) const {
        if (after_title) {
            return title_length(i, end) == 0; // "Deputy Prosecutor Helen Achterberg"
        }
        return is_given_name(i) && i + 1 < end && known_length(i + 1, end) == 0 &&
               title_length(i + 1, end) == 0 && !g_.place_words.contains(folded(end - 1)) &&
               !ends_with_organization_word(i, end);
    }

    // Splits the name words [i, end) into entities: gazetteer names, organisations (ending
    // in an organisation word), titles (dropped; the name after one is a person's) and the
    // rest, classified by their context.
    void segment(std::size_t i, std::size_t end) {
        if (n_.names_other(end - 1)) {
            return;
        }
        if (is_team(i, end)) {
            add(i, end, Kind::organization, true);
            return;
        }
        bool after_title = false;
        while (i < end) {
            if (skippable(i, end)) {
                ++i;
                continue;
            }
            if (person_first(i, end, after_title)) {
                const std::size_t stop = name_end(i, end);
                add(i, stop, Kind::person, true);
                after_title = false;
                i = stop;
                continue;
            }
            const std::size_t n = known_length(i, end);
            const bool titled = title_length(i, end) > 0 &&
                                !g_.organization_words.contains(folded(i)) && !office_of(i, end);
            const std::size_t org_end = titled ? 0 : organization_end(i, end);
            if (org_end > i + n && org_end >= i + 2) {
                add_organization(i, n, org_end);
                i = org_end;
                continue;
            }
            if (n < end - i && end - i >= 2 && !titled && ends_with_place_word(i, end)) {
                add(i, end, Kind::place, true); // "Victoria Island", "West Yorkshire"
                return;
            }
            if (n > 0) {
                if (!is_adjective(i, n)) {
                    add(i, i + n, kind_of(known(i, n)->type), true, known(i, n)->canonical);
                }
                i += n;
                continue;
            }
            if (const std::size_t t = title_length(i, end); t > 0 && i + t < end) {
                i += t;
                after_title = true;
                continue;
            }
            if (g_.demonyms.contains(folded(i)) || title_length(i, end) > 0) {
                ++i;
                continue;
            }
            const std::size_t stop = name_end(i, end);
            if (const std::size_t given = given_name_inside(i, stop); given > i) {
                i = given; // a role before a name: "Collector Miles Trevanion"
                after_title = true;
                continue;
            }
            const Kind kind = classify(i, stop, end, after_title);
            add(i, stop, kind, kind == Kind::organization && organization_cue(i, stop, end));
            after_title = false;
            i = stop;
        }
    }

    // Whether the words [i, end) name a sports club: after a club abbreviation ("FC Porto",
    // "KS Stal Lublin"), or several words, not one gazetteer name nor a person's, before a
    // score ("beat Stal Lublin 29-24").
    bool is_team(std::size_t i, std::size_t end) const {
        if (end - i < 2 || title_length(i, end) > 0) {
            return false;
        }
        if (among(kClubPrefixes, tokens_[i].text)) {
            return true;
        }
        return end < tokens_.size() && tokens_[end].joined && is_score(tokens_[end].text) &&
               !is_given_name(i) && !organization_word_in(i, end) && known_length(i, end) < end - i;
    }

    // "29-24", "3-1".
    static bool is_score(std::string_view text) {
        const std::size_t dash = text.find('-');
        const auto digits = [](std::string_view part) {
            return !part.empty() && std::all_of(part.begin(), part.end(),
                                                [](char c) { return c >= '0' && c <= '9'; });
        };
        return dash != std::string_view::npos && digits(text.substr(0, dash)) &&
               digits(text.substr(dash + 1));
    }

    // Whether a title in the possessive names the body behind it: "Prosecutor General's
    // Office", "Information Commissioner's Office".
    bool office_of(std::size_t i, std::size_t end) const {
        const std::size_t t = title_length(i, end);
        return t > 0 && i + t < end && tokens_[i + t - 1].possessive &&
               g_.organization_words.contains(folded(i + t));
    }

    // "North", "Western": a name of a region when a place follows.
    static bool is_compass(std::string_view folded) {
        constexpr std::array<std::string_view, 10> compass = {
            "north",    "south",    "east",    "west",    "central",
            "northern", "southern", "eastern", "western", "upper"};
        return among(compass, folded);
    }

    bool ends_with_place_word(std::size_t i, std::size_t end) const {
        return g_.place_words.contains(folded(end - 1)) ||
               (end - i == 2 && is_compass(folded(i)) && known_length(i + 1, end) == 1 &&
                known(i + 1, 1)->type == EntityType::place);
    }

    // A place name used as an adjective: "Baltic air policing", "Pacific leaders".
    bool is_adjective(std::size_t i, std::size_t n) const {
        const std::size_t next = i + n;
        return n == 1 && g_.demonyms.contains(folded(i)) && next < tokens_.size() &&
               tokens_[next].joined && !tokens_[next].capitalised;
    }

    // An organisation's name; a gazetteer name at its start is written out in full
    // ("UN Human Rights Council" → "United Nations Human Rights Council").
    void add_organization(std::size_t i, std::size_t known_words, std::size_t end) {
        if (known_words > 0 && known(i, known_words)->type == EntityType::organization) {
            add(i, end, Kind::organization, true,
                known(i, known_words)->canonical + ' ' + rest_text(i + known_words, end));
        } else {
            add(i, end, Kind::organization, true);
        }
    }

    // The first given name after i that is followed by another word of the name, or i.
    std::size_t given_name_inside(std::size_t i, std::size_t stop) const {
        if (is_given_name(i)) {
            return i;
        }
        for (std::size_t k = i + 1; k + 1 < stop; ++k) {
            if (is_given_name(k)) {
                return k;
            }
        }
        return i;
    }

    // The end of the name starting at i: before the next title or gazetteer name, unless it
    // starts with a given name ("Signe Lund", "Fernando Albuquerque").
    std::size_t name_end(std::size_t i, std::size_t end) const {
        const bool given = is_given_name(i);
        std::size_t stop = i + 1;
        while (stop < end && title_length(stop, end) == 0 &&
               (given || known_length(stop, end) == 0)) {
            ++stop;
        }
        return stop;
    }

    std::string next_word(std::size_t end) const {
        return end < tokens_.size() && tokens_[end].joined ? folded(end) : "";
    }

    std::string previous_word(std::size_t i) const {
        return i > 0 && tokens_[i].joined ? folded(i - 1) : "";
    }

    // Whether a role and "of", "for" or "at" come just before i: "chief executive of",
    // "spokesperson for", "researcher at", "manager at the".
    bool works_at(std::size_t i) const {
        const std::size_t at = previous_word(i) == "the" ? i - 1 : i;
        const std::string previous = previous_word(at);
        if (previous != "of" && previous != "for" && previous != "at" && previous != "with") {
            return false;
        }
        std::string role;
        for (std::size_t n = 1; n <= 3 && n + 1 <= at; ++n) {
            const std::size_t k = at - 1 - n;
            if (!tokens_[k + 1].joined || tokens_[k].capitalised) {
                return false;
            }
            role = role.empty() ? folded(k) : folded(k) + ' ' + role;
            if (g_.titles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    // Whether a comma and a description of an organisation follow the name at `end`:
    // "Kripos, the national police agency", "Stal, a Lublin-based club".
    bool described_as_body(std::size_t end) const {
        const std::string_view text = n_.text();
        if (end + 1 >= tokens_.size() ||
            text.substr(tokens_[end - 1].end, tokens_[end].begin - tokens_[end - 1].end) != ", " ||
            !is_determiner(folded(end))) {
            return false;
        }
        std::size_t head = 0;
        for (std::size_t k = end + 1; k < tokens_.size() && k <= end + 6 && tokens_[k].joined;
             ++k) {
            const bool hyphenated = without_suffix(tokens_[k].text) != tokens_[k].text;
            if ((tokens_[k].capitalised && !hyphenated) || among(kDescriptionStops, folded(k))) {
                break;
            }
            head = k;
            if (tokens_[k].possessive) {
                return false;
            }
        }
        return head > 0 && is_body_noun(folded(head));
    }

    // Whether a lower-case word names a kind of organisation: "association", "chip maker";
    // not a legal form that is also an English word ("AS", "SE").
    bool is_body_noun(const std::string& folded) const {
        return among(kBodyNouns, folded) ||
               (folded.size() > 3 && g_.organization_words.contains(folded));
    }

    // Whether a lower-case role follows: "a Veltris spokesperson".
    bool next_is_role(std::size_t end) const {
        return end < tokens_.size() && tokens_[end].joined && !tokens_[end].capitalised &&
               g_.titles.contains(folded(end));
    }

    // Whether the words around [i, stop) say it is an organisation: "a curator at the X", "X,
    // the regional water authority", "a X spokesperson".
    bool organization_cue(std::size_t i, std::size_t stop, std::size_t span_end) const {
        return works_at(i) || (stop == span_end && (next_is_role(stop) || described_as_body(stop)));
    }

    Kind classify(std::size_t i, std::size_t stop, std::size_t span_end, bool after_title) const {
        const std::string last = folded(stop - 1);
        const std::size_t n = stop - i;
        if (g_.place_words.contains(last) && n > 1) {
            return Kind::place;
        }
        if (tokens_[i].text.ends_with("-based")) {
            return Kind::place;
        }
        if (after_title || (n >= 2 && g_.given_names.contains(folded(i)))) {
            return Kind::person;
        }
        const std::string previous = previous_word(i);
        const bool named_body =
            is_body_noun(previous) && !tokens_[i - 1].capitalised; // "the association TLN"
        if (named_body || works_at(i) ||
            (stop == span_end && (next_is_role(stop) || described_as_body(stop)))) {
            return Kind::organization; // "chief executive of X", "a X spokesperson"
        }
        if (among(kPlacePrepositions, previous) && !tokens_[i].sentence_start) {
            return Kind::place;
        }
        const std::string next = stop == span_end ? next_word(stop) : "";
        if (g_.speech_verbs.contains(next) || previous == "said" || previous == "says" ||
            (previous == "to" && i >= 2 && folded(i - 2) == "according")) {
            return Kind::person;
        }
        if (n == 1 && is_all_caps(tokens_[i].text) && tokens_[i].text.size() <= 6 &&
            (previous == "the" || g_.speech_verbs.contains(next) ||
             g_.organization_words.contains(next))) {
            return Kind::organization; // "the GMB union", "TLN said"
        }
        return Kind::unknown;
    }
};

} // namespace

std::vector<Candidate> rule_candidates(const ParagraphNames& names) {
    return RuleScanner(names).run();
}

} // namespace newsq::detail
