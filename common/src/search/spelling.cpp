#include "search/spelling.hpp"
#include <algorithm>

#include <newsq/schema.hpp>

#include "search/languages.hpp"
#include "search/query_lexer.hpp"
#include "store/terms.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

// Words looked up per query at most: each costs a scan of the spelling table.
constexpr int kMaxLookups = 8;
// Words this short or shorter are corrected by one edit at most, so that "ICC" does not turn into
// an unrelated three-letter word.
constexpr std::size_t kShortWord = 4;

constexpr unsigned kRightQuote = 0x2019; // ’, typed as an apostrophe
constexpr std::string_view kRightQuoteUtf8 = "\u2019";

bool is_word_char(unsigned ch) {
    return Xapian::Unicode::is_wordchar(ch) || ch == '\'' || ch == kRightQuote;
}

// A span of the query: [begin, end) in bytes.
struct Span {
    std::size_t begin;
    std::size_t end;
};

// The byte after the UTF-8 sequence starting at `at` (a stray byte is one).
std::size_t next_char(std::string_view q, std::size_t at) {
    return std::min(q.size(), at + utf8_length(q[at]));
}

// The word starting at byte `at`, and how many code points it has.
std::pair<Span, std::size_t> word_at(std::string_view q, std::size_t at) {
    std::size_t end = at;
    std::size_t chars = 0;
    for (std::size_t next = at; end < q.size() && is_word_char(decode_utf8(q, next)); end = next) {
        ++chars;
    }
    return {{at, end}, chars};
}

class Corrector {
public:
    Corrector(const Xapian::Database& db, std::span<const std::string> languages)
        : db_(db) {
        for (const Reading& r : query_readings(db, languages)) {
            stems_.push_back(text_stemmer(r.language));
        }
        for (const std::string& code : languages) {
            filter_.emplace_back(boolean_term(field("language"), code));
        }
    }

    // The replacement for `word`, when the index lacks it (and its stem) and the dictionary
    // has a near one.
    std::optional<std::string> correct(std::string_view word, std::size_t chars) {
        // Words with digits or apostrophes are not in the dictionary (index/spelling.cpp).
        const bool plain =
            std::none_of(word.begin(), word.end(),
                         [](char c) { return c == '\'' || (c >= '0' && c <= '9'); }) &&
            word.find(kRightQuoteUtf8) == std::string_view::npos;
        if (chars < 3 || !plain || is_operator_word(word) || lookups_ == kMaxLookups) {
            return std::nullopt;
        }
        const std::string lower = Xapian::Unicode::tolower(std::string(word));
        if (known(lower)) {
            return std::nullopt;
        }
        ++lookups_;
        std::string suggested = db_.get_spelling_suggestion(lower, chars <= kShortWord ? 1 : 2);
        if (suggested.empty() || !in_languages(suggested)) {
            return std::nullopt;
        }
        return same_case(word, std::move(suggested));
    }

private:
    // Whether the index holds `word`, or its stem in one of the languages it is read in.
    bool known(const std::string& word) const {
        return db_.term_exists(word) ||
               std::any_of(stems_.begin(), stems_.end(), [&](const Xapian::Stem& stem) {
                   return db_.term_exists(std::string("Z").append(stem(word)));
               });
    }

    // Whether `word` occurs in an article of the languages asked for (any, when none were).
    bool in_languages(const std::string& word) const {
        if (filter_.empty()) {
            return true;
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word),
                          Xapian::Query(Xapian::Query::OP_OR, filter_.begin(), filter_.end())));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return !enquire.get_mset(0, 1).empty();
    }

    // `suggested` with a capital first letter when `typed` has one.
    static std::string same_case(std::string_view typed, std::string suggested) {
        const Xapian::Utf8Iterator first(typed.data(), typed.size());
        if (Xapian::Unicode::get_category(*first) != Xapian::Unicode::UPPERCASE_LETTER) {
            return suggested;
        }
        Xapian::Utf8Iterator it(suggested);
        std::string out;
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::toupper(*it));
        if (++it != Xapian::Utf8Iterator()) {
            out.append(it.raw(), it.left());
        }
        return out;
    }

    const Xapian::Database& db_;
    std::vector<Xapian::Stem> stems_;
    std::vector<Xapian::Query> filter_; // the language terms asked for
    int lookups_ = 0;
};

} // namespace

std::optional<std::string> spelling_suggestion(const Xapian::Database& db, std::string_view q,
                                               std::span<const std::string> languages) {
    Corrector corrector(db, languages);
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < q.size()) {
        const auto [span, chars] = word_at(q, i);
        if (chars == 0) {
            const std::size_t end = next_char(q, i);
            out.append(q.substr(i, end - i));
            i = end;
            continue;
        }
        const std::string_view word = q.substr(span.begin, span.end - span.begin);
        if (span.end < q.size() && q[span.end] == ':') {
            const std::size_t value_end = field_value_end(q, span.end + 1);
            out.append(q.substr(i, value_end - i));
            i = value_end;
            continue;
        }
        const bool wildcard = span.end < q.size() && q[span.end] == '*';
        const auto fixed = wildcard ? std::nullopt : corrector.correct(word, chars);
        out += fixed ? *fixed : std::string(word);
        changed = changed || fixed.has_value();
        i = span.end;
    }
    return changed ? std::optional<std::string>(std::move(out)) : std::nullopt;
}

} // namespace newsq::detail
