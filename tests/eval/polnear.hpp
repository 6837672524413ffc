#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <newsq/article.hpp>

// The PolNeAR corpus (political news with every attribution annotated, BRAT standoff; see
// ../shared/data/polnear/README.md) as articles with their gold direct quotes and speakers.
namespace newsq::eval::polnear {

/// A direct quote of the gold: the words between its marks, and whom it is attributed to.
struct GoldQuote {
    std::string text;
    /// The source's name when it names someone: as written ("Donald Trump", "the Clinton
    /// campaign" is not a name), or for "he"/"she" the nearest named source before it.
    /// Empty when the source is a description, an anonymous or plural one, or missing: such a
    /// quote counts for quote detection but its speaker is not scored.
    std::string speaker;
};

/// One annotated article: the text read as newsq reads an article (first line the headline,
/// every other non-empty line a paragraph), its gold quotes, and the quoted stretches the
/// gold does not score (inside another attribution's content, or set aside as Discard).
struct Document {
    std::string name;
    Article article;
    std::vector<GoldQuote> quotes;
    std::vector<std::string> unscored; ///< quoted text neither right nor wrong if found
};

/// Every article of a split folder (`train` or `dev`: `text/` and `attributions/`), with the
/// annotation of the lowest annotator id. Throws std::runtime_error naming a bad file.
std::vector<Document> read_split(const std::filesystem::path& dir);

} // namespace newsq::eval::polnear
