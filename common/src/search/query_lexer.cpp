#include "search/query_lexer.hpp"
#include <cctype>

#include <fmt/format.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

#include "text.hpp"

namespace newsq::detail {

namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

bool is_paren(char c) {
    return c == '(' || c == ')';
}

// The closing quote of the phrase whose opening quote is at `open`, or npos.
std::size_t closing_quote(std::string_view query, std::size_t open) {
    return query.find('"', open + 1);
}

// Whether the token starting at byte `start` is a filter's value without quotes around it
// (`section:World`, `entity:u"a`), which Xapian's parser ends at white space, quotes and all.
bool unquoted_filter_value(std::string_view q, std::size_t start) {
    std::size_t name = start;
    while (name < q.size() && !is_query_word_byte(q[name]) && q[name] != '"' &&
           !is_space(q[name]) && !is_paren(q[name])) {
        ++name;
    }
    std::size_t colon = name;
    while (colon < q.size() && std::isalpha(static_cast<unsigned char>(q[colon])) != 0) {
        ++colon;
    }
    if (colon == name || colon + 1 >= q.size() || q[colon] != ':' || q[colon + 1] == '"') {
        return false;
    }
    const Field* f = find_field(q.substr(name, colon - name));
    return f != nullptr && f->kind != FieldKind::text;
}

// End of the token starting at `i`: white space or a parenthesis outside quotes.
std::size_t token_end(std::string_view q, std::size_t i, bool& quoted) {
    const bool quotes_are_letters = unquoted_filter_value(q, i);
    while (i < q.size() && !is_space(q[i]) && !is_paren(q[i])) {
        if (q[i] == '"' && !quotes_are_letters) {
            const auto close = closing_quote(q, i);
            if (close == std::string_view::npos) {
                query_syntax_error(q, i, "unclosed quote");
            }
            i = close;
            quoted = true;
        }
        ++i;
    }
    return i;
}

// Fills in the token's core (see QueryToken) and its kind.
void classify(QueryToken& t) {
    t.core = t.text;
    t.core_offset = t.offset;
    if (t.quoted) {
        return;
    }
    const auto strip = [](char c) {
        return !is_query_word_byte(c) && c != '+' && c != '-' && c != '"';
    };
    while (!t.core.empty() && strip(t.core.front())) {
        t.core.remove_prefix(1);
        ++t.core_offset;
    }
    while (!t.core.empty() && !is_query_word_byte(t.core.back()) && t.core.back() != '*' &&
           t.core.back() != '"') {
        t.core.remove_suffix(1);
    }
    t.kind = is_operator_word(t.core) ? QueryTokenKind::op : QueryTokenKind::term;
}

} // namespace

std::vector<QueryToken> lex_query(std::string_view q) {
    std::vector<QueryToken> tokens;
    std::size_t i = 0;
    while (i < q.size()) {
        if (is_space(q[i])) {
            ++i;
            continue;
        }
        if (is_paren(q[i])) {
            const auto kind = q[i] == '(' ? QueryTokenKind::open : QueryTokenKind::close;
            tokens.push_back({kind, q.substr(i, 1), i, false, q.substr(i, 1), i});
            ++i;
            continue;
        }
        QueryToken t{QueryTokenKind::term, {}, i, false, {}, i};
        i = token_end(q, i, t.quoted);
        t.text = q.substr(t.offset, i - t.offset);
        classify(t);
        tokens.push_back(t);
    }
    return tokens;
}

std::optional<QuotedPhrase> find_phrase(std::string_view q, std::size_t from) {
    const auto open = q.find('"', from);
    const auto close = open == std::string_view::npos ? open : closing_quote(q, open);
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    std::size_t digits = close + 2;
    if (close + 1 < q.size() && q[close + 1] == '~') {
        while (digits < q.size() && std::isdigit(static_cast<unsigned char>(q[digits])) != 0) {
            ++digits;
        }
    }
    const std::string_view distance =
        digits > close + 2 ? q.substr(close + 2, digits - close - 2) : std::string_view();
    return QuotedPhrase{open, close, distance};
}

std::size_t field_value_end(std::string_view q, std::size_t at) {
    if (at < q.size() && (q[at] == '"' || q[at] == '(')) {
        const std::size_t close = q[at] == '"' ? closing_quote(q, at) : q.find(')', at + 1);
        return close == std::string_view::npos ? q.size() : close + 1;
    }
    while (at < q.size() && q[at] != ' ' && q[at] != '\t' && q[at] != ')') {
        ++at;
    }
    return at;
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

bool is_query_word_byte(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || !is_ascii(c);
}

void query_syntax_error(std::string_view query, std::size_t offset, std::string_view what) {
    const std::size_t column = utf8_chars(query.substr(0, offset)) + 1;
    throw Error(ErrorCode::query_syntax, fmt::format("{} (query position {})", what, column));
}

} // namespace newsq::detail
