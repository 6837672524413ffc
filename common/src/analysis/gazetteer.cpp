#include "analysis/gazetteer.hpp"
#include <algorithm>

#include "text.hpp"

namespace newsq::detail {

namespace embedded {
extern const std::string_view places_txt;
extern const std::string_view organizations_txt;
extern const std::string_view demonyms_txt;
extern const std::string_view titles_txt;
extern const std::string_view organization_words_txt;
extern const std::string_view place_words_txt;
extern const std::string_view given_names_txt;
extern const std::string_view female_names_txt;
extern const std::string_view male_names_txt;
extern const std::string_view common_words_txt;
extern const std::string_view speech_verbs_txt;
extern const std::string_view boilerplate_txt;
} // namespace embedded

namespace {

std::size_t word_count(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
}

// Names the words of a text cannot spell: "Ministry of Business, Innovation and Employment".
void add_punctuated(Gazetteer& g, const std::string& alias) {
    const std::size_t mark = alias.find_first_of(",?!");
    if (mark != std::string::npos) {
        const std::string first = alias.substr(0, std::min(alias.find(' '), mark));
        g.punctuated_names[first].push_back(alias);
    }
}

// The words of `alias` that start in lower case: "of" in "Bank of England".
void add_lower_words(Gazetteer& g, std::string_view alias) {
    for (std::size_t start = 0; start < alias.size();) {
        const std::size_t end = std::min(alias.find(' ', start), alias.size());
        const std::string_view word = alias.substr(start, end - start);
        if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
            g.name_lower_words.emplace(word);
        }
        start = end + 1;
    }
}

// "Canonical|alias|alias" lines.
void add_names(Gazetteer& g, std::string_view file, EntityType type) {
    for (std::string_view line : data_lines(file)) {
        const std::string canonical = straight_apostrophes(trim(line.substr(0, line.find('|'))));
        std::size_t start = 0;
        while (start <= line.size()) {
            const std::size_t end = std::min(line.find('|', start), line.size());
            const std::string alias = straight_apostrophes(trim(line.substr(start, end - start)));
            if (!alias.empty()) {
                g.longest_name_words = std::max(g.longest_name_words, word_count(alias));
                add_lower_words(g, alias);
                g.names.try_emplace(alias, KnownName{type, canonical});
                add_punctuated(g, alias);
            }
            start = end + 1;
        }
    }
}

std::unordered_set<std::string> folded_set(std::string_view file, std::size_t* longest = nullptr) {
    std::unordered_set<std::string> set;
    for (std::string_view line : data_lines(file)) {
        set.insert(fold_case(straight_apostrophes(line)));
        if (longest != nullptr) {
            *longest = std::max(*longest, word_count(line));
        }
    }
    return set;
}

void index_word_lists(Gazetteer& g) {
    const std::pair<const std::unordered_set<std::string>*, WordList> lists[] = {
        {&g.given_names, kGivenNames}, {&g.titles, kTitles},
        {&g.demonyms, kDemonyms},      {&g.organization_words, kOrganizationWords},
        {&g.place_words, kPlaceWords}, {&g.common_words, kCommonWords}};
    for (const auto& [set, bit] : lists) {
        for (const std::string& word : *set) {
            g.word_lists[word] |= bit;
        }
    }
    for (const std::string& title : g.titles) {
        g.word_lists[title.substr(0, title.find(' '))] |= kTitleStarts;
    }
}

Gazetteer load() {
    Gazetteer g;
    add_names(g, embedded::places_txt, EntityType::place);
    add_names(g, embedded::organizations_txt, EntityType::organization);
    g.demonyms = folded_set(embedded::demonyms_txt);
    g.titles = folded_set(embedded::titles_txt, &g.longest_title_words);
    g.organization_words = folded_set(embedded::organization_words_txt);
    g.place_words = folded_set(embedded::place_words_txt);
    g.given_names = folded_set(embedded::given_names_txt);
    g.female_names = folded_set(embedded::female_names_txt);
    g.male_names = folded_set(embedded::male_names_txt);
    g.common_words = folded_set(embedded::common_words_txt);
    g.speech_verbs = folded_set(embedded::speech_verbs_txt);
    index_word_lists(g);
    for (std::string_view line : data_lines(embedded::boilerplate_txt)) {
        std::string pattern = fold_case(straight_apostrophes(line));
        if (pattern.ends_with('*')) {
            pattern.pop_back();
            g.boilerplate_prefixes.push_back(std::move(pattern));
        } else {
            g.boilerplate_lines.insert(std::move(pattern));
        }
    }
    return g;
}

} // namespace

const Gazetteer& Gazetteer::built_in() {
    static const Gazetteer gazetteer = load();
    return gazetteer;
}

std::vector<std::string_view> data_lines(std::string_view file) {
    std::vector<std::string_view> lines;
    for (std::string_view line : split_lines(file)) {
        line = trim(line);
        if (!line.empty() && line.front() != '#') {
            lines.push_back(line);
        }
    }
    return lines;
}

std::string straight_apostrophes(std::string_view text) {
    constexpr std::string_view curly = "\u2019";
    std::string out;
    out.reserve(text.size());
    std::size_t from = 0;
    for (std::size_t at = text.find(curly); at != std::string_view::npos;
         at = text.find(curly, from)) {
        out.append(text.substr(from, at - from)).append(1, '\'');
        from = at + curly.size();
    }
    return out.append(text.substr(from));
}

} // namespace newsq::detail
