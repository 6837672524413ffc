#include "analysis/entity_names.hpp"
#include <algorithm>
#include <array>

#include "text.hpp"

namespace newsq::detail {

namespace {

// Words a name ends with when it names a law, an event, a work or a prize: not entities.
constexpr std::array<std::string_view, 21> kOtherHeads = {
    "war",      "act",      "law",     "treaty", "convention", "conventions",  "agreement",
    "accord",   "prize",    "award",   "cup",    "games",      "championship", "championships",
    "festival", "marathon", "regatta", "series", "olympics",   "day",          "bill"};

// Lower-case words that may stand inside a name between capitalised words.
constexpr std::array<std::string_view, 18> kParticles = {"de",    "da", "do",  "dos", "das",  "del",
                                                         "della", "di", "du",  "van", "von",  "der",
                                                         "den",   "al", "bin", "ibn", "bint", "y"};

// Legal forms that end a company's name and are left out of its canonical name.
constexpr std::array<std::string_view, 26> kLegalForms = {
    "inc", "inc.",   "corp", "corp.", "ltd", "ltd.", "llc",  "l.l.c.", "llp",
    "plc", "co",     "co.",  "gmbh",  "ag",  "sa",   "s.a.", "nv",     "n.v.",
    "spa", "s.p.a.", "oyj",  "asa",   "ab",  "pty",  "bv",   "b.v."};

std::string title_case(std::string_view all_caps) {
    std::string folded = fold_case(all_caps);
    if (!folded.empty() && folded[0] >= 'a' && folded[0] <= 'z') {
        folded[0] = static_cast<char>(folded[0] - 'a' + 'A');
    }
    return folded;
}

std::string joined(std::span<const std::string> words) {
    std::string text;
    for (const std::string& w : words) {
        text += text.empty() ? "" : " ";
        text += w;
    }
    return text;
}

// The gazetteer's entry for a name as a search may type it: as written, in title case
// ("united nations"), or in capitals when short ("un").
const KnownName* known_for_search(std::span<const std::string> words, const Gazetteer& g) {
    std::vector<std::string> titled;
    std::string upper;
    for (const std::string& w : words) {
        titled.push_back(title_case(w));
        for (const char c : w) {
            upper += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        }
    }
    for (const std::string& name : {joined(words), joined(titled), upper}) {
        if (const auto it = g.names.find(name); it != g.names.end()) {
            return &it->second;
        }
    }
    return nullptr;
}

// Words of `value` without commas and the possessive of the last ("Acme Widget, Inc.",
// "Blinken's").
std::vector<std::string> search_words(std::string_view value) {
    std::vector<std::string> words;
    std::string text = straight_apostrophes(value);
    std::replace(text.begin(), text.end(), ',', ' ');
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \t", start), text.size());
        if (end > start) {
            words.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    if (!words.empty() && words.back().size() > 2 && words.back().ends_with("'s")) {
        words.back().resize(words.back().size() - 2);
    }
    return words;
}

// Words of a title at the start of `words`, the longest the gazetteer knows ("prime
// minister"), or 0.
std::size_t leading_title(std::span<const std::string> words, const Gazetteer& g) {
    std::size_t best = 0;
    std::string text;
    for (std::size_t n = 1; n <= std::min(g.longest_title_words, words.size()); ++n) {
        text += n == 1 ? "" : " ";
        text += fold_case(words[n - 1]);
        best = g.titles.contains(text) ? n : best;
    }
    return best;
}

} // namespace

bool is_name_particle(std::string_view folded) {
    return std::find(kParticles.begin(), kParticles.end(), folded) != kParticles.end();
}

bool is_legal_form(std::string_view folded) {
    return std::find(kLegalForms.begin(), kLegalForms.end(), folded) != kLegalForms.end();
}

std::string without_legal_form(std::string_view name) {
    std::string_view kept = trim(name);
    while (true) {
        const std::size_t space = kept.find_last_of(' ');
        if (space == std::string_view::npos || !is_legal_form(fold(kept.substr(space + 1)))) {
            break;
        }
        kept = trim(kept.substr(0, space));
        if (kept.ends_with(',')) {
            kept.remove_suffix(1);
        }
    }
    return std::string(kept);
}

std::vector<std::string> names_for_search(std::string_view value, std::optional<EntityType> type,
                                          const Gazetteer& gazetteer) {
    std::vector<std::string> words = search_words(value);
    if (words.empty()) {
        return {std::string(trim(value))};
    }
    std::vector<std::string> names;
    if (const KnownName* k = known_for_search(words, gazetteer); k && (!type || k->type == *type)) {
        names.push_back(k->canonical);
    }
    if (!type || *type == EntityType::person) {
        const std::size_t title = leading_title(words, gazetteer);
        words.erase(words.begin(),
                    words.begin() + static_cast<std::ptrdiff_t>(std::min(title, words.size() - 1)));
    }
    std::string written = joined(words);
    if (!type || *type == EntityType::organization) {
        written = without_legal_form(written);
    }
    if (names.empty() || fold_case(names.front()) != fold_case(written)) {
        names.insert(names.begin(), std::move(written));
    }
    return names;
}

Kind kind_of(EntityType type) {
    return type == EntityType::person         ? Kind::person
           : type == EntityType::organization ? Kind::organization
                                              : Kind::place;
}

std::string Candidate::text() const {
    return joined(words);
}

std::string fold(std::string_view word) {
    return fold_case(straight_apostrophes(word));
}

std::string_view without_suffix(std::string_view word) {
    const std::size_t dash = word.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == word.size() ||
        starts_upper(word.substr(dash + 1))) {
        return word;
    }
    return word.substr(0, dash);
}

bool ArticleText::contains(std::string_view name) const {
    if (text_.empty()) {
        for (std::string_view p : paragraphs_) {
            text_ += straight_apostrophes(p);
            text_ += '\n';
        }
    }
    return text_.find(name) != std::string::npos;
}

ParagraphNames::ParagraphNames(std::size_t paragraph, std::string_view text,
                               std::span<const Token> tokens, const Gazetteer& gazetteer,
                               const ArticleText& article)
    : paragraph_(paragraph)
    , text_(text)
    , tokens_(tokens)
    , g_(gazetteer)
    , article_(article)
    , spelled_(tokens.size()) {}

const ParagraphNames::Spelled& ParagraphNames::spelled(std::size_t i) const {
    Spelled& s = spelled_[i];
    if (!s.done) {
        s.word = straight_apostrophes(without_suffix(tokens_[i].text));
        s.folded = fold_case(s.word);
        s.done = true;
    }
    return s;
}

std::string_view ParagraphNames::written(std::size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
}

std::optional<KnownName> ParagraphNames::known(std::size_t i, std::size_t n) const {
    std::string text;
    bool caps = true;
    for (std::size_t k = i; k < i + n; ++k) {
        text += k == i ? "" : " ";
        text += word(k);
        caps = caps && is_all_caps(tokens_[k].text);
    }
    if (auto it = g_.names.find(text); it != g_.names.end()) {
        return as_used(it->second, text);
    }
    if (caps && tokens_[i].text.size() > 3) { // a dateline: "OSLO", "CAPE TOWN"
        std::string titled;
        for (std::size_t k = i; k < i + n; ++k) {
            titled += k == i ? "" : " ";
            titled += title_case(word(k));
        }
        if (auto it = g_.names.find(titled); it != g_.names.end()) {
            return it->second;
        }
    }
    return std::nullopt;
}

// The gazetteer's canonical name when the article uses it, else the name as written
// ("Britain" stays "Britain" unless "United Kingdom" appears too); two-letter abbreviations
// are always written out ("UN", "EU").
KnownName ParagraphNames::as_used(const KnownName& k, const std::string& written) const {
    const bool abbreviated = is_all_caps(written.substr(0, 2)) &&
                             (written.size() == 2 || written[2] == ' '); // "UN …", "EU"
    if (written == k.canonical || abbreviated || article_.contains(k.canonical)) {
        return k;
    }
    return KnownName{k.type, written};
}

std::size_t ParagraphNames::known_length(std::size_t i, std::size_t end) const {
    for (std::size_t n = std::min(g_.longest_name_words, end - i); n > 0; --n) {
        if (known(i, n)) {
            return n;
        }
    }
    return 0;
}

std::size_t ParagraphNames::title_length(std::size_t i, std::size_t end) const {
    std::string text;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= std::min(g_.longest_title_words, end - i); ++n) {
        text += n == 1 ? "" : " ";
        text += folded(i + n - 1);
        if (g_.titles.contains(text)) {
            best = n;
        }
    }
    return best;
}

std::pair<std::size_t, std::size_t> ParagraphNames::credit() const {
    if (tokens_.empty() || !is_all_caps(tokens_[0].text)) {
        return {0, 0};
    }
    const std::size_t open = text_.find('(');
    const std::size_t close = text_.find(')', open);
    if (open > 40 || close == std::string_view::npos) {
        return {0, 0};
    }
    const std::string_view rest = trim(text_.substr(close + 1));
    const bool dash =
        rest.starts_with("-") || rest.starts_with("\u2013") || rest.starts_with("\u2014");
    return dash ? std::pair{open, close} : std::pair<std::size_t, std::size_t>{0, 0};
}

bool ParagraphNames::names_other(std::size_t i) const {
    return std::find(kOtherHeads.begin(), kOtherHeads.end(), folded(i)) != kOtherHeads.end();
}

std::string ParagraphNames::rest_text(std::size_t i, std::size_t end) const {
    std::string t;
    for (std::size_t k = i; k < end; ++k) {
        t += k == i ? "" : " ";
        t += word(k);
    }
    return t;
}

Candidate ParagraphNames::candidate(std::size_t i, std::size_t end, Kind kind,
                                    std::string canonical) const {
    Candidate c;
    for (std::size_t k = i; k < end; ++k) {
        // An ampersand between words and a possessive inside a name are part of it
        // ("Procter & Gamble", "Commissioner's Office").
        if (k > i &&
            trim(text_.substr(tokens_[k - 1].end, tokens_[k].begin - tokens_[k - 1].end)) == "&") {
            c.words.emplace_back("&");
        }
        c.words.push_back(k + 1 < end ? straight_apostrophes(written(k)) : word(k));
    }
    c.kind = kind;
    c.canonical = std::move(canonical);
    c.paragraph = paragraph_;
    c.begin = tokens_[i].begin;
    c.end = tokens_[end - 1].end;
    c.first = i;
    c.last = end;
    c.initial = tokens_[i].sentence_start;
    return c;
}

} // namespace newsq::detail
