#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsq::detail {

/// Changes to the spelling dictionary that search suggestions come from, summed per word until
/// `write` stores them: the plain words (unprefixed terms made only of letters) of the documents
/// added, each counted by its frequency there, less those of the documents replaced or deleted.
/// A word that a batch of articles uses many times is written to the database once.
class SpellingChanges {
public:
    /// Counts the words of `doc`, which is being stored.
    void add(const Xapian::Document& doc);

    /// Takes back the words of `doc`, which is being replaced or deleted.
    void remove(const Xapian::Document& doc);

    /// Writes the changes summed so far to `db`'s dictionary, and forgets them.
    void write(Xapian::WritableDatabase& db);

private:
    std::unordered_map<std::string, std::int64_t> changes_;
};

} // namespace newsq::detail
