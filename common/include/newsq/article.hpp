#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsq {

/// One news article, as read from a source file and as stored in the index.
/// Every field but `id` and `body` may be empty when the input does not give it.
struct Article {
    std::string id{};        ///< stable unique id (see README: "Article ids")
    std::string title{};     ///< headline
    std::string section{};   ///< newsroom section, e.g. "World"
    std::string source{};    ///< publication, e.g. "Harbor Herald"
    std::string author{};    ///< byline
    std::string url{};       ///< canonical address
    std::string published{}; ///< ISO 8601, normalised: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"
    std::string body{};      ///< paragraphs separated by one blank line ("\n\n")

    bool operator==(const Article&) const = default;
};

/// Normalises an ISO 8601 date or UTC/offset timestamp to the form `Article::published` uses:
/// "2022-03-17" stays a date; "2022-03-17T09:30:00+02:00" becomes "2022-03-17T07:30:00Z".
/// Returns nothing when the text is not a valid date. Thread-safe.
std::optional<std::string> normalise_published(std::string_view text);

} // namespace newsq
