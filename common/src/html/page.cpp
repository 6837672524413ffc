#include "html/page.hpp"
#include <stdexcept>

#include "html/charset.hpp"
#include "html/content.hpp"
#include "html/dom.hpp"
#include "html/metadata.hpp"
#include "html/tree.hpp"

namespace newsq::detail {

namespace {

/// A JSON-LD articleBody replaces the text found in the page when the page's is shorter than
/// this share of it: the page's markup then hid the article from content scoring.
constexpr double kJsonBodyShare = 0.5;

const GumboNode* body_of(const html::Document& document) {
    for (const GumboNode* child : html::children(document.root())) {
        if (html::tag_of(child) == GUMBO_TAG_BODY) {
            return child;
        }
    }
    return document.root();
}

/// The text of a JSON-LD articleBody, which some sites give as HTML.
std::string json_body_text(const std::string& body, std::string_view title) {
    if (body.find('<') == std::string::npos || body.find('>') == std::string::npos) {
        return html::plain_paragraphs(body);
    }
    const html::Document fragment(body);
    return html::extract_body(body_of(fragment), title);
}

} // namespace

WebPage extract_page(std::string_view html, const PageOrigin& origin) {
    const std::string utf8 = html::to_utf8(html, origin.content_type);
    const html::Document document(utf8);
    html::Metadata metadata = html::read_metadata(document.document(), origin.url);
    WebPage page = std::move(metadata.fields);
    page.body = html::extract_body(body_of(document), page.title);
    if (!metadata.json_body.empty()) {
        std::string from_json = json_body_text(metadata.json_body, page.title);
        if (html::text_length(page.body) < kJsonBodyShare * html::text_length(from_json)) {
            page.body = std::move(from_json);
        }
    }
    if (page.body.empty()) {
        throw std::runtime_error("the page has no article text");
    }
    return page;
}

} // namespace newsq::detail
