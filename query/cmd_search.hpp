#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace newsq::query {

/// `newsq QUERY…`: binds the search options to `app`; returns the function that runs the
/// search once the command line is parsed (returning the exit status).
std::function<int()> setup_search(CLI::App& app);

} // namespace newsq::query
