#pragma once

#include <xapian.h>

namespace newsq::detail {

/// Adds the plain words of `doc` (its unprefixed terms made only of letters) to the spelling
/// dictionary that search suggestions come from, each counted by its frequency in `doc`.
void add_spelling(Xapian::WritableDatabase& db, const Xapian::Document& doc);

/// Takes the words of a document that is replaced or deleted back out of the dictionary.
void remove_spelling(Xapian::WritableDatabase& db, const Xapian::Document& doc);

} // namespace newsq::detail
