#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsq/schema.hpp>

// Searches on the analysis's names (person:, org:, place:, entity:, speaker:): what a value
// matches and how the matches rank.
namespace newsq::detail {

class NameSearch {
public:
    NameSearch();

    /// The articles a names field's value finds. The value is read as the analysis writes
    /// names (see names_for_search): the articles whose analysis gives the entity that name,
    /// and, for person:, org:, place: and entity:, every article whose text writes the name, so
    /// that a name the analysis missed or mistyped is still found (ranking() puts those last).
    /// speaker: finds only the speakers the analysis found.
    Xapian::Query filter(const Field& f, std::string_view value);

    /// What `filter` matched, ranked by how much each article says of the entity (the name as
    /// a phrase and, for a person, the surname alone), that once more where the analysis found
    /// the entity under that name, and once more where it gave the name no other type. Covers
    /// every filter since the last clear().
    Xapian::Query ranking() const;

    bool empty() const { return names_.empty(); }
    void clear() { names_.clear(); }

private:
    struct Name {
        std::vector<std::string> words;
        bool person = false;
        Xapian::Query found; ///< the articles whose analysis gives the entity this name
        Xapian::Query other; ///< those whose analysis gives the name another type
    };

    mutable Xapian::QueryParser phrases_; // its own parser: filter() runs inside another parse
    std::vector<Name> names_;

    Xapian::Query phrase(std::span<const std::string> words) const;
    Xapian::Query other_types(const Field& f, const std::string& name) const;
};

} // namespace newsq::detail
