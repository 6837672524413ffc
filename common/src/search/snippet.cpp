#include "search/snippet.hpp"
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "text.hpp"

namespace newsq::detail {

namespace {

using Op = Xapian::Query::op;

TermSet terms_of(const Xapian::Query& q) {
    TermSet terms;
    for (auto it = q.get_terms_begin(); it != q.get_terms_end(); ++it) {
        terms.insert(*it);
    }
    return terms;
}

std::vector<TermSet> positions_of(const Xapian::Query& q) {
    std::vector<TermSet> positions;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        positions.push_back(terms_of(q.get_subquery(i)));
    }
    return positions;
}

void collect(const Xapian::Query& q, HighlightSpec& spec) {
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
        spec.terms.push_back(*q.get_terms_begin());
        return;
    case Op::OP_PHRASE:
        spec.phrases.push_back(positions_of(q));
        return;
    case Op::OP_NEAR:
        spec.nears.push_back(positions_of(q));
        return;
    case Op::OP_AND_NOT:
    case Op::OP_FILTER:
        if (q.get_num_subqueries() > 0) {
            collect(q.get_subquery(0), spec);
        }
        return;
    default:
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            collect(q.get_subquery(i), spec);
        }
    }
}

struct Word {
    std::size_t begin;
    std::size_t end;
    std::string lower;
};

// `word` as the term generator indexes it: lower case, with a straight apostrophe.
std::string term_of(std::string_view word) {
    if (std::all_of(word.begin(), word.end(), is_ascii)) {
        std::string lower(word);
        for (char& c : lower) {
            c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return lower;
    }
    constexpr std::string_view kCurly = "\u2019";
    std::string straight;
    for (auto at = word.find(kCurly); at != std::string_view::npos; at = word.find(kCurly)) {
        straight.append(word.substr(0, at)) += '\'';
        word.remove_prefix(at + kCurly.size());
    }
    straight += word;
    return fold_case(straight);
}

// The words of `text` as the index has them.
std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    std::size_t pos = 0;
    for (std::string_view w = next_word(text, pos, Apostrophes::straight_and_curly); !w.empty();
         w = next_word(text, pos, Apostrophes::straight_and_curly)) {
        const auto begin = static_cast<std::size_t>(w.data() - text.data());
        words.push_back({begin, begin + w.size(), term_of(w)});
    }
    return words;
}

// A highlighted range of words [first, last] and the query part it matched.
struct Span {
    std::size_t first;
    std::size_t last;
    std::size_t part;
};

// First bytes of the stems in `spec`: the English stemmer keeps a word's first letter, so a
// word starting otherwise cannot match any stem and need not be stemmed.
std::string stem_initials(const HighlightSpec& spec) {
    std::string initials;
    const auto add = [&](const std::string& term) {
        if (term.size() > 1 && term[0] == 'Z' && initials.find(term[1]) == std::string::npos) {
            initials += term[1];
        }
    };
    std::for_each(spec.terms.begin(), spec.terms.end(), add);
    for (const auto* groups : {&spec.phrases, &spec.nears}) {
        for (const auto& group : *groups) {
            for (const TermSet& position : group) {
                std::for_each(position.begin(), position.end(), add);
            }
        }
    }
    return initials;
}

class Matcher {
public:
    Matcher(const std::vector<Word>& words, const HighlightSpec& spec, const Xapian::Stem& stem)
        : words_(words)
        , stemmed_(words.size()) {
        const std::string initials = stem_initials(spec);
        std::unordered_map<std::string_view, std::string> cache;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string& lower = words[i].lower;
            if (initials.find(lower.front()) == std::string::npos) {
                continue;
            }
            auto [it, fresh] = cache.try_emplace(lower);
            if (fresh) {
                it->second = 'Z';
                it->second += stem(lower);
            }
            stemmed_[i] = it->second;
        }
    }

    bool matches(std::size_t i, const TermSet& terms) const {
        return terms.contains(words_[i].lower) || terms.contains(stemmed_[i]);
    }

    // Occurrences of `positions` in order and adjacent.
    std::vector<Span> phrase(const std::vector<TermSet>& positions, std::size_t part) const {
        std::vector<Span> spans;
        const std::size_t n = positions.size();
        for (std::size_t i = 0; n > 0 && i + n <= words_.size(); ++i) {
            std::size_t k = 0;
            while (k < n && matches(i + k, positions[k])) {
                ++k;
            }
            if (k == n) {
                spans.push_back({i, i + n - 1, part});
                i += n - 1;
            }
        }
        return spans;
    }

    // Words of `positions` that have every other position within `window` words.
    std::vector<Span> near(const std::vector<TermSet>& positions, std::size_t window,
                           std::size_t part) const {
        std::vector<Span> spans;
        for (std::size_t i = 0; i < words_.size(); ++i) {
            const auto own = std::find_if(positions.begin(), positions.end(),
                                          [&](const TermSet& t) { return matches(i, t); });
            if (own != positions.end() && all_near(i, positions, window)) {
                spans.push_back({i, i, part});
            }
        }
        return spans;
    }

    std::vector<Span> single(const TermSet& terms, std::size_t part) const {
        std::vector<Span> spans;
        for (std::size_t i = 0; i < words_.size(); ++i) {
            if (matches(i, terms)) {
                spans.push_back({i, i, part});
            }
        }
        return spans;
    }

private:
    bool all_near(std::size_t i, const std::vector<TermSet>& positions, std::size_t window) const {
        const std::size_t lo = i > window ? i - window : 0;
        const std::size_t hi = std::min(words_.size(), i + window + 1);
        return std::all_of(positions.begin(), positions.end(), [&](const TermSet& t) {
            for (std::size_t j = lo; j < hi; ++j) {
                if (matches(j, t)) {
                    return true;
                }
            }
            return false;
        });
    }

    const std::vector<Word>& words_;
    std::vector<std::string> stemmed_;
};

std::vector<Span> find_spans(const Matcher& m, const HighlightSpec& spec) {
    std::vector<Span> spans;
    std::size_t part = 0;
    const auto append = [&](const std::vector<Span>& found) {
        spans.insert(spans.end(), found.begin(), found.end());
        ++part;
    };
    for (const auto& p : spec.phrases) {
        auto found = m.phrase(p, part);
        // A phrase with a wider window (ADJ/n) may match with gaps: show its words close by.
        append(found.empty() ? m.near(p, p.size() + 9, part) : found);
    }
    for (const auto& n : spec.nears) {
        append(m.near(n, n.size() + 9, part));
    }
    for (const auto& t : spec.terms) {
        append(m.single(TermSet{t}, part));
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.first < b.first || (a.first == b.first && a.last > b.last);
    });
    // Drop spans inside an earlier one (a term that is also part of a matched phrase).
    std::vector<Span> kept;
    for (const Span& s : spans) {
        if (kept.empty() || s.first > kept.back().last) {
            kept.push_back(s);
        }
    }
    return kept;
}

// Index of the span to start from: the one whose window holds the most distinct query parts.
std::size_t best_start(const std::vector<Word>& words, const std::vector<Span>& spans,
                       std::size_t length) {
    std::size_t best = 0;
    std::size_t best_score = 0;
    for (std::size_t s = 0; s < spans.size(); ++s) {
        const std::size_t limit = words[spans[s].first].begin + length;
        std::map<std::size_t, std::size_t> parts;
        for (std::size_t t = s; t < spans.size() && words[spans[t].last].end <= limit; ++t) {
            ++parts[spans[t].part];
        }
        std::size_t score = parts.size() * 100;
        for (const auto& [part, count] : parts) {
            score += count;
        }
        if (score > best_score) {
            best = s;
            best_score = score;
        }
    }
    return best;
}

// Where to begin: the start of the sentence holding word `w` when close enough, else a few
// words before it.
std::size_t window_begin(std::string_view text, const std::vector<Word>& words, std::size_t w,
                         std::size_t length) {
    const std::size_t at = words[w].begin;
    const std::size_t reach = length / 3;
    for (std::size_t i = at; at - i < reach; --i) {
        if (i == 0) {
            return 0;
        }
        const char c = text[i - 1];
        if (c == '\n' || ((c == ' ') && i >= 2 &&
                          (text[i - 2] == '.' || text[i - 2] == '?' || text[i - 2] == '!'))) {
            return i;
        }
    }
    const std::size_t back = std::min<std::size_t>(w, 4);
    return words[w - back].begin;
}

class SnippetWriter {
public:
    explicit SnippetWriter(std::string_view text)
        : text_(text) {}

    // Copies text[from, to) with white space runs folded to one space.
    void copy(std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const char c = text_[i];
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (space && (out_.text.empty() || out_.text.back() == ' ')) {
                continue;
            }
            out_.text += space ? ' ' : c;
        }
    }

    void highlight(std::size_t from, std::size_t to) {
        const std::size_t begin = out_.text.size();
        copy(from, to);
        out_.highlights.emplace_back(begin, out_.text.size());
    }

    void append(std::string_view s) { out_.text += s; }

    Snippet take() {
        while (!out_.text.empty() && out_.text.back() == ' ') {
            out_.text.pop_back();
        }
        return std::move(out_);
    }

private:
    std::string_view text_;
    Snippet out_;
};

// `term` as a word of the text would give it, when its field is one of `prefixes`: without the
// prefix, a stem keeping its "Z" ("ZXQUOTEwar" → "Zwar"). Prefixes are upper case, words not.
std::optional<std::string> shown_as(std::string_view term,
                                    std::initializer_list<std::string_view> prefixes) {
    const bool stem = term.size() > 1 && term[0] == 'Z';
    const std::string_view rest = stem ? term.substr(1) : term;
    const auto prefix_end =
        std::find_if(rest.begin(), rest.end(), [](char c) { return !(c >= 'A' && c <= 'Z'); });
    const auto prefix_size = static_cast<std::size_t>(prefix_end - rest.begin());
    if (prefix_size == rest.size() || std::find(prefixes.begin(), prefixes.end(),
                                                rest.substr(0, prefix_size)) == prefixes.end()) {
        return std::nullopt;
    }
    return std::string(stem ? "Z" : "").append(rest.substr(prefix_size));
}

// The groups (phrases, NEAR) whose every position has a shown term, with their terms shown.
template <class Shown>
std::vector<std::vector<TermSet>> shown_groups(const std::vector<std::vector<TermSet>>& groups,
                                               const Shown& shown) {
    std::vector<std::vector<TermSet>> out;
    for (const auto& group : groups) {
        std::vector<TermSet> positions;
        for (const TermSet& position : group) {
            TermSet terms;
            for (const std::string& term : position) {
                if (auto word = shown(term)) {
                    terms.insert(std::move(*word));
                }
            }
            if (terms.empty()) {
                break;
            }
            positions.push_back(std::move(terms));
        }
        if (positions.size() == group.size()) {
            out.push_back(std::move(positions));
        }
    }
    return out;
}

// Copies text[begin, end), highlighting the spans inside it.
void write_spans(SnippetWriter& writer, std::string_view text, const std::vector<Word>& words,
                 const std::vector<Span>& spans, std::size_t begin, std::size_t end) {
    std::size_t at = begin;
    for (const Span& s : spans) {
        if (words[s.first].begin < begin || words[s.last].end > end) {
            continue;
        }
        writer.copy(at, words[s.first].begin);
        writer.highlight(words[s.first].begin, words[s.last].end);
        at = words[s.last].end;
    }
    writer.copy(at, std::min(end, text.size()));
}

} // namespace

HighlightSpec highlight_spec(const Xapian::Query& query,
                             std::initializer_list<std::string_view> prefixes) {
    HighlightSpec found;
    collect(query, found);
    const auto shown = [&](const std::string& term) { return shown_as(term, prefixes); };
    HighlightSpec spec;
    for (const std::string& term : found.terms) {
        if (auto word = shown(term)) {
            spec.terms.push_back(std::move(*word));
        }
    }
    spec.phrases = shown_groups(found.phrases, shown);
    spec.nears = shown_groups(found.nears, shown);
    return spec;
}

Snippet make_snippet(std::string_view text, const HighlightSpec& spec, const Xapian::Stem& stem,
                     std::size_t length) {
    const std::vector<Word> words = words_of(text);
    if (words.empty()) {
        return {};
    }
    const Matcher matcher(words, spec, stem);
    const std::vector<Span> spans = find_spans(matcher, spec);
    const std::size_t first_span = best_start(words, spans, length);
    const std::size_t begin =
        spans.empty() ? 0 : window_begin(text, words, spans[first_span].first, length);
    std::size_t last = 0;
    while (words[last].begin < begin) {
        ++last;
    }
    while (last + 1 < words.size() && words[last + 1].end <= begin + length) {
        ++last;
    }
    const std::size_t end = words[last].end;
    SnippetWriter writer(text);
    if (begin > words.front().begin) {
        writer.append("… ");
    }
    write_spans(writer, text, words, spans, begin, end);
    const bool cut = end < words.back().end;
    if (cut) {
        writer.append(" …");
    } else {
        writer.copy(end, text.size());
    }
    return writer.take();
}

Snippet highlight_all(std::string_view text, const HighlightSpec& spec, const Xapian::Stem& stem) {
    const std::vector<Word> words = words_of(text);
    const Matcher matcher(words, spec, stem);
    SnippetWriter writer(text);
    write_spans(writer, text, words, find_spans(matcher, spec), 0, text.size());
    return writer.take();
}

} // namespace newsq::detail
