#include "analysis/attribution.hpp"
#include <algorithm>
#include <array>

#include "analysis/gazetteer.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

// First words of a source that describes someone rather than naming them ("a senior
// official", "the president's spokesman", "officials") or names no one person.
constexpr auto kDescriptionStarts = std::to_array<std::string_view>(
    {"a",       "an",     "the",    "one",       "two",       "three",      "some",     "several",
     "many",    "most",   "few",    "his",       "her",       "their",      "its",      "our",
     "my",      "your",   "this",   "that",      "these",     "those",      "both",     "all",
     "another", "other",  "others", "officials", "sources",   "aides",      "analysts", "experts",
     "critics", "people", "voters", "residents", "witnesses", "supporters", "observers"});

// Capitalised at the start of a sentence, never a name: "On Tuesday, …", "To them …".
constexpr auto kFunctionWords = std::to_array<std::string_view>(
    {"on",    "at",    "to",     "in",     "for",  "from",  "with",  "by",    "as",
     "of",    "after", "before", "during", "when", "while", "if",    "then",  "but",
     "and",   "so",    "yet",    "now",    "here", "there", "this",  "that",  "these",
     "those", "since", "until",  "under",  "over", "among", "about", "again", "also"});

// Words that may stand between a quotation and the name of its speaker: "…,” and he said".
constexpr auto kLeadIns = std::to_array<std::string_view>({"and", "but", "then", "so"});

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_speech(const std::string& folded) {
    return Gazetteer::built_in().speech_verbs.contains(folded);
}

bool is_person_pronoun(std::string_view folded) {
    return folded == "he" || folded == "she";
}

Gender gender_of_pronoun(std::string_view folded) {
    return folded == "he" ? Gender::male : folded == "she" ? Gender::female : Gender::unknown;
}

Gender gender_of_honorific(std::string_view folded) {
    if (folded == "mr." || folded == "mr") {
        return Gender::male;
    }
    const bool woman = folded == "mrs." || folded == "mrs" || folded == "ms." || folded == "ms" ||
                       folded == "miss";
    return woman ? Gender::female : Gender::unknown;
}

// Whether "according to" starts at token `k`, before `last`.
bool according_to(const std::vector<Token>& t, std::size_t k, std::size_t last) {
    return k + 1 < last && fold_case(t[k].text) == "according" && fold_case(t[k + 1].text) == "to";
}

bool starts_with_dash(std::string_view text) {
    return text.starts_with('-') || text.starts_with("\u2014") || text.starts_with("\u2013") ||
           text.starts_with("\u2015");
}

bool is_pronoun(std::string_view folded) {
    return is_person_pronoun(folded) || folded == "they" || folded == "it" || folded == "we" ||
           folded == "i" || folded == "you";
}

// The last word of a name, which a short form keeps ("Blinken" for "Antony Blinken").
std::string_view last_word(std::string_view name) {
    const std::size_t space = name.rfind(' ');
    return space == std::string_view::npos ? name : name.substr(space + 1);
}

// How far back a quotation with no cue of its own looks for the speaker it continues.
constexpr std::size_t kContinuationParagraphs = 2;

// How many words after a quotation may come before the verb of its cue, in the quotation's
// sentence and in a new one.
constexpr std::size_t kCueReach = 20;
constexpr std::size_t kNewSentenceReach = 6;

// Words at most in a paragraph that signs the quotation above it ("— Sen. Bernie Sanders").
constexpr std::size_t kSignatureWords = 8;

// A verb at most this many words before a quotation is next to it ("said: “", "told
// reporters: “").
constexpr std::size_t kAdjacentWords = 2;

} // namespace

Attributor::Attributor(std::span<const std::string_view> paragraphs,
                       std::span<const std::vector<Token>> tokens, const EntityFindings& entities,
                       const std::vector<QuoteSpan>& spans)
    : paragraphs_(paragraphs)
    , tokens_(tokens)
    , entities_(entities)
    , spans_(spans) {
    learn_genders();
}

// Each person's sex where the article shows it: an honorific before a mention ("Mrs. Lee"),
// else a given name that belongs to one sex ("Hillary Clinton").
void Attributor::learn_genders() {
    const Gazetteer& gazetteer = Gazetteer::built_in();
    for (const Mention& m : entities_.mentions) {
        if (m.entity.type != EntityType::person) {
            continue;
        }
        const std::vector<Token>& t = tokens_[m.paragraph];
        for (std::size_t k = 0; k < t.size() && t[k].begin <= m.begin; ++k) {
            const Gender shown = gender_of_honorific(fold_case(t[k].text));
            if (shown != Gender::unknown && (k + 1 == t.size() || t[k + 1].begin >= m.begin)) {
                genders_.emplace(m.entity.name, shown);
            }
        }
    }
    for (const Entity& e : entities_.entities) {
        const std::string first = fold_case(e.name.substr(0, e.name.find(' ')));
        if (e.type == EntityType::person && e.name.find(' ') != std::string::npos) {
            if (gazetteer.female_names.contains(first)) {
                genders_.emplace(e.name, Gender::female);
            } else if (gazetteer.male_names.contains(first)) {
                genders_.emplace(e.name, Gender::male);
            }
        }
    }
}

// Whether `name` may be the person a pronoun of `gender` refers to.
bool Attributor::agrees(const std::string& name, Gender gender) const {
    const auto known = genders_.find(name);
    return gender == Gender::unknown || known == genders_.end() || known->second == gender;
}

Attributor::Answer Attributor::speaker(const QuoteSpan& s) {
    // A verb just before the quote ("…, said: “") is its cue; else look after it first.
    const std::optional<Cue> leading = cue_before(s.open);
    std::optional<Cue> cue = leading && leading->adjacent ? leading : cue_after(s.close);
    if (!cue) {
        cue = leading ? leading : signature(s.close);
    }
    if (cue) {
        std::string name = resolve(*cue);
        if (!name.empty()) {
            said_.push_back({std::max(s.close, cue->end), name});
        }
        return {std::move(name), true};
    }
    // No cue: the quotation goes on from the speaker quoted or reported just before.
    const std::optional<Said> before = last_said(s.open, Gender::unknown);
    if (!before || s.open.paragraph > before->at.paragraph + kContinuationParagraphs) {
        return {};
    }
    std::string name = before->speaker;
    said_.push_back({s.close, name});
    return {std::move(name), false};
}

// "…,” Blinken said", "…,” said Blinken, the …", "…” He said".
std::optional<Attributor::Cue> Attributor::cue_after(Position close) const {
    const std::vector<Token>& t = tokens_[close.paragraph];
    std::size_t first = 0;
    while (first < t.size() && t[first].begin < close.offset) {
        ++first;
    }
    if (first == t.size() || t[first].in_quote) {
        return std::nullopt;
    }
    std::size_t last = first;
    while (last < t.size() && !t[last].in_quote && (last == first || !t[last].sentence_start)) {
        ++last;
    }
    // "…” He said." starts a sentence of its own: its verb comes at once, unless an aside
    // follows the name ("…!” Murphy, the head of Right to Rise, tweeted").
    const bool aside =
        comma_before(close.paragraph, first + 1) || comma_before(close.paragraph, first + 2);
    const std::size_t reach = t[first].sentence_start && !aside ? kNewSentenceReach : kCueReach;
    const std::size_t end = std::min(last, first + reach);
    const std::size_t opening = first;
    while (first < last && among(kLeadIns, fold_case(t[first].text))) {
        ++first;
    }
    for (std::size_t k = first; k < end; ++k) {
        const std::string f = fold_case(t[k].text);
        if (according_to(t, k, last)) {
            return Cue{.paragraph = close.paragraph,
                       .source = {k + 2, last},
                       .whole = {k + 2, last},
                       .according = true,
                       .end = end_of(close.paragraph, last)};
        }
        if (is_speech(f) && k == first && first != opening) {
            return std::nullopt; // "… - and stressed …" goes on from the sentence's subject
        }
        if (is_speech(f)) {
            const Range whole = k == first ? Range{k + 1, last} : Range{first, k};
            return Cue{.paragraph = close.paragraph,
                       .source = k == first ? whole : subject(close.paragraph, whole),
                       .whole = whole,
                       .end = end_of(close.paragraph, last)};
        }
    }
    return std::nullopt;
}

// A quotation signed after a dash, at the end of its paragraph or as the next one:
// "“…” — Bernie Sanders".
std::optional<Attributor::Cue> Attributor::signature(Position close) const {
    const std::string_view rest = trim(paragraphs_[close.paragraph].substr(close.offset));
    const bool same = !rest.empty();
    const std::size_t p = same ? close.paragraph : close.paragraph + 1;
    if (p >= paragraphs_.size() || !starts_with_dash(same ? rest : paragraphs_[p])) {
        return std::nullopt;
    }
    const std::vector<Token>& t = tokens_[p];
    std::size_t first = 0;
    while (same && first < t.size() && t[first].begin < close.offset) {
        ++first;
    }
    if (first == t.size() || t.size() - first > kSignatureWords) {
        return std::nullopt;
    }
    return Cue{.paragraph = p,
               .source = {first, t.size()},
               .whole = {first, t.size()},
               .end = end_of(p, t.size())};
}

// "Blinken said: “…”", "According to Blinken, “…”", "Blinken: “…”".
std::optional<Attributor::Cue> Attributor::cue_before(Position open) const {
    const std::vector<Token>& t = tokens_[open.paragraph];
    std::size_t last = 0;
    while (last < t.size() && t[last].end <= open.offset) {
        ++last;
    }
    std::size_t first = last;
    while (first > 0 && !t[first - 1].in_quote) {
        --first;
        if (t[first].sentence_start) {
            break;
        }
    }
    for (std::size_t k = last; k-- > first;) {
        const std::string f = fold_case(t[k].text);
        if (according_to(t, k, last)) {
            return Cue{.paragraph = open.paragraph,
                       .source = {k + 2, last},
                       .whole = {k + 2, last},
                       .according = true,
                       .end = open};
        }
        if (is_speech(f)) {
            const Range whole = k == first ? Range{k + 1, last} : Range{first, k};
            return Cue{.paragraph = open.paragraph,
                       .source = k == first ? whole : subject(open.paragraph, whole),
                       .whole = whole,
                       .adjacent = k + kAdjacentWords >= last,
                       .end = open};
        }
    }
    const std::string_view between =
        last == 0
            ? std::string_view()
            : paragraphs_[open.paragraph].substr(t[last - 1].end, open.offset - t[last - 1].end);
    if (first < last && between.find(':') != std::string_view::npos) {
        return Cue{.paragraph = open.paragraph,
                   .source = {first, last},
                   .whole = {first, last},
                   .end = open};
    }
    return std::nullopt;
}

// Just after token `last - 1` of a paragraph.
Position Attributor::end_of(std::size_t paragraph, std::size_t last) const {
    return {paragraph, last == 0 ? 0 : tokens_[paragraph][last - 1].end};
}

// Whether a comma stands between tokens `k - 1` and `k` of a paragraph.
bool Attributor::comma_before(std::size_t paragraph, std::size_t k) const {
    const std::vector<Token>& t = tokens_[paragraph];
    return k > 0 && k < t.size() &&
           paragraphs_[paragraph].substr(t[k - 1].end, t[k].begin - t[k - 1].end).find(',') !=
               std::string_view::npos;
}

// The subject among the words before a speech verb: the clause next to the verb ("In the talks
// Friday, he said"), unless a comma closes it as an aside ("Lee, a spokeswoman for Acme,
// said"), which names the subject before it.
Attributor::Range Attributor::subject(std::size_t paragraph, Range before_verb) const {
    auto [first, verb] = before_verb;
    if (comma_before(paragraph, verb)) {
        return before_verb;
    }
    std::size_t start = verb - 1;
    while (start > first && !comma_before(paragraph, start)) {
        --start;
    }
    return {start, verb};
}

// The speaker a cue's words name: a person, or an organisation named at their start; "he" or
// "she" is the speaker before; descriptions and anonymous sources name no one.
std::string Attributor::resolve(const Cue& cue) const {
    std::string name = resolve(cue, cue.source);
    // "Nate Silver, the polling guru who founded it tweeted": the clause next to the verb
    // names no one, the words before it may.
    return name.empty() && cue.whole != cue.source ? resolve(cue, cue.whole) : name;
}

std::string Attributor::resolve(const Cue& cue, Range r) const {
    const std::vector<Token>& t = tokens_[cue.paragraph];
    if (r.first >= r.second) {
        return {};
    }
    const std::string head = fold_case(t[r.first].text);
    if (is_person_pronoun(head)) {
        const std::optional<Said> before =
            last_said({cue.paragraph, t[r.first].begin}, gender_of_pronoun(head));
        return before ? before->speaker : std::string();
    }
    if (is_pronoun(head)) {
        return {};
    }
    if (!cue.according && among(kDescriptionStarts, head)) {
        // "The White House said" names an organisation; "a senior official said" no one.
        const Mention* m = first_mention(cue.paragraph, r);
        const bool at_start =
            m != nullptr && r.first + 1 < r.second && m->begin <= t[r.first + 1].begin;
        return at_start && m->entity.type == EntityType::organization ? m->entity.name
                                                                      : std::string();
    }
    const Mention* m = first_mention(cue.paragraph, r);
    if (m != nullptr && (m->begin <= t[r.first].begin || !named_aside(cue.paragraph, r))) {
        return m->entity.name;
    }
    return bare_name(cue.paragraph, r);
}

// Whether the range opens with capitalised words and a comma: a name with an aside after it
// ("Dean, a former party chairman who backed Obama, said"), which names the speaker even when
// the entity finder missed it.
bool Attributor::named_aside(std::size_t paragraph, Range r) const {
    const std::vector<Token>& t = tokens_[paragraph];
    for (std::size_t k = r.first; k < r.second && t[k].capitalised;) {
        if (comma_before(paragraph, ++k)) {
            return k < r.second;
        }
    }
    return false;
}

// The first person named within the token range, else the first organisation.
const Mention* Attributor::first_mention(std::size_t paragraph, Range r) const {
    const std::vector<Token>& t = tokens_[paragraph];
    const std::size_t begin = t[r.first].begin;
    const std::size_t end = t[r.second - 1].end;
    const Mention* organization = nullptr;
    for (const Mention& m : entities_.mentions) {
        if (m.paragraph != paragraph || m.begin < begin || m.end > end) {
            continue;
        }
        if (m.entity.type == EntityType::person) {
            return &m;
        }
        if (m.entity.type == EntityType::organization && organization == nullptr) {
            organization = &m;
        }
    }
    return organization;
}

// A name the entity finder did not take: the capitalised words that open the range ("Woolson
// said"), as the person of the article with that surname when there is one.
std::string Attributor::bare_name(std::size_t paragraph, Range r) const {
    const std::vector<Token>& t = tokens_[paragraph];
    if (among(kFunctionWords, fold_case(t[r.first].text))) {
        return {};
    }
    std::size_t first = r.first; // after titles: "Mr. King", "Sen. Warren"
    while (first + 1 < r.second &&
           Gazetteer::built_in().titles.contains(fold_case(t[first].text))) {
        ++first;
    }
    std::string name;
    for (std::size_t k = first; k < r.second && t[k].capitalised; ++k) {
        if (!name.empty()) {
            name += ' ';
        }
        name += t[k].text;
        if (t[k].possessive) {
            break;
        }
    }
    if (name.empty()) {
        return {};
    }
    for (const Entity& e : entities_.entities) {
        if (e.type == EntityType::person && last_word(e.name) == last_word(name)) {
            return e.name;
        }
    }
    return name;
}

// Whom "he said", or a quotation with no cue, refers to: the speaker of the last quotation
// before `at`, or the person a later sentence outside quotations is about ("Carson concluded
// by …"), whichever comes last.
std::optional<Attributor::Said> Attributor::last_said(Position at, Gender gender) const {
    std::optional<Said> last;
    for (const Said& s : said_) {
        if (s.at < at && agrees(s.speaker, gender)) {
            last = s;
        }
    }
    for (const Mention& m : entities_.mentions) {
        const Position pos{m.paragraph, m.begin};
        if (!(pos < at)) {
            break;
        }
        if (m.entity.type == EntityType::person && (!last || last->at < pos) &&
            agrees(m.entity.name, gender) && !inside_quote(pos) && is_subject(m)) {
            last = Said{pos, m.entity.name};
        }
    }
    return last;
}

// Whether `m` is the first person its sentence names, and not as a possessive ("Putin's
// forces").
bool Attributor::is_subject(const Mention& m) const {
    const std::vector<Token>& t = tokens_[m.paragraph];
    std::size_t k = 0;
    while (k < t.size() && t[k].end < m.end) {
        ++k;
    }
    if (k == t.size() || t[k].possessive) {
        return false;
    }
    std::size_t first = k;
    while (first > 0 && !t[first].sentence_start) {
        --first;
    }
    for (std::size_t j = first; j < k; ++j) {
        if (!t[j].in_quote && is_pronoun(fold_case(t[j].text))) {
            return false; // "She appeared to imply that Trump …" is about her
        }
    }
    return std::none_of(
        entities_.mentions.begin(), entities_.mentions.end(), [&](const Mention& o) {
            return o.paragraph == m.paragraph && o.entity.type == EntityType::person &&
                   o.begin >= t[first].begin && o.begin < m.begin;
        });
}

bool Attributor::inside_quote(Position pos) const {
    return std::any_of(spans_.begin(), spans_.end(),
                       [&](const QuoteSpan& s) { return s.open <= pos && pos < s.close; });
}

} // namespace newsq::detail
