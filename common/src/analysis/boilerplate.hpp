#pragma once

#include <string>
#include <string_view>

#include <newsq/analysis.hpp>

namespace newsq::detail {

/// Whether `paragraph` matches one of the built-in boilerplate patterns.
bool is_fixed_boilerplate(std::string_view paragraph);

/// `body` without its boilerplate paragraphs: fixed patterns, and with `learned` the
/// paragraphs learned for `source`.
std::string remove_boilerplate(std::string_view body, std::string_view source,
                               const BoilerplateModel* learned);

} // namespace newsq::detail
