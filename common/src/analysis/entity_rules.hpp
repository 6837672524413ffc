#pragma once

#include <vector>

#include "analysis/entity_names.hpp"

namespace newsq::detail {

/// The names of one paragraph that capitalisation, the gazetteers and the words around them
/// show: runs of capitalised words split at titles and gazetteer names, organisations ending
/// in an organisation word, places in a place word, people after a title or a given name, the
/// rest by context ("said X", "in X", "chief executive of X"). Sentence-initial common words
/// and demonyms are no names.
std::vector<Candidate> rule_candidates(const ParagraphNames& names);

} // namespace newsq::detail
