#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsq::detail {

/// The query with each free-text word the index does not hold replaced by the nearest word of
/// the spelling dictionary (at most two edits away), keeping everything else as typed: field
/// names and values, operators, quotes, signs and spacing. Nothing when no word was replaced.
/// A word is known when the index holds it or its stem in one of its languages; with
/// `languages` (codes) given, only a word found in articles of those languages is suggested.
std::optional<std::string> spelling_suggestion(const Xapian::Database& db, std::string_view query,
                                               std::span<const std::string> languages);

} // namespace newsq::detail
