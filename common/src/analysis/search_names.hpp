#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsq/article.hpp>

// How a search names an entity, read as the analysis writes names (implemented with the
// naming rules, in entity_names.cpp).
namespace newsq::detail {

struct Gazetteer;

/// The canonical names the analysis may give the entity a search names `value` (of `type`
/// when the field says it): the name without a title before a person's name ("President
/// Biden" → "Biden"), a company's legal form ("Acme Widget Corp" → "Acme Widget") or a
/// possessive; then, for an alias the gazetteer knows, its name there, which an article
/// writing the alias may be given ("UN" → "United Nations").
std::vector<std::string> names_for_search(std::string_view value, std::optional<EntityType> type,
                                          const Gazetteer& gazetteer);

} // namespace newsq::detail
