#pragma once

#include <string>
#include <string_view>

namespace newsq::detail {

/// What extraction finds in one HTML page; a field the page does not give is "" (never invented).
struct WebPage {
    /// headline: JSON-LD headline, og:title, <h1>, <title> without the site name
    std::string title;
    /// ISO 8601 as the page gives it (JSON-LD datePublished, article:published_time, common
    /// <meta> names, <time datetime>, a date in the URL, in that order of trust)
    std::string published;
    /// JSON-LD author, <meta name=author>, a byline
    std::string author;
    /// article:section, JSON-LD articleSection, breadcrumb
    std::string section;
    /// og:site_name, JSON-LD publisher name, else the URL's host
    std::string source;
    /// canonical: <link rel=canonical>, og:url, else PageOrigin::url
    std::string url;
    /// <html lang> as declared ("en", "de-DE")
    std::string language;
    /// the article text, paragraphs separated by blank lines
    std::string body;
};

/// Where a page came from.
struct PageOrigin {
    std::string_view url;          ///< WARC-Target-URI or the file path; "" when unknown
    std::string_view content_type; ///< the HTTP Content-Type header value, "" when none
};

/// Extracts the article of one HTML page given as raw bytes in any charset. Throws
/// std::runtime_error whose message is the reason when the page is not HTML (binary data),
/// declares an unknown charset, or has no article text.
WebPage extract_page(std::string_view html, const PageOrigin& origin);

} // namespace newsq::detail
