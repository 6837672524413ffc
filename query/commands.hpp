#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace newsq::query {

/// `newsq [search] QUERY…`: ranked articles, snippets, matching quotes, facets, timeline.
std::function<int()> setup_search(CLI::App& app);

/// `newsq show ID`: one stored article with its entities and quotes.
std::function<int()> setup_show(CLI::App& app);

/// `newsq quotes QUERY… [--speaker NAME]`: the quotes matching a query.
std::function<int()> setup_quotes(CLI::App& app);

/// `newsq similar ID`
std::function<int()> setup_similar(CLI::App& app);

/// `newsq serve`: the HTTP JSON API and the search page.
std::function<int()> setup_serve(CLI::App& app);

/// The query fields, one line each with their aliases and description, for `--help`.
std::string fields_help();

/// The words of a query: the positional words, then the words CLI11 could not place (such
/// as `-war`, "exclude war"), in the order given. Returns false, after printing an error,
/// when one of those is a mistyped option (`--…`).
bool take_query_words(CLI::App& app, std::vector<std::string>& words);

} // namespace newsq::query
