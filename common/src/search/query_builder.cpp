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

// 1-based character (not byte) position of byte `offset`.
std::size_t column(std::string_view text, std::size_t offset) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    }
    return chars + 1;
}

[[noreturn]] void syntax_error(std::string_view text, std::size_t offset, std::string_view what) {
    throw Error(ErrorCode::query_syntax,
                fmt::format("{} (query position {})", what, column(text, offset)));
}

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

struct Token {
    std::string_view text;
    std::size_t offset;
    bool quoted;
};

// Splits on white space and parentheses, keeping quoted phrases whole (unclosed ones
// are reported).
std::vector<Token> tokenize(std::string_view q) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.push_back({q.substr(i, 1), i, false});
            ++i;
        } else {
            const std::size_t start = i;
            bool quoted = false;
            while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i])) == 0 &&
                   q[i] != '(' && q[i] != ')') {
                if (q[i] == '"') {
                    const auto close = q.find('"', i + 1);
                    if (close == std::string_view::npos) {
                        syntax_error(q, i, "unclosed quote");
                    }
                    i = close;
                    quoted = true;
                }
                ++i;
            }
            tokens.push_back({q.substr(start, i - start), start, quoted});
        }
    }
    return tokens;
}

void check_distance(std::string_view q, const Token& t) {
    if (!t.text.starts_with("NEAR") && !t.text.starts_with("ADJ")) {
        return;
    }
    const std::string_view name = t.text.starts_with("NEAR") ? "NEAR" : "ADJ";
    const std::string_view rest = t.text.substr(name.size());
    if (rest.empty()) {
        return;
    }
    const bool number = rest.size() > 1 && rest[0] == '/' &&
                        rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos;
    if (!number) {
        syntax_error(q, t.offset,
                     fmt::format("{} takes a distance like {}/5, not \"{}\"", name, name, t.text));
    }
}

bool is_operator_word(std::string_view t) {
    if (t == "AND" || t == "OR" || t == "XOR" || t == "NOT") {
        return true;
    }
    for (std::string_view op : {"NEAR", "ADJ"}) {
        if (t == op || (t.starts_with(op) && t.size() > op.size() && t[op.size()] == '/')) {
            return true;
        }
    }
    return false;
}

// The words of a phrase as Xapian's parser reads terms: runs of word characters (Unicode
// letters, digits and marks), an apostrophe between two of them kept ("don't"); the rest
// ("a!OR", "x:", "’AND") would be query syntax.
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    const char* const base = text.data();
    const auto offset = [&](const Xapian::Utf8Iterator& it) {
        return static_cast<std::size_t>(it.raw() - base);
    };
    const Xapian::Utf8Iterator end;
    Xapian::Utf8Iterator it(base, text.size());
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        const std::size_t start = offset(it);
        std::size_t stop = start;
        while (it != end) {
            if (Xapian::Unicode::is_wordchar(*it)) {
                stop = offset(++it);
            } else if (*it == '\'' && stop == offset(it)) {
                Xapian::Utf8Iterator next = it;
                if (++next == end || !Xapian::Unicode::is_wordchar(*next)) {
                    break;
                }
                it = next;
            } else {
                break;
            }
        }
        words.push_back(text.substr(start, stop - start));
    }
    return words;
}

bool has_word(std::string_view text) {
    return !words_of(text).empty();
}

// The token as Xapian's parser reads an operator in it: without the punctuation around it
// (".AND", "AND," are AND). A sign or a quote stays: "+AND" is the word "and".
Token without_punctuation(const Token& t) {
    if (t.quoted) {
        return t;
    }
    std::string_view text = t.text;
    const auto strip = [](char c) { return !is_word_char(c) && c != '+' && c != '-' && c != '"'; };
    std::size_t skipped = 0;
    while (!text.empty() && strip(text.front())) {
        text.remove_prefix(1);
        ++skipped;
    }
    while (!text.empty() && !is_word_char(text.back()) && text.back() != '*' &&
           text.back() != '"') {
        text.remove_suffix(1);
    }
    return {text, t.offset + skipped, false};
}

void check_field(std::string_view q, const Token& t) {
    if (t.quoted && t.text.front() == '"') {
        return;
    }
    std::string_view text = t.text;
    while (!text.empty() && (text.front() == '+' || text.front() == '-')) {
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
        syntax_error(q, at, fmt::format("unknown field \"{}\" (fields: {})", name, known));
    }
    if (colon + 1 == text.size()) {
        syntax_error(q, at, fmt::format("field \"{}:\" has no value", name));
    }
}

Xapian::Query DateField::process(const std::string& expr) {
    try {
        return date_filter(parse_date_expression(expr, today_));
    } catch (const Error& e) {
        const auto colon = query_.find(':' + expr);
        syntax_error(query_, colon == std::string::npos ? 0 : colon + 1, e.what());
    }
}

// Whether `t` is one word, perhaps with a field ("title:strike") or a wildcard ("strik*").
bool is_single_word(const Token& t) {
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
void check_proximity_operands(std::string_view q, const Token& op, const std::vector<Token>& tokens,
                              std::size_t k) {
    if (!op.text.starts_with("NEAR") && !op.text.starts_with("ADJ")) {
        return;
    }
    // Xapian's parser takes no NEAR or ADJ after a run of words ("x a NEAR b").
    const bool run = k > 1 && has_word(tokens[k - 2].text) &&
                     !is_operator_word(without_punctuation(tokens[k - 2]).text);
    const bool before = k > 0 && is_single_word(tokens[k - 1]) && !run;
    const bool after = k + 1 == tokens.size() || is_single_word(tokens[k + 1]);
    if (!before || !after) {
        syntax_error(q, op.offset,
                     fmt::format("{} needs a single word on each side, without a sign (for a "
                                 "phrase, use \"a b\"~N)",
                                 op.text));
    }
}

[[noreturn]] void missing_right(std::string_view q, const Token& op) {
    syntax_error(q, op.offset, fmt::format("{} without a right-hand side", op.text));
}

} // namespace

void validate_query(std::string_view q) {
    const std::vector<Token> tokens = tokenize(q);
    struct Group {
        std::size_t offset; // of its "("
        bool operand;       // whether one came before it
    };
    std::vector<Group> open;
    std::optional<Token> pending; // the operator still waiting for its right-hand side
    bool operand = false;         // one seen since the start or the last "("
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (t.text == "(") {
            open.push_back({t.offset, operand});
            operand = false;
            continue;
        }
        if (t.text == ")") {
            if (open.empty()) {
                syntax_error(q, t.offset, "unmatched closing parenthesis");
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
        const Token word = without_punctuation(t);
        if (is_operator_word(word.text) && word.text != "NOT") {
            check_distance(q, word);
            if (!operand || pending) {
                syntax_error(q, word.offset, fmt::format("{} without a left-hand side", word.text));
            }
            check_proximity_operands(q, word, tokens, k);
            pending = word;
            continue;
        }
        if (word.text == "NOT") {
            if (pending && pending->text == "NOT") {
                missing_right(q, *pending); // "a NOT NOT b"
            }
            pending = word;
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
        syntax_error(q, open.back().offset, "unclosed parenthesis");
    }
}

std::string rewrite_proximity(std::string_view q) {
    std::string out;
    std::size_t i = 0;
    while (i < q.size()) {
        const auto quote = q.find('"', i);
        const auto close = quote == std::string_view::npos ? quote : q.find('"', quote + 1);
        if (close == std::string_view::npos) {
            out += q.substr(i);
            break;
        }
        std::size_t end = close + 1;
        if (end + 1 < q.size() && q[end] == '~' &&
            std::isdigit(static_cast<unsigned char>(q[end + 1]))) {
            std::size_t digits = end + 1;
            while (digits < q.size() && std::isdigit(static_cast<unsigned char>(q[digits]))) {
                ++digits;
            }
            // The field prefix, if any, stands just before the opening quote ("title:").
            std::size_t prefix_start = quote;
            while (prefix_start > i && is_word_char(q[prefix_start - 1])) {
                --prefix_start;
            }
            const bool has_prefix = prefix_start < quote && q[quote - 1] == ':';
            const std::size_t word_start = has_prefix ? prefix_start : quote;
            const std::string prefix(has_prefix ? q.substr(prefix_start, quote - prefix_start)
                                                : "");
            const std::string_view distance = q.substr(end + 1, digits - end - 1);
            // Xapian takes no sign before a group: "-" is NOT, "+" goes without saying.
            const char sign = word_start > i ? q[word_start - 1] : ' ';
            const bool signed_group = sign == '-' || sign == '+';
            out += q.substr(i, word_start - i - (signed_group ? 1 : 0));
            out += sign == '-' ? "NOT (" : "(";
            bool first = true;
            for (std::string_view word : words_of(q.substr(quote + 1, close - quote - 1))) {
                out += first ? "" : fmt::format(" NEAR/{} ", distance);
                out += prefix;
                // A word of the phrase, never an operator: "a AND b"~2 holds the word "and".
                out += is_operator_word(word) ? fold_case(word) : std::string(word);
                first = false;
            }
            out += ')';
            i = digits;
        } else {
            out += q.substr(i, end - i);
            i = end;
        }
    }
    return out;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, std::chrono::sys_days today) {
    parser_.set_database(db);
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
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
    failure_ = nullptr;
    names_.clear();
    const std::string rewritten = rewrite_proximity(typed_);
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
                               Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
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
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, query,
        parser_.parse_query(phrase, Xapian::QueryParser::FLAG_PHRASE, default_prefix));
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
        syntax_error(text, *bad, "the query is not valid UTF-8");
    }
    std::string prepared(text);
    for (char& c : prepared) {
        const auto u = static_cast<unsigned char>(c);
        c = u < 0x20 || u == 0x7F ? ' ' : c;
    }
    for (const Token& t : tokenize(prepared)) {
        if (!t.quoted && is_operator_word(without_punctuation(t).text)) {
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
    const std::vector<Token> tokens = tokenize(text);
    return tokens.size() >= 2 && std::all_of(tokens.begin(), tokens.end(), [](const Token& t) {
               return is_word_char(t.text.front()) &&
                      std::all_of(t.text.begin(), t.text.end(),
                                  [](char c) {
                                      return is_word_char(c) || c == '\'' || c == '-' || c == '.' ||
                                             c == ',';
                                  }) &&
                      !is_operator_word(t.text);
           });
}

} // namespace newsq::detail
