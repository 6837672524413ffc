#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace newsq::detail {

/// What a token of a query string is.
enum class QueryTokenKind {
    open,  ///< "("
    close, ///< ")"
    op,    ///< an operator word (see is_operator_word), perhaps in punctuation: "AND,"
    term,  ///< anything else: words, `field:value`, signs, quoted phrases, punctuation
};

/// A token of a query string: a parenthesis, or a run of other characters up to white space or
/// a parenthesis, a quoted phrase in it whole (`title:"a (b) c"~2` is one token).
struct QueryToken {
    QueryTokenKind kind;
    std::string_view text; ///< as typed
    std::size_t offset;    ///< byte offset of `text` in the query
    bool quoted;           ///< whether it holds a quoted phrase
    /// The word Xapian's parser reads an operator in: `text` without the punctuation around
    /// it (".AND," is AND); a sign or a quote stays ("+AND" is the word "and"). `text` itself
    /// when the token is quoted.
    std::string_view core;
    std::size_t core_offset; ///< byte offset of `core` in the query
};

/// The tokens of `query`. Throws Error (query_syntax) at an unclosed quote.
std::vector<QueryToken> lex_query(std::string_view query);

/// A quoted phrase of a query, with the proximity that may follow it (`"a b"~5`).
struct QuotedPhrase {
    std::size_t open;          ///< byte offset of its opening quote
    std::size_t close;         ///< byte offset of its closing quote
    std::string_view distance; ///< the digits after "~", empty without a proximity
    /// The words between the quotes.
    std::string_view inside(std::string_view query) const {
        return query.substr(open + 1, close - open - 1);
    }
    /// The byte after the phrase and its proximity.
    std::size_t end() const { return close + 1 + (distance.empty() ? 0 : 1 + distance.size()); }
};

/// The first complete quoted phrase of `query` at or after byte `from`.
std::optional<QuotedPhrase> find_phrase(std::string_view query, std::size_t from);

/// End of a field value starting at byte `at` of `query`: after the quoted phrase or the
/// parenthesised group opening there, else at the next space, tab or ")".
std::size_t field_value_end(std::string_view query, std::size_t at);

/// Whether `word` is an operator of the query syntax: AND, OR, NOT, XOR, NEAR, ADJ, and NEAR
/// or ADJ with a distance ("NEAR/5"; a bad distance, "NEAR/x", still reads as the operator).
bool is_operator_word(std::string_view word);

/// Whether `c` is a byte of a word for the query syntax: an ASCII letter or digit, "_", or any
/// byte of a non-ASCII character.
bool is_query_word_byte(char c);

/// Throws Error (query_syntax) saying `what`, with the 1-based character (not byte) position of
/// byte `offset` of `query`.
[[noreturn]] void query_syntax_error(std::string_view query, std::size_t offset,
                                     std::string_view what);

} // namespace newsq::detail
