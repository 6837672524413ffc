#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <newsq/article.hpp>
#include <newsq/schema.hpp>

namespace newsq::detail {

/// The values field `f` takes from `article`, read where its schema row says they come from:
/// a member (when not empty), the URL's host, the names the analysis found, the quotes or
/// their speakers, in the article's order.
std::vector<std::string> field_values(const Article& article, const Field& f);

/// The host part of a URL, lower-cased ("https://www.Example.org:8080/a" → "www.example.org").
std::string url_host(std::string_view url);

} // namespace newsq::detail
