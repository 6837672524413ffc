#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <newsq/article.hpp>

#include "analysis/tokens.hpp"

namespace newsq::detail {

struct Gazetteer;

/// Where an entity is named: paragraph index and byte range in it.
struct Mention {
    Entity entity;
    std::size_t paragraph = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The entities of an article and every place they are named.
struct EntityFindings {
    std::vector<Entity> entities;  ///< unique, sorted by type and name
    std::vector<Mention> mentions; ///< in text order
};

/// Finds the people, organisations and places named in `paragraphs` (the headline, if any,
/// first; `tokens` holds each one's words), each under one canonical name.
EntityFindings find_entities(std::span<const std::string_view> paragraphs,
                             std::span<const std::vector<Token>> tokens,
                             const Gazetteer& gazetteer);

} // namespace newsq::detail
