#pragma once

#include <chrono>
#include <exception>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsq/schema.hpp>

#include "search/languages.hpp"
#include "search/name_search.hpp"

namespace newsq::detail {

/// Turns query strings into Xapian queries, configured from the schema table: free-text
/// prefixes, case-folded boolean filters, `date:` expressions, and the Lucene-style proximity
/// `"a b"~N`. Words are read in each language of the index (see query_readings). Not
/// thread-safe (it owns a QueryParser).
class QueryBuilder {
public:
    /// A builder for queries on `db`; `languages` (codes), when given, are the only ones the
    /// query's articles may be in.
    QueryBuilder(const Xapian::Database& db, std::chrono::sys_days today,
                 std::span<const std::string> languages = {});

    /// Parses `text`; an empty query matches everything. Words without a field get
    /// `default_prefix` (none: title and body). Plain words (see is_plain_words) also get a
    /// phrase boost, so articles where they stand together rank first. A names field's value
    /// (person:, org:, speaker:…) matches and ranks as NameSearch says. Throws Error
    /// (query_syntax) naming the problem and its 1-based character position.
    Xapian::Query parse(std::string_view text, const std::string& default_prefix = {});

    /// The filter a value of field `f` (a boolean or names field) stands for, as in a query.
    Xapian::Query filter(const Field& f, std::string_view value);

private:
    Xapian::Query parse_once(const std::string& rewritten, const std::string& default_prefix);

    std::vector<Reading> readings_;
    std::string typed_;          // the query being parsed, as typed: for error positions
    std::exception_ptr failure_; // the first error a field processor met while parsing
    NameSearch names_;           // the names the query filters by
    // Declared before the parser, which holds plain pointers to them.
    std::vector<std::unique_ptr<Xapian::FieldProcessor>> processors_;
    Xapian::QueryParser parser_;
};

/// Checks the structure Xapian's parser would silently repair (unclosed quotes and
/// parentheses, operators missing an operand, unknown fields, empty field values).
/// Throws Error (query_syntax) with the 1-based character position.
void validate_query(std::string_view text);

/// `text` as the parser gets it: control characters made spaces, and operator words inside
/// other words made words ("a!OR" → "a!or"; Xapian's parser would read an operator there).
/// Throws Error (query_syntax) at invalid UTF-8, with its position. Keeps every byte offset.
std::string prepare_query(std::string_view text);

/// Whether `text` is two or more words with no operators, fields, quotes or parentheses.
bool is_plain_words(std::string_view text);

/// Rewrites each `"a b c"~N` into `(a NEAR/N b NEAR/N c)`, keeping a field prefix on every word.
std::string rewrite_proximity(std::string_view text);

} // namespace newsq::detail
