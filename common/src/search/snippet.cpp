#include "search/snippet.hpp"
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "search/snippet_words.hpp"

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

// The length of the field prefix of `term`: its leading upper case letters.
std::size_t prefix_size(std::string_view term) {
    const auto end =
        std::find_if(term.begin(), term.end(), [](char c) { return !(c >= 'A' && c <= 'Z'); });
    return static_cast<std::size_t>(end - term.begin());
}

// The CJK character of `term` after its prefix, if that is all the rest: a unigram.
std::string_view unigram_char(std::string_view term) {
    const std::string_view rest = term.substr(prefix_size(term));
    return cjk_chars(rest).size() == 1 ? rest : std::string_view();
}

// Whether `pair` is the bigram of the unigrams `first` and `second`: their prefix, then both
// characters.
bool is_bigram_of(std::string_view pair, std::string_view first, std::string_view second) {
    const std::string_view next = unigram_char(second);
    return !unigram_char(first).empty() && !next.empty() &&
           first.substr(0, prefix_size(first)) == second.substr(0, prefix_size(second)) &&
           pair.size() == first.size() + next.size() && pair.starts_with(first) &&
           pair.ends_with(next);
}

// The end of the terms from `i` that QueryParser's FLAG_CJK_NGRAM makes of one CJK word: a
// character, then every next pair and its second character ("谈", "谈判", "判"); `i` when no
// such run of two characters or more starts there.
std::size_t ngram_run_end(const std::vector<std::string>& terms, std::size_t i) {
    std::size_t k = i;
    while (k + 2 < terms.size() && is_bigram_of(terms[k + 1], terms[k], terms[k + 2])) {
        k += 2;
    }
    return k == i ? i : k + 1;
}

// The word of the n-gram terms[begin, end): the first term, then every second term's character.
std::string ngram_word(const std::vector<std::string>& terms, std::size_t begin, std::size_t end) {
    std::string word = terms[begin];
    for (std::size_t k = begin + 2; k < end; k += 2) {
        word += unigram_char(terms[k]);
    }
    return word;
}

// The term of a query of one term, else "".
std::string leaf_term(const Xapian::Query& q) {
    return q.get_type() == Xapian::Query::LEAF_TERM ? *q.get_terms_begin() : std::string();
}

void collect(const Xapian::Query& q, HighlightSpec& spec);

// An AND's parts, a CJK word's n-grams (which Xapian may have merged into a wider AND) as that
// word: it highlights where its characters stand together, not wherever one of them is.
void collect_and(const Xapian::Query& q, HighlightSpec& spec) {
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        terms.push_back(leaf_term(q.get_subquery(i)));
    }
    for (std::size_t i = 0; i < terms.size();) {
        const std::size_t end = ngram_run_end(terms, i);
        if (end > i) {
            spec.terms.push_back(ngram_word(terms, i, end));
            i = end;
        } else {
            collect(q.get_subquery(i), spec);
            ++i;
        }
    }
}

void collect(const Xapian::Query& q, HighlightSpec& spec) {
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
        spec.terms.push_back(*q.get_terms_begin());
        return;
    case Op::OP_AND:
        collect_and(q, spec);
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

// A highlighted range of words [first, last] and the query part it matched.
struct Span {
    std::size_t first;
    std::size_t last;
    std::size_t part;
};

// First bytes of the stems in `spec`: with a stemmer that keeps a word's first byte, a word
// starting otherwise cannot match any stem and need not be stemmed.
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
        if (initials.empty()) {
            return;
        }
        const bool by_initial = keeps_first_byte(stem);
        std::unordered_map<std::string_view, std::string> cache;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const std::string& lower = words[i].lower;
            if (by_initial && initials.find(lower.front()) == std::string::npos) {
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

    // Where the index has bigrams of the CJK word of `chars`: two of its characters standing
    // together as in the word, runs of them joined ("贸易谈判" where the text has it whole).
    std::vector<Span> ngrams(const std::vector<std::string>& chars, std::size_t part) const {
        std::set<std::string> pairs;
        for (std::size_t k = 0; k + 1 < chars.size(); ++k) {
            pairs.insert(chars[k] + chars[k + 1]);
        }
        std::vector<Span> spans;
        for (std::size_t i = 0; i + 1 < words_.size(); ++i) {
            if (!pairs.contains(pair_at(i))) {
                continue;
            }
            if (!spans.empty() && spans.back().last == i) {
                spans.back().last = i + 1;
            } else {
                spans.push_back({i, i + 1, part});
            }
        }
        return spans;
    }

private:
    // The CJK characters of words i and i + 1 when they stand together, else "".
    std::string pair_at(std::size_t i) const {
        const Word& a = words_[i];
        const Word& b = words_[i + 1];
        return a.cjk && b.cjk && a.end == b.begin ? a.lower + b.lower : std::string();
    }

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
        const std::vector<std::string> chars = cjk_chars(t);
        append(chars.size() > 1 ? m.ngrams(chars, part) : m.single(TermSet{t}, part));
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

// Whether a sentence starts at byte `i` of `text`: after a line break, after a full stop,
// question or exclamation mark and a space, or after one of CJK text ("。").
bool sentence_starts(std::string_view text, std::size_t i) {
    const std::string_view before = text.substr(0, i);
    const auto ends_sentence = [](char c) { return c == '.' || c == '?' || c == '!'; };
    return before.ends_with('\n') ||
           (before.size() >= 2 && before.back() == ' ' &&
            ends_sentence(before[before.size() - 2])) ||
           before.ends_with("。") || before.ends_with("！") || before.ends_with("？");
}

// The word a few words before word `w`: four back, a CJK character counting as a third of one.
std::size_t context_start(const std::vector<Word>& words, std::size_t w) {
    std::size_t weight = 0;
    while (w > 0 && weight < 12) {
        --w;
        weight += words[w].cjk ? 1 : 3;
    }
    return w;
}

// Where to begin: the start of the sentence holding word `w` when close enough, else a few
// words before it.
std::size_t window_begin(std::string_view text, const std::vector<Word>& words, std::size_t w,
                         std::size_t length) {
    const std::size_t at = words[w].begin;
    const std::size_t reach = length / 3;
    for (std::size_t i = at; at - i < reach; --i) {
        if (i == 0 || sentence_starts(text, i)) {
            return i;
        }
    }
    return words[context_start(words, w)].begin;
}

// The first and last word of the window of about `length` bytes from byte `begin`.
std::pair<std::size_t, std::size_t> window_words(const std::vector<Word>& words, std::size_t begin,
                                                 std::size_t length) {
    std::size_t first = 0;
    while (words[first].begin < begin) {
        ++first;
    }
    std::size_t last = first;
    while (last + 1 < words.size() && words[last + 1].end <= begin + length) {
        ++last;
    }
    return {first, last};
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
    const std::size_t prefix = prefix_size(rest);
    if (prefix == rest.size() ||
        std::find(prefixes.begin(), prefixes.end(), rest.substr(0, prefix)) == prefixes.end()) {
        return std::nullopt;
    }
    return std::string(stem ? "Z" : "").append(rest.substr(prefix));
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
    const auto [first, last] = window_words(words, begin, length);
    const std::size_t end = words[last].end;
    SnippetWriter writer(text);
    // CJK text has no spaces between its words, nor between them and an ellipsis.
    if (begin > words.front().begin) {
        writer.append(words[first].cjk ? "…" : "… ");
    }
    write_spans(writer, text, words, spans, begin, end);
    const bool cut = end < words.back().end;
    if (cut) {
        writer.append(words[last].cjk ? "…" : " …");
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
