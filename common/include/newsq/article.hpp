#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsq {

/// The kinds of named entity the analysis finds.
enum class EntityType { person, organization, place };

/// "person", "organization" or "place".
std::string_view to_string(EntityType type);

/// The type named `name` ("person", "organization"/"org", "place"), if any.
std::optional<EntityType> entity_type(std::string_view name);

/// A named entity of an article, under its one canonical name ("Antony Blinken" for every
/// "Blinken", "Mr Blinken" and "Antony Blinken's" in the text).
struct Entity {
    EntityType type = EntityType::person;
    std::string name{};

    auto operator<=>(const Entity&) const = default;
};

/// A direct quotation: the exact text between the quotation marks (parts of one quote that
/// runs over a paragraph break joined by a space) and the canonical name of its speaker,
/// empty when the text does not say who spoke.
struct Quote {
    std::string text{};
    std::string speaker{};

    bool operator==(const Quote&) const = default;
};

/// One news article, as read from a source file and as stored in the index.
/// Every field but `id` and `body` may be empty when the input does not give it; `entities`
/// and `quotes` are filled by the analysis (see analysis.hpp), and the body is then clean.
struct Article {
    std::string id{};        ///< stable unique id (see README: "Article ids")
    std::string title{};     ///< headline
    std::string section{};   ///< newsroom section, e.g. "World"
    std::string source{};    ///< publication, e.g. "Harbor Herald"
    std::string author{};    ///< byline
    std::string url{};       ///< canonical address
    std::string published{}; ///< ISO 8601, normalised: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ"
    std::string body{};      ///< paragraphs separated by one blank line ("\n\n")
    std::string language{};  ///< as read, as the input declares it ("de-DE"); once analysed,
                             ///< the ISO 639-1 code of the text's language ("de"), or empty
    std::vector<Entity> entities{}; ///< found by the analysis, sorted by type and name
    std::vector<Quote> quotes{};    ///< found by the analysis, in text order

    bool operator==(const Article&) const = default;
};

/// Normalises an ISO 8601 date or UTC/offset timestamp to the form `Article::published` uses:
/// "2022-03-17" stays a date; "2022-03-17T09:30:00+02:00" becomes "2022-03-17T07:30:00Z".
/// Returns nothing when the text is not a valid date. Thread-safe.
std::optional<std::string> normalise_published(std::string_view text);

} // namespace newsq
