#include "html/dom.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

#include "text.hpp"

namespace newsq::detail::html {

namespace {

/// Elements that hold nothing, or that the next sibling closes, so that an unclosed one adds
/// no depth.
constexpr std::array<std::string_view, 32> kFlatTags{
    "area",  "base",  "br",    "col",    "embed",    "hr",  "img",      "input",
    "link",  "meta",  "param", "source", "track",    "wbr", "keygen",   "p",
    "li",    "dt",    "dd",    "option", "optgroup", "tr",  "td",       "th",
    "tbody", "thead", "tfoot", "rb",     "rt",       "rp",  "colgroup", "basefont"};

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ':';
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// The non-ASCII white space characters: no-break space, en quad to hair space, narrow no-break
/// space, ideographic space.
constexpr std::array<std::string_view, 14> kWideSpaces{
    "\u00A0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
    "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u202F", "\u3000"};

/// The length of the white space character at `text[i]`, 0 when there is none.
std::size_t space_at(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        return 1;
    }
    if (is_ascii(c)) {
        return 0;
    }
    const std::string_view rest = text.substr(i);
    const auto* space = std::find_if(kWideSpaces.begin(), kWideSpaces.end(),
                                     [&](std::string_view s) { return rest.starts_with(s); });
    return space == kWideSpaces.end() ? 0 : space->size();
}

/// Where the end tag `</name` of a raw text element opened before `from` starts.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        if (lower(html.substr(i + 2, name.size())) == name) {
            return i;
        }
    }
    return html.size();
}

} // namespace

void Document::Destroy::operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
}

Document::Document(std::string_view utf8) {
    if (nesting_bound(utf8) > kMaxDepth) {
        throw std::runtime_error("the page nests elements more than " + std::to_string(kMaxDepth) +
                                 " deep");
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; // each parse error copies the open elements: keep none
    output_.reset(gumbo_parse_with_options(&options, utf8.data(), utf8.size()));
    if (!output_) {
        throw std::runtime_error("the HTML parser failed");
    }
}

std::size_t nesting_bound(std::string_view html) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        ++i;
        if (html.substr(i, 3) == "!--") {
            const std::size_t end = html.find("-->", i + 3);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const bool closing = i < html.size() && html[i] == '/';
        const std::size_t start = closing ? i + 1 : i;
        std::size_t end = start;
        while (end < html.size() && is_name_char(html[end])) {
            ++end;
        }
        if (end == start || std::isalpha(static_cast<unsigned char>(html[start])) == 0) {
            continue;
        }
        const std::string name = lower(html.substr(start, end - start));
        if (std::find(kFlatTags.begin(), kFlatTags.end(), name) != kFlatTags.end()) {
            continue;
        }
        if (closing) {
            depth -= depth > 0 ? 1 : 0;
            continue;
        }
        const std::size_t tag_end = html.find('>', end);
        if (tag_end != std::string_view::npos && html[tag_end - 1] == '/') {
            continue; // <path/> in SVG closes itself
        }
        deepest = std::max(deepest, ++depth);
        if (name == "script" || name == "style" || name == "textarea" || name == "title") {
            i = raw_text_end(html, end, name);
        }
    }
    return deepest;
}

bool is_element(const GumboNode* node) {
    return node != nullptr &&
           (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

GumboTag tag_of(const GumboNode* node) {
    return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::string_view tag_name(const GumboNode* node) {
    if (!is_element(node)) {
        return {};
    }
    if (node->v.element.tag != GUMBO_TAG_UNKNOWN) {
        return gumbo_normalized_tagname(node->v.element.tag);
    }
    GumboStringPiece piece = node->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return {piece.data, piece.length};
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (!is_element(node)) {
        return {};
    }
    const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
    return found == nullptr ? std::string_view{} : std::string_view{found->value};
}

std::vector<const GumboNode*> children(const GumboNode* node) {
    std::vector<const GumboNode*> out;
    const GumboVector* list = nullptr;
    if (is_element(node)) {
        list = &node->v.element.children;
    } else if (node != nullptr && node->type == GUMBO_NODE_DOCUMENT) {
        list = &node->v.document.children;
    }
    if (list != nullptr) {
        out.reserve(list->length);
        for (unsigned i = 0; i < list->length; ++i) {
            out.push_back(static_cast<const GumboNode*>(list->data[i]));
        }
    }
    return out;
}

std::vector<const GumboNode*> descendants(const GumboNode* node) {
    std::vector<const GumboNode*> out;
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
        const GumboNode* next = stack.back();
        stack.pop_back();
        out.push_back(next);
        const auto kids = children(next);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
    return out;
}

std::vector<const GumboNode*> elements_by_tag(const GumboNode* node, GumboTag tag) {
    std::vector<const GumboNode*> out;
    for (const GumboNode* n : descendants(node)) {
        if (is_element(n) && n->v.element.tag == tag) {
            out.push_back(n);
        }
    }
    return out;
}

std::string text_of(const GumboNode* node) {
    std::string raw;
    for (const GumboNode* n : descendants(node)) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            raw += n->v.text.text;
        } else if (is_element(n)) {
            raw += ' ';
        }
    }
    return collapse_space(raw);
}

std::string collapse_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = space_at(text, i); n > 0) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) {
            out += ' ';
            pending = false;
        }
        out += text[i++];
    }
    return out;
}

std::string class_and_id(const GumboNode* node) {
    std::string out(attribute(node, "class"));
    out += ' ';
    out += attribute(node, "id");
    return lower(out);
}

} // namespace newsq::detail::html
