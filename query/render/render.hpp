#pragma once

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include <newsq/search.hpp>

namespace newsq::render {

/// Version of the JSON output contract (documented in the README); bumped on any change.
inline constexpr int kJsonFormatVersion = 1;

/// Human-readable results; highlights in bold when `color`, plain otherwise.
void print_text(std::FILE* out, const SearchRequest& request, const SearchResults& results,
                bool color);

/// One hit as a JSON object (the element of "hits"; highlight offsets in code points).
nlohmann::json hit_json(const Hit& hit);

/// The whole result page as one JSON document.
void print_json(std::FILE* out, const SearchRequest& request, const SearchResults& results);

/// Header line of the CSV export.
void print_csv_header(std::FILE* out);

/// One CSV record (RFC 4180 quoting).
void print_csv_hit(std::FILE* out, const Hit& hit);

} // namespace newsq::render
