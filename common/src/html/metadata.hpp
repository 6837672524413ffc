#pragma once

#include <string>
#include <string_view>

#include <gumbo.h>

#include "html/page.hpp"

namespace newsq::detail::html {

/// The article text a page states in its JSON-LD (articleBody), "" when none.
struct Metadata {
    WebPage fields; ///< every field but body
    std::string json_body;
};

/// The page's metadata: its JSON-LD, <meta> tags, <link rel=canonical>, <html lang>, headings,
/// bylines, <time> elements and the date in its URL. `url` is where the page came from.
Metadata read_metadata(const GumboNode* document, std::string_view url);

/// A date in a URL path ("/2024/03/15/", "/2024-03-15-", "/20240315/") as "2024-03-15", ""
/// when none.
std::string date_in_url(std::string_view url);

/// The host of an absolute URL, lower case; "" when `url` has none.
std::string host_of(std::string_view url);

} // namespace newsq::detail::html
