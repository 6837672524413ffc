#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsq/article.hpp>

namespace newsq::detail {

/// Builds Xapian documents from articles following the schema table. Not thread-safe: one
/// builder per thread (it owns a TermGenerator).
class DocumentBuilder {
public:
    DocumentBuilder();

    /// The document for `article`: terms, values and stored data.
    Xapian::Document build(const Article& article);

private:
    void index_quotes(const std::vector<Quote>& quotes);
    void index_names(const std::vector<Entity>& entities);
    Xapian::TermGenerator generator_;
};

/// The stored document data: the article as a JSON object.
std::string encode_article(const Article& article);

/// Inverse of encode_article. Throws Error (index_corrupt) on data it did not write.
Article decode_article(std::string_view data);

/// The host part of a URL, lower-cased ("https://www.Example.org:8080/a" → "www.example.org").
std::string url_host(std::string_view url);

/// The sortable value of a published date: "YYYYMMDDHHMMSS".
std::string date_value(std::string_view published);

} // namespace newsq::detail
