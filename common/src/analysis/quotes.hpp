#pragma once

#include <span>
#include <string_view>
#include <vector>

#include <newsq/article.hpp>

#include "analysis/entities.hpp"

namespace newsq::detail {

/// The direct quotations in `paragraphs` (the headline, if any, first; `tokens` holds each
/// one's words), each with its
/// speaker's canonical name from `entities`, or none.
std::vector<Quote> find_quotes(std::span<const std::string_view> paragraphs,
                               std::span<const std::vector<Token>> tokens,
                               const EntityFindings& entities);

/// The direct quotations in `paragraphs`, without speakers: for text the English attribution
/// rules cannot read. Only quotations long enough not to be scare quotes are kept.
std::vector<Quote> find_unattributed_quotes(std::span<const std::string_view> paragraphs);

} // namespace newsq::detail
