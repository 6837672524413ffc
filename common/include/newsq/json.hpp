#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include <newsq/article.hpp>

/// Articles as JSON objects (nlohmann::json), in one shape: the index's stored data, and the
/// article objects of `newsq show --json` and `newsindex analyze --json`. The one public
/// header that needs more than the standard library: nlohmann_json, which the CMake package
/// finds for it. The umbrella header newsq.hpp leaves it out.
namespace newsq {

/// How `article_json` writes an article. The defaults give the stored form: every field.
struct ArticleJsonOptions {
    /// The name of the publication date's member (`newsq show --json` calls it "date").
    std::string_view published_name = "published";
    /// Leave out the empty ones of title, published, author, section, source, url and
    /// language (`newsindex analyze --json`); id, body, entities and quotes stay.
    bool omit_empty = false;
    /// Write the body.
    bool body = true;
};

/// The article as a JSON object: id, title, section, source, author, url, published, body,
/// language, then entities and quotes as arrays of their own objects (see to_json below).
nlohmann::json article_json(const Article& article, const ArticleJsonOptions& options = {});

/// {"type": "person", "name": "…"}.
void to_json(nlohmann::json& json, const Entity& entity);

/// {"text": "…", "speaker": "…"}.
void to_json(nlohmann::json& json, const Quote& quote);

/// `article_json` with the default options.
void to_json(nlohmann::json& json, const Article& article);

/// Reads what to_json writes. Throws nlohmann::json's exceptions on a missing member or one
/// of another type, and Error (index_corrupt) on an unknown entity type.
void from_json(const nlohmann::json& json, Entity& entity);

/// Reads what to_json writes. Throws nlohmann::json's exceptions.
void from_json(const nlohmann::json& json, Quote& quote);

/// Reads what to_json writes; a missing language reads as empty (data stored before articles
/// had one). Throws as the Entity and Quote overloads do.
void from_json(const nlohmann::json& json, Article& article);

} // namespace newsq
