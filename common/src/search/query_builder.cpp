#include "search/query_builder.hpp"
#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

#include "search/dates.hpp"
#include "search/query_lexer.hpp"
#include "store/terms.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

// A field processor that never throws. Xapian's parser does not survive an exception thrown
// from a field processor (the term of a signed field, `-date:…`, is freed twice while
// unwinding), so the first exception is kept in `failure` and the value matches nothing; the
// builder rethrows it once the parser has returned.
class SafeField : public Xapian::FieldProcessor {
public:
    explicit SafeField(std::exception_ptr& failure)
        : failure_(failure) {}

    Xapian::Query operator()(const std::string& value) final {
        try {
            return process(value);
        } catch (...) {
            if (!failure_) {
                failure_ = std::current_exception();
            }
        }
        return Xapian::Query::MatchNothing;
    }

protected:
    virtual Xapian::Query process(const std::string& value) = 0;

private:
    std::exception_ptr& failure_;
};

// A boolean field's value, case-folded like the indexer folds it.
class BooleanField : public SafeField {
public:
    BooleanField(const Field& f, std::exception_ptr& failure)
        : SafeField(failure)
        , field_(f) {}

private:
    Xapian::Query process(const std::string& value) override {
        return Xapian::Query(boolean_term(field_, value));
    }

    const Field& field_;
};

// A names field's value: see NameSearch::filter.
class NamesField : public SafeField {
public:
    NamesField(const Field& f, NameSearch& names, std::exception_ptr& failure)
        : SafeField(failure)
        , field_(f)
        , names_(names) {}

private:
    Xapian::Query process(const std::string& value) override {
        return names_.filter(field_, value);
    }

    const Field& field_;
    NameSearch& names_;
};

// `date:` values; errors name their position in `query` (the query as the user typed it).
class DateField : public SafeField {
public:
    DateField(std::chrono::sys_days today, const std::string& query, std::exception_ptr& failure)
        : SafeField(failure)
        , today_(today)
        , query_(query) {}

private:
    Xapian::Query process(const std::string& expr) override;

    std::chrono::sys_days today_;
    const std::string& query_;
};

void check_distance(std::string_view q, const QueryToken& t) {
    if (!t.core.starts_with("NEAR") && !t.core.starts_with("ADJ")) {
        return;
    }
    const std::string_view name = t.core.starts_with("NEAR") ? "NEAR" : "ADJ";
    const std::string_view rest = t.core.substr(name.size());
    if (rest.empty()) {
        return;
    }
    const bool number = rest.size() > 1 && rest[0] == '/' &&
                        rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
    if (!number) {
        query_syntax_error(
            q, t.core_offset,
            fmt::format("{} takes a distance like {}/5, not \"{}\"", name, name, t.core));
    }
}

// The words of a phrase as Xapian's parser reads terms; the rest ("a!OR", "x:", "’AND") would
// be query syntax.
std::vector<std::string_view> words_of(std::string_view text) {
    return split_words(text, Apostrophes::straight);
}

bool has_word(std::string_view text) {
    return !words_of(text).empty();
}

// A filter's value is matched whole: a proximity ("~5") after a phrase in it has no words to
// bring near each other, and a group right after it is no part of it (Xapian's parser leaks
// on a negated filter with a NEAR group in either place).
void check_filter_value(std::string_view q, const QueryToken& t, const Field& f) {
    if (f.kind == FieldKind::text) {
        return;
    }
    const std::size_t end = t.offset + t.text.size();
    if (end < q.size() && q[end] == '(') {
        query_syntax_error(q, end,
                           fmt::format("a group right after the value of \"{}:\": put a space "
                                       "between them",
                                       f.name));
    }
    for (auto p = find_phrase(q, t.offset); p && p->end() <= end; p = find_phrase(q, p->end())) {
        if (!p->distance.empty()) {
            query_syntax_error(q, p->close + 1,
                               fmt::format("a proximity (~{}) needs words of the text, and "
                                           "\"{}:\" is a filter",
                                           p->distance, f.name));
        }
    }
}

void check_field(std::string_view q, const QueryToken& t) {
    if (t.quoted && t.text.front() == '"') {
        return;
    }
    std::string_view text = t.text;
    // Signs and punctuation before a field name are skipped, as Xapian's parser skips them.
    while (!text.empty() && !is_query_word_byte(text.front()) && text.front() != '"') {
        text.remove_prefix(1);
    }
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return;
    }
    const std::string_view name = text.substr(0, colon);
    const bool alphabetic = std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0;
    });
    if (!alphabetic || name == "http" || name == "https") {
        return;
    }
    const std::size_t at = t.offset + (t.text.size() - text.size());
    if (find_field(name) == nullptr) {
        std::string known;
        for (const Field& f : kFields) {
            known += known.empty() ? "" : ", ";
            known += f.name;
        }
        query_syntax_error(q, at, fmt::format("unknown field \"{}\" (fields: {})", name, known));
    }
    if (colon + 1 == text.size()) {
        query_syntax_error(q, at, fmt::format("field \"{}:\" has no value", name));
    }
    check_filter_value(q, t, *find_field(name));
}

Xapian::Query DateField::process(const std::string& expr) {
    try {
        return date_filter(parse_date_expression(expr, today_));
    } catch (const Error& e) {
        const auto colon = query_.find(':' + expr);
        query_syntax_error(query_, colon == std::string::npos ? 0 : colon + 1, e.what());
    }
}

// Whether `t` is one word, perhaps with a field ("title:strike") or a wildcard ("strik*").
bool is_single_word(const QueryToken& t) {
    if (t.quoted || t.text.starts_with('+') || t.text.starts_with('-')) {
        return false;
    }
    std::string_view rest = t.text;
    if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
        rest.remove_prefix(colon + 1);
    }
    const std::vector<std::string_view> words = words_of(rest);
    return words.size() == 1 && (rest == words[0] || rest == std::string(words[0]) + '*');
}

// NEAR and ADJ join single words: with a sign, a phrase or a group beside them Xapian's
// parser leaks memory ("-a NEAR/3 b-c").
void check_proximity_operands(std::string_view q, const std::vector<QueryToken>& tokens,
                              std::size_t k) {
    const QueryToken& op = tokens[k];
    if (!op.core.starts_with("NEAR") && !op.core.starts_with("ADJ")) {
        return;
    }
    // Xapian's parser takes no NEAR or ADJ after a run of words ("x a NEAR b").
    const bool run =
        k > 1 && has_word(tokens[k - 2].text) && tokens[k - 2].kind != QueryTokenKind::op;
    const bool before = k > 0 && is_single_word(tokens[k - 1]) && !run;
    const bool after = k + 1 == tokens.size() || is_single_word(tokens[k + 1]);
    if (!before || !after) {
        query_syntax_error(q, op.core_offset,
                           fmt::format("{} needs a single word on each side, without a sign (for "
                                       "a phrase, use \"a b\"~N)",
                                       op.core));
    }
}

[[noreturn]] void missing_right(std::string_view q, const QueryToken& op) {
    query_syntax_error(q, op.core_offset, fmt::format("{} without a right-hand side", op.core));
}

// Appends `(a NEAR/N b …)` for the phrase `p` with a proximity, and what stands between byte
// `from` and it but for a sign before it; a field prefix goes on every word.
void append_near_group(std::string& out, std::string_view q, std::size_t from,
                       const QuotedPhrase& p) {
    // The field prefix, if any, stands just before the opening quote ("title:").
    std::size_t prefix_start = p.open;
    while (prefix_start > from && is_query_word_byte(q[prefix_start - 1])) {
        --prefix_start;
    }
    const bool has_prefix = prefix_start < p.open && q[p.open - 1] == ':';
    const std::size_t word_start = has_prefix ? prefix_start : p.open;
    const std::string prefix(has_prefix ? q.substr(prefix_start, p.open - prefix_start) : "");
    // Xapian takes no sign before a group: "-" is NOT, "+" goes without saying.
    const char sign = word_start > from ? q[word_start - 1] : ' ';
    const bool signed_group = sign == '-' || sign == '+';
    out += q.substr(from, word_start - from - (signed_group ? 1 : 0));
    out += sign == '-' ? "NOT (" : "(";
    bool first = true;
    for (std::string_view word : words_of(p.inside(q))) {
        out += first ? "" : fmt::format(" NEAR/{} ", p.distance);
        out += prefix;
        // A word of the phrase, never an operator: "a AND b"~2 holds the word "and".
        out += is_operator_word(word) ? fold_case(word) : std::string(word);
        first = false;
    }
    out += ')';
}

// Whether `c` is punctuation that Xapian's parser skips between a sign and its word.
bool is_skipped_punctuation(char c) {
    return c != ' ' && c != '"' && c != '(' && c != ')' && c != '+' && c != '-' &&
           !is_query_word_byte(c);
}

// Puts a sign that stands before punctuation next to its word ("war -#syria" becomes
// "war  -syria"), and makes one followed by no word a space ("-. war" means "- war"). Xapian's
// parser carries such a sign over the punctuation to the next word, or drops it, depending on
// where it stands, and leaks when it carries it to the operand of a NEAR or ADJ.
void attach_signs(std::string& q) {
    for (std::size_t i = 0; i + 1 < q.size(); ++i) {
        const bool starts_token = i == 0 || q[i - 1] == ' ' || q[i - 1] == '(';
        if ((q[i] != '-' && q[i] != '+') || !starts_token || !is_skipped_punctuation(q[i + 1])) {
            continue;
        }
        std::size_t word = i + 1;
        while (word < q.size() && is_skipped_punctuation(q[word])) {
            ++word;
        }
        const char sign = q[i];
        std::fill(q.begin() + static_cast<std::ptrdiff_t>(i),
                  q.begin() + static_cast<std::ptrdiff_t>(word), ' ');
        if (word < q.size() && is_query_word_byte(q[word])) {
            q[word - 1] = sign;
        }
    }
}

} // namespace

void validate_query(std::string_view q) {
    const std::vector<QueryToken> tokens = lex_query(q);
    struct Group {
        std::size_t offset; // of its "("
        bool operand;       // whether one came before it
    };
    std::vector<Group> open;
    std::optional<QueryToken> pending; // the operator still waiting for its right-hand side
    bool operand = false;              // one seen since the start or the last "("
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const QueryToken& t = tokens[k];
        if (t.kind == QueryTokenKind::open) {
            open.push_back({t.offset, operand});
            operand = false;
            continue;
        }
        if (t.kind == QueryTokenKind::close) {
            if (open.empty()) {
                query_syntax_error(q, t.offset, "unmatched closing parenthesis");
            }
            if (pending) {
                missing_right(q, *pending);
            }
            operand = operand || open.back().operand;
            open.pop_back();
            continue;
        }
        if (!has_word(t.text)) {
            continue; // punctuation or "" is no operand: "; AND x" has no left-hand side
        }
        if (t.kind == QueryTokenKind::op && t.core != "NOT") {
            check_distance(q, t);
            if (!operand || pending) {
                query_syntax_error(q, t.core_offset,
                                   fmt::format("{} without a left-hand side", t.core));
            }
            check_proximity_operands(q, tokens, k);
            pending = t;
            continue;
        }
        if (t.kind == QueryTokenKind::op) {
            if (pending && pending->core == "NOT") {
                missing_right(q, *pending); // "a NOT NOT b"
            }
            pending = t;
            continue;
        }
        check_field(q, t);
        pending.reset();
        operand = true;
    }
    if (pending) {
        missing_right(q, *pending);
    }
    if (!open.empty()) {
        query_syntax_error(q, open.back().offset, "unclosed parenthesis");
    }
}

std::string rewrite_proximity(std::string_view q) {
    std::string out;
    std::size_t copied = 0;
    // Phrases as the lexer reads them: a quote inside a filter's unquoted value opens none.
    for (const QueryToken& t : lex_query(q)) {
        const std::size_t end = t.offset + t.text.size();
        for (auto p = find_phrase(q, t.offset); t.quoted && p && p->end() <= end;
             p = find_phrase(q, p->end())) {
            if (!p->distance.empty()) {
                append_near_group(out, q, copied, *p);
                copied = p->end();
            }
        }
    }
    out += q.substr(copied);
    return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, std::chrono::sys_days today,
                           std::span<const std::string> languages)
    : readings_(query_readings(db, languages)) {
    parser_.set_database(db);
    parser_.set_default_op(Xapian::Query::OP_AND);
    for (const Field& f : kFields) {
        if (f.kind == FieldKind::boolean) {
            processors_.push_back(std::make_unique<BooleanField>(f, failure_));
        } else if (f.kind == FieldKind::names) {
            processors_.push_back(std::make_unique<NamesField>(f, names_, failure_));
        } else if (f.kind == FieldKind::date) {
            processors_.push_back(std::make_unique<DateField>(today, typed_, failure_));
        }
        const std::string group(f.name);
        for (std::string_view name : {f.name, f.alias}) {
            if (name.empty()) {
                continue;
            }
            if (f.kind == FieldKind::text) {
                parser_.add_prefix(std::string(name), std::string(f.prefix));
            } else {
                parser_.add_boolean_prefix(std::string(name), processors_.back().get(), &group);
            }
        }
    }
}

Xapian::Query QueryBuilder::parse(std::string_view text, const std::string& default_prefix) {
    if (trim(text).empty()) {
        return Xapian::Query(std::string());
    }
    typed_ = prepare_query(text);
    validate_query(typed_);
    const std::string rewritten = rewrite_proximity(typed_);
    std::vector<Xapian::Query> readings;
    for (const Reading& r : readings_) {
        set_text_stemming(parser_, r.language);
        readings.push_back(r.apply(parse_once(rewritten, default_prefix)));
    }
    return readings.size() == 1
               ? readings.front()
               : Xapian::Query(Xapian::Query::OP_OR, readings.begin(), readings.end());
}

Xapian::Query QueryBuilder::parse_once(const std::string& rewritten,
                                       const std::string& default_prefix) {
    failure_ = nullptr;
    names_.clear();
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
                               Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT | kTextParseFlags;
    Xapian::Query query = parser_.parse_query(rewritten, flags, default_prefix);
    if (failure_) {
        std::rethrow_exception(std::exchange(failure_, nullptr));
    }
    if (!names_.empty()) {
        return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, names_.ranking());
    }
    if (!is_plain_words(typed_)) {
        return query;
    }
    // Plain words rank higher where they stand together as a phrase.
    const std::string phrase = '"' + rewritten + '"';
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         parser_.parse_query(phrase,
                                             Xapian::QueryParser::FLAG_PHRASE | kTextParseFlags,
                                             default_prefix));
}

Xapian::Query QueryBuilder::filter(const Field& f, std::string_view value) {
    if (f.kind == FieldKind::names) {
        NameSearch names;
        return names.filter(f, value);
    }
    return Xapian::Query(boolean_term(f, value));
}

std::string prepare_query(std::string_view text) {
    if (const auto bad = invalid_utf8_offset(text)) {
        query_syntax_error(text, *bad, "the query is not valid UTF-8");
    }
    std::string prepared(text);
    for (char& c : prepared) {
        const auto u = static_cast<unsigned char>(c);
        c = u < 0x20 || u == 0x7F ? ' ' : c;
    }
    attach_signs(prepared);
    for (const QueryToken& t : lex_query(prepared)) {
        if (t.kind == QueryTokenKind::op) {
            continue;
        }
        // Outside its quoted phrases (the even parts between quotation marks).
        std::size_t start = 0;
        for (bool outside = true; start <= t.text.size(); outside = !outside) {
            const std::size_t end = std::min(t.text.find('"', start), t.text.size());
            for (std::string_view word : outside ? words_of(t.text.substr(start, end - start))
                                                 : std::vector<std::string_view>{}) {
                if (is_operator_word(word)) {
                    const auto at = static_cast<std::size_t>(word.data() - prepared.data());
                    prepared.replace(at, word.size(), fold_case(word));
                }
            }
            start = end + 1;
        }
    }
    return prepared;
}

bool is_plain_words(std::string_view text) {
    const std::vector<QueryToken> tokens = lex_query(text);
    return tokens.size() >= 2 && std::all_of(tokens.begin(), tokens.end(), [](const QueryToken& t) {
               return is_query_word_byte(t.text.front()) &&
                      std::all_of(t.text.begin(), t.text.end(),
                                  [](char c) {
                                      return is_query_word_byte(c) || c == '\'' || c == '-' ||
                                             c == '.' || c == ',';
                                  }) &&
                      !is_operator_word(t.text);
           });
}

} // namespace newsq::detail
