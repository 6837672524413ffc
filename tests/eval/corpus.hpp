#pragma once

#include <string>
#include <vector>

#include <newsq/article.hpp>

// Reading and analysing a corpus the way ingest does, for the evaluation tools.
namespace newsq::eval {

/// Every article under `paths` (see read_articles), with the ids read_articles gives them, in
/// input order. Throws std::runtime_error naming the first bad record, if any.
std::vector<Article> read_corpus(const std::vector<std::string>& paths);

/// Analyses every article as ingest does: each source's boilerplate is learned from all of
/// `articles` first, then each article is cleaned and its entities and quotes are found.
void analyse(std::vector<Article>& articles);

} // namespace newsq::eval
