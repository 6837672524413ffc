#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <newsq/article.hpp>

namespace newsq::detail {

/// A known name: its type and canonical spelling.
struct KnownName {
    EntityType type;
    std::string canonical;
};

/// Bits of Gazetteer::word_lists: the lists that hold a lower-cased word.
enum WordList : std::uint8_t {
    kGivenNames = 1U << 0,
    kTitles = 1U << 1,
    kDemonyms = 1U << 2,
    kOrganizationWords = 1U << 3,
    kPlaceWords = 1U << 4,
    kCommonWords = 1U << 5,
    kTitleStarts = 1U << 6, ///< the first word of a title ("prime" of "prime minister")
};

/// The word lists the analysis relies on, built into the library from common/data.
/// Names match with their exact capitalisation; word lists match lower-cased words.
struct Gazetteer {
    std::unordered_map<std::string, KnownName> names;   ///< places and organisations, by alias
    std::unordered_set<std::string> demonyms;           ///< "russian", "chinese"
    std::unordered_set<std::string> titles;             ///< "president", "secretary of state"
    std::unordered_set<std::string> organization_words; ///< "ministry", "university"
    std::unordered_set<std::string> place_words;        ///< "river", "province"
    std::unordered_set<std::string> given_names;        ///< "antony", "siobhán"
    std::unordered_set<std::string> female_names;       ///< "hillary": given names of women
    std::unordered_set<std::string> male_names;         ///< "bernie": given names of men
    std::unordered_set<std::string> common_words;       ///< "despite", "yesterday"
    std::unordered_set<std::string> speech_verbs;       ///< "said", "told"
    std::unordered_set<std::string> boilerplate_lines;  ///< whole paragraphs, lower case
    std::vector<std::string> boilerplate_prefixes;      ///< paragraph openings, lower case
    std::size_t longest_name_words = 1;                 ///< words in the longest name
    std::unordered_set<std::string> name_lower_words;   ///< "of", "and": inside names
    /// The lists above each word is on (WordList bits), in one look-up.
    std::unordered_map<std::string, std::uint8_t> word_lists;
    std::size_t longest_title_words = 1; ///< words in the longest title
    /// Aliases with a comma or a question or exclamation mark ("Which?"), by first word.
    std::unordered_map<std::string, std::vector<std::string>> punctuated_names;

    /// The built-in gazetteer, parsed once.
    static const Gazetteer& built_in();
};

/// The non-comment, non-blank lines of a data file, trimmed.
std::vector<std::string_view> data_lines(std::string_view file);

/// `text` with curly apostrophes (’) made straight (').
std::string straight_apostrophes(std::string_view text);

} // namespace newsq::detail
