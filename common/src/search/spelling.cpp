#include "search/spelling.hpp"
#include <algorithm>
#include <array>
#include <cctype>

namespace newsq::detail {

namespace {

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || u >= 0x80 || c == '\'' || c == '_';
}

bool is_operator(std::string_view word) {
    constexpr std::array kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    return std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
}

// End of the field value that starts at `i`: a quoted phrase, a parenthesised group or a
// single token.
std::size_t skip_value(std::string_view q, std::size_t i) {
    if (i < q.size() && (q[i] == '"' || q[i] == '(')) {
        const std::size_t close = q.find(q[i] == '"' ? '"' : ')', i + 1);
        return close == std::string_view::npos ? q.size() : close + 1;
    }
    while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i])) == 0 && q[i] != ')') {
        ++i;
    }
    return i;
}

std::string lower_case(std::string_view word) {
    std::string out;
    for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    }
    return out;
}

// The replacement for one word, when the index lacks it and the dictionary has a near one.
std::optional<std::string> correction(const Xapian::Database& db, std::string_view word) {
    const bool has_digit = std::any_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (word.size() < 3 || has_digit || is_operator(word)) {
        return std::nullopt;
    }
    const std::string lower = lower_case(word);
    if (db.term_exists(lower)) {
        return std::nullopt;
    }
    std::string suggested = db.get_spelling_suggestion(lower);
    if (suggested.empty()) {
        return std::nullopt;
    }
    return suggested;
}

} // namespace

std::optional<std::string> spelling_suggestion(const Xapian::Database& db, std::string_view q) {
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < q.size()) {
        if (!is_word_byte(q[i])) {
            out += q[i++];
            continue;
        }
        std::size_t end = i;
        while (end < q.size() && is_word_byte(q[end])) {
            ++end;
        }
        const std::string_view word = q.substr(i, end - i);
        if (end < q.size() && q[end] == ':') {
            const std::size_t value_end = skip_value(q, end + 1);
            out += q.substr(i, value_end - i);
            i = value_end;
            continue;
        }
        const bool wildcard = end < q.size() && q[end] == '*';
        const auto fixed = wildcard ? std::nullopt : correction(db, word);
        out += fixed ? *fixed : std::string(word);
        changed = changed || fixed.has_value();
        i = end;
    }
    return changed ? std::optional<std::string>(std::move(out)) : std::nullopt;
}

} // namespace newsq::detail
