#pragma once

#include <vector>

#include "analysis/entities.hpp"
#include "analysis/entity_names.hpp"

namespace newsq::detail {

/// Gives the article's names one canonical name and kind each: a short form the fullest name
/// it is part of ("Blinken" → "Antony Blinken"), a lone word the kind of another mention of it;
/// common words and names still of unknown kind are dropped.
EntityFindings resolve(std::vector<Candidate> candidates, const Gazetteer& gazetteer);

} // namespace newsq::detail
