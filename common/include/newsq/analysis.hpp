#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <newsq/article.hpp>

namespace newsq {

/// Short paragraphs that recur across many articles of one source ("Sign up for our morning
/// newsletter.", "Share this article"): web boilerplate learned from the articles themselves.
/// A paragraph is learned once it has been seen in at least `kMinArticles` articles of its
/// source and in at least `kMinShare` of them. Not thread-safe.
class BoilerplateModel {
public:
    static constexpr std::size_t kMinArticles = 3;
    static constexpr double kMinShare = 0.02;
    static constexpr std::size_t kMaxBytes = 200; ///< longer paragraphs are never boilerplate

    /// Counts each short paragraph of `article` once.
    void observe(const Article& article);

    /// Whether `paragraph`, from an article of `source`, is learned boilerplate.
    bool is_boilerplate(std::string_view source, std::string_view paragraph) const;

    /// The learned paragraphs (as hashes, per source) in a form `load` reads back, for
    /// keeping them in the index between runs.
    std::string save() const;

    /// Adds paragraphs learned in earlier runs. Throws Error (index_corrupt) on text that
    /// `save` did not write.
    void load(std::string_view saved);

private:
    struct Source {
        std::size_t articles = 0;
        std::unordered_map<std::uint64_t, std::size_t> seen;
        std::unordered_set<std::uint64_t> learned;
    };
    bool learned(const Source& source, std::uint64_t hash) const;
    std::map<std::string, Source, std::less<>> sources_;
};

/// What the analysis does; everything is on by default.
struct AnalysisOptions {
    bool boilerplate = true;
    bool entities = true;
    bool quotes = true;
};

/// The analysis stage between the reader and the index: removes web boilerplate from the
/// body, finds the named entities under one canonical name each, and the direct quotations
/// with their speakers. Its gazetteers are built into the library (parsed on first use).
/// `analyze` is const and safe to call from several threads.
class Analyzer {
public:
    explicit Analyzer(AnalysisOptions options = {});

    /// Cleans `article.body` (dropping fixed-pattern and, with `learned`, learned
    /// boilerplate paragraphs) and fills `article.entities` and `article.quotes`, as the
    /// options say.
    void analyze(Article& article, const BoilerplateModel* learned = nullptr) const;

private:
    AnalysisOptions options_;
};

} // namespace newsq
