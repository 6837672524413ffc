#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include <newsq/article.hpp>
#include <newsq/schema.hpp>

namespace newsq::detail {

/// Builds Xapian documents from articles: the terms and values of each schema row, stemmed in
/// the article's language, and the stored data. Not thread-safe: one builder per thread (it
/// owns a TermGenerator).
class DocumentBuilder {
public:
    DocumentBuilder();

    /// The document for `article`: terms, values and stored data. The builder keeps no handle
    /// on it, so it may be handed to another thread.
    Xapian::Document build(const Article& article);

private:
    void index_field(Xapian::Document& doc, const Field& f, const Article& article);
    Xapian::TermGenerator generator_;
    std::string language_; // whose stemmer the generator has
};

/// A hash (32 hex digits) of everything read for `article` (every field but the analysis
/// results) and of `tag`, which names how it is analysed: what `update` compares.
std::string content_hash(const Article& article, std::string_view tag);

/// Records on `doc` its content hash and the absolute path of the file it came from (empty
/// for none), in the value slots and origin term the schema defines.
void stamp(Xapian::Document& doc, std::string_view hash, std::string_view origin);

/// The stored document data: the article as a JSON object.
std::string encode_article(const Article& article);

/// Inverse of encode_article. Throws Error (index_corrupt) on data it did not write.
Article decode_article(std::string_view data);

} // namespace newsq::detail
