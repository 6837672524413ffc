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
    bool language = true; ///< detect the language (off: keep the declared one, normalised)
    bool entities = true;
    bool quotes = true;
};

/// The ISO 639-1 code of a language tag as inputs declare it: "de-DE", "DE" and "de_AT" give
/// "de"; old codes give today's ("iw": "he", "no": "nb"). Empty for a tag that names no
/// two-letter language ("und", "english", ""). Thread-safe.
std::string language_code(std::string_view tag);

/// The language `text` is written in, as an ISO 639-1 code, detected with CLD2 (Google's
/// Compact Language Detector 2) on its first 16 KiB. A `declared` language (any tag
/// language_code reads) is kept unless the text clearly contradicts it: CLD2 reliably finds
/// another language in at least 80% of it. Empty when the text says too little and nothing
/// is declared. Thread-safe.
std::string detect_language(std::string_view text, std::string_view declared = {});

/// The analysis stage between the reader and the index: removes web boilerplate from the
/// body, sets the article's language, finds the named entities under one canonical name each,
/// and the direct quotations with their speakers. Entities and speakers are found in English
/// text only (and text of no known language): other languages get their quotations, without
/// speakers, and no entities. Its gazetteers are built into the library (parsed on first use).
/// `analyze` is const and safe to call from several threads.
class Analyzer {
public:
    explicit Analyzer(AnalysisOptions options = {});

    /// Cleans `article.body` (dropping fixed-pattern and, with `learned`, learned
    /// boilerplate paragraphs), sets `article.language` to an ISO 639-1 code (detect_language)
    /// and fills `article.entities` and `article.quotes`, as the options say.
    void analyze(Article& article, const BoilerplateModel* learned = nullptr) const;

private:
    AnalysisOptions options_;
};

} // namespace newsq
