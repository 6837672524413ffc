#include "html/metadata.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <span>

#include <nlohmann/json.hpp>

#include "html/dom.hpp"
#include "text.hpp"

namespace newsq::detail::html {

namespace {

using nlohmann::json;

/// How deep JSON-LD values are read (an author's name in a list in an object...).
constexpr int kMaxJsonDepth = 4;
/// The longest byline or author name taken from the page's text.
constexpr std::size_t kMaxByline = 120;

/// The schema.org types of an article's JSON-LD, lower case.
constexpr std::array<std::string_view, 16> kArticleTypes{"article",
                                                         "newsarticle",
                                                         "blogposting",
                                                         "reportagenewsarticle",
                                                         "analysisnewsarticle",
                                                         "opinionnewsarticle",
                                                         "reviewnewsarticle",
                                                         "backgroundnewsarticle",
                                                         "liveblogposting",
                                                         "report",
                                                         "techarticle",
                                                         "scholarlyarticle",
                                                         "socialmediaposting",
                                                         "advertisernewsarticle",
                                                         "satiricalarticle",
                                                         "discussionforumposting"};

constexpr std::array<std::string_view, 19> kDateNames{"article:published_time",
                                                      "og:published_time",
                                                      "datepublished",
                                                      "date",
                                                      "pubdate",
                                                      "publishdate",
                                                      "publish-date",
                                                      "publish_date",
                                                      "published_time",
                                                      "dc.date.issued",
                                                      "dcterms.issued",
                                                      "dc.date",
                                                      "dcterms.created",
                                                      "sailthru.date",
                                                      "parsely-pub-date",
                                                      "article.published",
                                                      "original-publish-date",
                                                      "dc.date.created",
                                                      "cxenseparse:recs:publishtime"};

constexpr std::array<std::string_view, 7> kAuthorNames{
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "byl",    "dcterms.creator"};

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_url(std::string_view text) {
    return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//");
}

/// `text` without a leading "By " and white space collapsed.
std::string clean_byline(std::string_view text) {
    std::string out = collapse_space(text);
    if (lower(out.substr(0, 3)) == "by ") {
        out.erase(0, 3);
    }
    return out.size() > kMaxByline ? std::string() : out;
}

/// The <meta> tags as name, property, itemprop or http-equiv (lower case) → content; the first
/// of each name wins.
std::map<std::string, std::string> meta_tags(const GumboNode* document) {
    std::map<std::string, std::string> tags;
    for (const GumboNode* meta : elements_by_tag(document, GUMBO_TAG_META)) {
        const std::string content = collapse_space(attribute(meta, "content"));
        if (content.empty()) {
            continue;
        }
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
            if (const auto name = attribute(meta, key); !name.empty()) {
                tags.emplace(lower(trim(name)), content);
            }
        }
    }
    return tags;
}

std::string meta(const std::map<std::string, std::string>& tags, std::string_view name) {
    const auto found = tags.find(std::string(name));
    return found == tags.end() ? std::string() : found->second;
}

/// A JSON-LD value as text: a string, the name of an object, names of an array joined by ", ".
std::string json_text(const json& value, int depth = 0) {
    if (value.is_string()) {
        return collapse_space(value.get<std::string>());
    }
    if (depth >= kMaxJsonDepth) {
        return {};
    }
    if (value.is_object()) {
        const auto name = value.find("name");
        return name == value.end() ? std::string() : json_text(*name, depth + 1);
    }
    std::string out;
    if (value.is_array()) {
        for (const json& item : value) {
            const std::string text = json_text(item, depth + 1);
            if (!text.empty() && out.find(text) == std::string::npos) {
                out += out.empty() ? text : ", " + text;
            }
        }
    }
    return out;
}

std::string json_field(const json& object, const char* key) {
    const auto found = object.find(key);
    return found == object.end() ? std::string() : json_text(*found);
}

bool has_type(const json& object, std::span<const std::string_view> types) {
    const auto type = object.find("@type");
    if (type == object.end()) {
        return false;
    }
    const auto matches = [&](const json& t) {
        return t.is_string() &&
               std::find(types.begin(), types.end(), lower(t.get<std::string>())) != types.end();
    };
    return type->is_array() ? std::any_of(type->begin(), type->end(), matches) : matches(*type);
}

/// `value` if it is an object, the objects of its @graph, and those of an array `value`.
void add_objects(json value, std::vector<json>& objects, int depth) {
    if (depth >= kMaxJsonDepth) {
        return;
    }
    if (value.is_array()) {
        for (json& item : value) {
            add_objects(std::move(item), objects, depth + 1);
        }
    } else if (value.is_object()) {
        const auto graph = value.find("@graph");
        json items = graph == value.end() ? json() : std::move(*graph);
        objects.push_back(std::move(value));
        add_objects(std::move(items), objects, depth + 1);
    }
}

// A JSON-LD block, or a discarded value when it is not JSON. Values nested deeper than
// kMaxParsedDepth are dropped while parsing: metadata is never that deep, and a deeper value
// would be copied by recursion (one <script> can nest 100,000 arrays).
json parse_json_ld(const std::string& text) {
    constexpr int kMaxParsedDepth = 32;
    return json::parse(
        text, [](int depth, json::parse_event_t, json&) { return depth <= kMaxParsedDepth; },
        false);
}

/// Every object of the page's JSON-LD blocks, top-level, in arrays and in @graph.
std::vector<json> json_ld_objects(const GumboNode* document) {
    std::vector<json> objects;
    for (const GumboNode* script : elements_by_tag(document, GUMBO_TAG_SCRIPT)) {
        if (lower(trim(attribute(script, "type"))) != "application/ld+json") {
            continue;
        }
        std::string text;
        for (const GumboNode* child : children(script)) {
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
                text += child->v.text.text;
            }
        }
        add_objects(parse_json_ld(text), objects, 0);
    }
    return objects;
}

struct JsonLd {
    std::optional<json> article;
    std::string breadcrumb;
};

/// The name of the last item of a BreadcrumbList after the first (the home page).
std::string breadcrumb_section(const json& list) {
    const auto items = list.find("itemListElement");
    if (items == list.end() || !items->is_array() || items->size() < 2) {
        return {};
    }
    for (std::size_t i = items->size(); i-- > 1;) {
        const json& item = (*items)[i];
        std::string name = item.is_object() ? json_field(item, "name") : std::string();
        if (name.empty() && item.is_object() && item.contains("item")) {
            name = json_text(item["item"]);
        }
        if (!name.empty()) {
            return name;
        }
    }
    return {};
}

JsonLd read_json_ld(const GumboNode* document) {
    static constexpr std::array<std::string_view, 1> breadcrumb{"breadcrumblist"};
    JsonLd found;
    for (json& object : json_ld_objects(document)) {
        if (!found.article && has_type(object, kArticleTypes)) {
            found.article = std::move(object);
        } else if (found.breadcrumb.empty() && has_type(object, breadcrumb)) {
            found.breadcrumb = breadcrumb_section(object);
        }
    }
    return found;
}

std::string first_of(std::initializer_list<std::string> values) {
    for (const std::string& value : values) {
        if (!value.empty()) {
            return value;
        }
    }
    return {};
}

std::string first_text(const GumboNode* document, GumboTag tag) {
    for (const GumboNode* node : elements_by_tag(document, tag)) {
        if (std::string text = text_of(node); !text.empty()) {
            return text;
        }
    }
    return {};
}

/// `title` without the site name joined to its end by " | ", " - ", " – ", " — ", " :: "
/// or " · ": the name `site`, or with `guess` any part less than half as long as the rest
/// (a <title> often ends in a section and the site's name).
std::string strip_site_name(std::string title, std::string_view site, bool guess) {
    const std::string name = lower(site);
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (const std::string_view separator :
             {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "}) {
            const std::size_t at = title.rfind(separator);
            if (at == std::string::npos || at == 0) {
                continue;
            }
            const std::string tail =
                lower(trim(std::string_view(title).substr(at + separator.size())));
            const bool is_site = !name.empty() && !tail.empty() && name.starts_with(tail);
            if (is_site || (guess && tail.size() * 2 < at)) {
                title.erase(at);
                stripped = true;
            }
        }
    }
    return title;
}

std::string headline(const GumboNode* document, const json& article,
                     const std::map<std::string, std::string>& tags, std::string_view site) {
    if (std::string title = json_field(article, "headline"); !title.empty()) {
        return title;
    }
    if (std::string title = meta(tags, "og:title"); !title.empty()) {
        return strip_site_name(std::move(title), site, false);
    }
    if (std::string title = first_text(document, GUMBO_TAG_H1); !title.empty()) {
        return title;
    }
    return strip_site_name(
        first_of({meta(tags, "twitter:title"), first_text(document, GUMBO_TAG_TITLE)}), site, true);
}

/// The date of a <time datetime> element, preferring one marked as the publication date.
std::string time_element_date(const GumboNode* document) {
    std::string first;
    for (const GumboNode* time : elements_by_tag(document, GUMBO_TAG_TIME)) {
        const std::string value(trim(attribute(time, "datetime")));
        if (value.size() < 4 || std::isdigit(static_cast<unsigned char>(value[0])) == 0) {
            continue;
        }
        const std::string hints = class_and_id(time) + lower(attribute(time, "itemprop"));
        if (hints.find("publish") != std::string::npos ||
            hints.find("pubdate") != std::string::npos ||
            attribute(time, "pubdate").data() != nullptr) {
            return value;
        }
        if (first.empty()) {
            first = value;
        }
    }
    return first;
}

/// The text of the first element marked as the author or byline.
std::string byline(const GumboNode* document) {
    for (const GumboNode* node : descendants(document)) {
        if (!is_element(node) || tag_of(node) == GUMBO_TAG_META || tag_of(node) == GUMBO_TAG_LINK) {
            continue;
        }
        const std::string hints = class_and_id(node);
        const bool marked = lower(attribute(node, "rel")) == "author" ||
                            lower(attribute(node, "itemprop")) == "author" ||
                            hints.find("byline") != std::string::npos ||
                            hints.find("author-name") != std::string::npos;
        if (marked) {
            if (std::string name = clean_byline(text_of(node)); !name.empty()) {
                return name;
            }
        }
    }
    return {};
}

/// The last link text after the first (the home page) of the first element whose class or id
/// names a breadcrumb.
std::string breadcrumb_links(const GumboNode* document) {
    for (const GumboNode* node : descendants(document)) {
        if (!is_element(node) || class_and_id(node).find("breadcrumb") == std::string::npos) {
            continue;
        }
        const auto links = elements_by_tag(node, GUMBO_TAG_A);
        for (std::size_t i = links.size(); i-- > 1;) {
            if (std::string text = text_of(links[i]); !text.empty()) {
                return text;
            }
        }
        return {};
    }
    return {};
}

/// `href` made absolute against `base` when it starts with "//" or "/".
std::string absolute(std::string_view href, std::string_view base) {
    const std::string url(trim(href));
    if (url.starts_with("//")) {
        const std::size_t colon = base.find("://");
        return std::string(colon == std::string_view::npos ? "https" : base.substr(0, colon)) +
               ":" + url;
    }
    if (url.starts_with("/")) {
        const std::size_t host = base.find("://");
        if (host == std::string_view::npos) {
            return {};
        }
        const std::size_t path = base.find('/', host + 3);
        return std::string(base.substr(0, path)) + url;
    }
    return is_url(url) ? url : std::string();
}

std::string canonical_url(const GumboNode* document, const std::map<std::string, std::string>& tags,
                          std::string_view url) {
    for (const GumboNode* link : elements_by_tag(document, GUMBO_TAG_LINK)) {
        if (lower(trim(attribute(link, "rel"))) == "canonical") {
            if (std::string href = absolute(attribute(link, "href"), url); !href.empty()) {
                return href;
            }
        }
    }
    return first_of({absolute(meta(tags, "og:url"), url), std::string(url)});
}

std::string meta_date(const std::map<std::string, std::string>& tags) {
    for (const std::string_view name : kDateNames) {
        if (std::string value = meta(tags, name);
            !value.empty() && std::isdigit(static_cast<unsigned char>(value[0])) != 0) {
            return value;
        }
    }
    return {};
}

std::string meta_author(const std::map<std::string, std::string>& tags) {
    for (const std::string_view name : kAuthorNames) {
        if (const std::string value = meta(tags, name); !value.empty() && !is_url(value)) {
            return clean_byline(value);
        }
    }
    return {};
}

bool is_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

std::string checked_date(std::string_view y, std::string_view m, std::string_view d) {
    if (!is_digits(y) || !is_digits(m) || !is_digits(d) || y.size() != 4 || m.size() != 2 ||
        d.size() != 2) {
        return {};
    }
    const int year = std::stoi(std::string(y));
    const int month = std::stoi(std::string(m));
    const int day = std::stoi(std::string(d));
    if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) {
        return {};
    }
    return std::string(y) + "-" + std::string(m) + "-" + std::string(d);
}

std::string html_lang(const GumboNode* document) {
    for (const GumboNode* child : children(document)) {
        if (tag_of(child) == GUMBO_TAG_HTML) {
            return std::string(trim(attribute(child, "lang")));
        }
    }
    return {};
}

} // namespace

std::string date_in_url(std::string_view url) {
    const std::size_t scheme = url.find("://");
    const std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path == std::string_view::npos) {
        return {};
    }
    url = url.substr(path, url.find_first_of("?#", path) - path);
    for (std::size_t i = 0; i + 9 <= url.size(); ++i) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') {
            continue;
        }
        const std::string_view rest = url.substr(i + 1);
        std::string date;
        if (rest.size() >= 10 && (rest[4] == '/' || rest[4] == '-') && rest[7] == rest[4]) {
            date = checked_date(rest.substr(0, 4), rest.substr(5, 2), rest.substr(8, 2));
            const bool ends =
                rest.size() == 10 || !std::isdigit(static_cast<unsigned char>(rest[10]));
            date = ends ? date : std::string();
        } else if (rest.size() >= 8 &&
                   (rest.size() == 8 || !std::isdigit(static_cast<unsigned char>(rest[8])))) {
            date = checked_date(rest.substr(0, 4), rest.substr(4, 2), rest.substr(6, 2));
        }
        if (!date.empty()) {
            return date;
        }
    }
    return {};
}

std::string host_of(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    url = url.substr(url.find('@') == std::string_view::npos ? 0 : url.find('@') + 1);
    return lower(url.substr(0, url.rfind(':') == std::string_view::npos ||
                                       url.find(']') != std::string_view::npos
                                   ? url.size()
                                   : url.rfind(':')));
}

Metadata read_metadata(const GumboNode* document, std::string_view url) {
    const auto tags = meta_tags(document);
    const JsonLd ld = read_json_ld(document);
    const json article = ld.article.value_or(json::object());
    const json publisher = article.contains("publisher") ? article["publisher"] : json();

    Metadata data;
    WebPage& page = data.fields;
    page.url = canonical_url(document, tags, url);
    page.source = first_of({meta(tags, "og:site_name"), json_text(publisher),
                            meta(tags, "application-name"), host_of(page.url), host_of(url)});
    page.title = headline(document, article, tags, page.source);
    page.published =
        first_of({json_field(article, "datePublished"), meta_date(tags),
                  time_element_date(document), date_in_url(page.url), date_in_url(url)});
    page.author = first_of(
        {clean_byline(json_field(article, "author")), meta_author(tags), byline(document)});
    page.section = first_of({meta(tags, "article:section"), json_field(article, "articleSection"),
                             ld.breadcrumb, breadcrumb_links(document)});
    if (fold_case(page.section) == fold_case(page.title)) {
        page.section.clear(); // the breadcrumb's last item was the article itself
    }
    page.language = first_of({html_lang(document), meta(tags, "content-language")});
    if (const auto body = article.find("articleBody"); body != article.end() && body->is_string()) {
        data.json_body = body->get<std::string>();
    }
    return data;
}

} // namespace newsq::detail::html
