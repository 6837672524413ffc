#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace bench {

/// An open index answering queries; one per `query` run.
class Session {
public:
    virtual ~Session() = default;

    /// Number of documents in the index.
    virtual std::size_t documents() = 0;

    /// Runs one query (already in the engine's syntax), reads every hit of the first page and
    /// returns how many there were. Throws on a query the engine rejects.
    virtual std::size_t search(const std::string& query) = 0;
};

/// What one engine under test provides; the shared driver times it and prints the results.
struct Engine {
    std::string_view name;
    /// Indexes every article of the JSON Lines file `corpus` into `db`; returns the count.
    /// Every handle on `db` is closed on return, so its size on disk is final.
    std::size_t (*index)(const std::filesystem::path& corpus, const std::filesystem::path& db);
    /// Opens `db` for searching.
    std::unique_ptr<Session> (*open)(const std::filesystem::path& db);
    /// Rewrites a query of the shared query set into the engine's syntax, before timing.
    std::string (*translate)(std::string_view query);
};

/// The two verbs of every benchmark tool.
enum class Verb { index, query };

/// Another configuration of an engine, chosen by a flag of one verb; its result line carries
/// the variant's engine name (`bench-newsq index --no-analysis …` reports `newsq-bare`).
struct Variant {
    std::string_view flag; ///< e.g. "--no-analysis"
    std::string_view help;
    Engine engine;
    Verb verb; ///< the verb taking the flag
};

/// The fields the baselines index, from one JSON Lines record; a missing field is empty.
struct Article {
    std::string id;
    std::string title;
    std::string body;
};

/// Parses one JSON Lines record. Throws on malformed JSON.
Article parse_article(std::string_view line);

/// Calls `on_line` with every non-empty line of `path`. Throws when the file cannot be read.
void for_each_line(const std::filesystem::path& path,
                   const std::function<void(const std::string&)>& on_line);

/// The query unchanged, for engines that read the shared syntax (Xapian's QueryParser).
std::string same_query(std::string_view query);

/// Parses `index [VARIANT-FLAG] CORPUS DB` or `query [VARIANT-FLAG] DB QUERIES [--repeat R]`, runs
/// the verb on `engine` (or on the variant whose flag is given) and prints one result line on
/// standard output. Returns the exit status.
int run(int argc, char** argv, const Engine& engine, std::span<const Variant> variants = {});

} // namespace bench
