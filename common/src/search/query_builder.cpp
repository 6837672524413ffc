#include "search/query_builder.hpp"
#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
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

[[noreturn]] void missing_right(std::string_view q, const Token& op) {
    syntax_error(q, op.offset, fmt::format("{} without a right-hand side", op.text));
}

} // namespace

void validate_query(std::string_view q) {
    const std::vector<Token> tokens = tokenize(q);
    std::vector<std::size_t> open;
    const Token* pending = nullptr; // the operator still waiting for its right-hand side
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (t.text == "(") {
            open.push_back(t.offset);
            continue;
        }
        if (t.text == ")") {
            if (open.empty()) {
                syntax_error(q, t.offset, "unmatched closing parenthesis");
            }
            if (pending != nullptr) {
                missing_right(q, *pending);
            }
            open.pop_back();
            continue;
        }
        if (is_operator_word(t.text) && t.text != "NOT") {
            check_distance(q, t);
            const bool at_start = k == 0 || tokens[k - 1].text == "(";
            if (at_start || pending != nullptr) {
                syntax_error(q, t.offset, fmt::format("{} without a left-hand side", t.text));
            }
            pending = &t;
            continue;
        }
        if (t.text == "NOT") {
            pending = &t;
            continue;
        }
        check_field(q, t);
        pending = nullptr;
    }
    if (pending != nullptr) {
        missing_right(q, *pending);
    }
    if (!open.empty()) {
        syntax_error(q, open.back(), "unclosed parenthesis");
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
            out += q.substr(i, word_start - i);
            out += '(';
            bool first = true;
            for (const Token& word : tokenize(q.substr(quote + 1, close - quote - 1))) {
                out += first ? "" : fmt::format(" NEAR/{} ", distance);
                out += prefix;
                out += word.text;
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
        if (f.kind == FieldKind::boolean || f.kind == FieldKind::names) {
            processors_.push_back(std::make_unique<BooleanField>(f, failure_));
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
    validate_query(text);
    typed_ = text;
    failure_ = nullptr;
    const std::string rewritten = rewrite_proximity(text);
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT |
                               Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query query = parser_.parse_query(rewritten, flags, default_prefix);
    if (failure_) {
        std::rethrow_exception(std::exchange(failure_, nullptr));
    }
    if (!is_plain_words(text)) {
        return query;
    }
    // Plain words rank higher where they stand together as a phrase.
    const std::string phrase = '"' + rewritten + '"';
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, query,
        parser_.parse_query(phrase, Xapian::QueryParser::FLAG_PHRASE, default_prefix));
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
