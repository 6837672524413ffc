#pragma once

#include <span>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsq::detail {

/// A language a query is read in, and the articles that reading applies to.
struct Reading {
    std::string language;                            ///< whose stemmer parses the query
    Xapian::Query::op op = Xapian::Query::OP_FILTER; ///< OP_FILTER or OP_AND_NOT `articles`
    Xapian::Query articles{};                        ///< empty: every article

    /// `query`, restricted to the articles of this reading.
    Xapian::Query apply(Xapian::Query query) const;
};

/// The readings a query needs on `db`: one per stemmer among the languages the index holds
/// (or among `only`, when given), each applied to the articles of its languages, so that one
/// language's stems never rank another's articles. The default language's reading also takes
/// the articles of no known language. One language, or several sharing a stemmer, need one
/// reading that applies to every article.
std::vector<Reading> query_readings(const Xapian::Database& db, std::span<const std::string> only);

} // namespace newsq::detail
