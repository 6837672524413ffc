#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsq/article.hpp>

namespace newsq::detail {

/// The filter on `speaker:` for a speaker given by name ("Blinken", "Antony Blinken"): white
/// space runs count as one space. Throws Error (invalid_argument) when it holds no word.
Xapian::Query speaker_filter(std::string_view speaker);

/// Decides which quotes of an article match a query, with the query's own semantics: each
/// quote becomes a document of a small in-memory database that holds the quote's text (as
/// `quote:`), its speaker (as `speaker:`) and every other term of the article, and the query
/// runs there. Not thread-safe (it owns a TermGenerator).
class QuoteMatcher {
public:
    explicit QuoteMatcher(Xapian::Query query);

    /// Indices, in text order, of the quotes of `article` that match; `doc` is the article's
    /// stored document, and `language` the language of its text.
    std::vector<std::size_t> matching(const Xapian::Document& doc, std::string_view language,
                                      const std::vector<Quote>& quotes);

private:
    Xapian::Query query_;
    Xapian::TermGenerator generator_;
};

} // namespace newsq::detail
