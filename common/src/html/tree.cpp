#include "html/tree.hpp"
#include <algorithm>
#include <array>
#include <cctype>

#include "html/dom.hpp"
#include "text.hpp"

namespace newsq::detail::html {

namespace {

/// Above this share of the page's text, an element is never dropped for its class or tag: it
/// holds the article, whatever it is called.
constexpr double kProtectedShare = 0.6;
/// The same for an element that holds this share of the text of the page's <p> elements.
constexpr double kProtectedProse = 0.5;

constexpr std::array<GumboTag, 26> kJunkTags{
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,      GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_SVG,    GUMBO_TAG_MATH,       GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT,
    GUMBO_TAG_EMBED,  GUMBO_TAG_CANVAS,     GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT,
    GUMBO_TAG_INPUT,  GUMBO_TAG_TEXTAREA,   GUMBO_TAG_NAV,      GUMBO_TAG_ASIDE,
    GUMBO_TAG_FOOTER, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,   GUMBO_TAG_DATALIST,
    GUMBO_TAG_HEAD,   GUMBO_TAG_AUDIO,      GUMBO_TAG_VIDEO,    GUMBO_TAG_MENU,
    GUMBO_TAG_HEADER, GUMBO_TAG_FORM};

/// Tags that the size rule may keep although they are junk tags (a page inside one <form>).
constexpr std::array<GumboTag, 4> kSoftJunkTags{GUMBO_TAG_FORM, GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER,
                                                GUMBO_TAG_ASIDE};

constexpr std::array<std::string_view, 52> kStrongJunkWords{
    "comment", "comments",      "commentlist", "disqus",     "respond",       "share",
    "shares",  "sharing",       "sharebar",    "social",     "newsletter",    "cookie",
    "cookies", "consent",       "gdpr",        "related",    "outbrain",      "taboola",
    "recirc",  "recirculation", "promo",       "advert",     "advertisement", "advertising",
    "ad",      "ads",           "adsense",     "adslot",     "dfp",           "sponsored",
    "caption", "figcaption",    "byline",      "breadcrumb", "breadcrumbs",   "subscribe",
    "signup",  "popup",         "modal",       "nocontent",  "overlay",       "newsletters",
    "follow",  "readmore",      "recommended", "trending",   "most-read",     "mostread",
    "credit",  "credits",       "printfooter", "skip"};

constexpr std::array<std::string_view, 27> kWeakJunkWords{
    "sidebar",  "footer",       "nav",       "navbar",  "navigation", "menu",       "masthead",
    "header",   "tags",         "toolbar",   "tools",   "widget",     "pagination", "pager",
    "bio",      "banner",       "sidebars",  "meta",    "author",     "extra",      "skyscraper",
    "shoutbox", "supplemental", "community", "contact", "topics",     "more"};

constexpr std::array<std::string_view, 13> kContentWords{
    "article", "articlebody", "content", "story", "body",   "entry", "post",
    "main",    "text",        "prose",   "blog",  "hentry", "single"};

constexpr std::array<std::string_view, 8> kPositiveWords{"article", "body", "content", "entry",
                                                         "hentry",  "main", "post",    "story"};

constexpr std::array<std::string_view, 22> kNegativeWords{
    "banner",   "combx",   "comment",    "com",      "contact", "foot",    "footer", "footnote",
    "masthead", "media",   "meta",       "outbrain", "promo",   "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor",  "tags",    "widget"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

template <std::size_t N>
bool any_in(const std::vector<std::string>& words, const std::array<std::string_view, N>& list) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return contains(list, w); });
}

// The lower-case ASCII parts of a class or id attribute ("post_body-2" → post, body, 2): the
// words page templates name their blocks with, not words of the text.
std::vector<std::string> attribute_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// Whether a class or id word holds a boilerplate name run together with others
/// ("newsCaption", "socialShare").
bool has_junk_stem(const std::vector<std::string>& words) {
    static constexpr std::array<std::string_view, 10> stems{
        "caption", "newsletter", "cookie",  "outbrain", "taboola",
        "advert",  "breadcrumb", "sharing", "related",  "social"};
    return std::any_of(words.begin(), words.end(), [](const std::string& word) {
        return std::any_of(stems.begin(), stems.end(), [&](std::string_view stem) {
            return word.find(stem) != std::string::npos;
        });
    });
}

bool is_hidden(const GumboNode* node) {
    const std::string style = lower(attribute(node, "style"));
    std::string compact;
    std::copy_if(style.begin(), style.end(), std::back_inserter(compact),
                 [](char c) { return c != ' '; });
    std::string classes(" ");
    for (const char c : lower(attribute(node, "class"))) {
        classes += c == '\t' || c == '\n' ? ' ' : c;
    }
    classes += ' ';
    return attribute(node, "hidden").data() != nullptr ||
           lower(attribute(node, "aria-hidden")) == "true" ||
           compact.find("display:none") != std::string::npos ||
           compact.find("visibility:hidden") != std::string::npos ||
           classes.find(" hidden ") != std::string::npos ||
           classes.find(" d-none ") != std::string::npos ||
           classes.find(" is-hidden ") != std::string::npos ||
           classes.find("sr-only") != std::string::npos ||
           classes.find("visually-hidden") != std::string::npos ||
           classes.find("screen-reader") != std::string::npos;
}

bool has_junk_role(const GumboNode* node) {
    static constexpr std::array<std::string_view, 9> roles{
        "navigation", "complementary", "contentinfo", "menu",  "menubar",
        "alert",      "alertdialog",   "dialog",      "search"};
    return contains(roles, lower(attribute(node, "role")));
}

/// Whether an element is boilerplate by its tag, attributes, class or id alone.
bool is_junk_element(const GumboNode* node, bool large) {
    const GumboTag tag = tag_of(node);
    if (std::find(kJunkTags.begin(), kJunkTags.end(), tag) != kJunkTags.end()) {
        return !large ||
               std::find(kSoftJunkTags.begin(), kSoftJunkTags.end(), tag) == kSoftJunkTags.end();
    }
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) {
        return false;
    }
    if (is_hidden(node)) {
        return true;
    }
    if (large || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) {
        return false;
    }
    if (has_junk_role(node)) {
        return true;
    }
    const std::vector<std::string> words = hint_words(node);
    if (any_in(words, kStrongJunkWords) || has_junk_stem(words)) {
        return true;
    }
    return any_in(words, kWeakJunkWords) && !any_in(words, kContentWords);
}

} // namespace

double text_length(std::string_view text) {
    double length = 0;
    bool space = true;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u == ' ' || u == '\n' || u == '\t' || u == '\r' || u == '\f') {
            length += space ? 0 : 1;
            space = true;
        } else if (!is_utf8_continuation(c)) {
            ++length;
            space = false;
        }
    }
    return length;
}

std::vector<std::string> hint_words(const GumboNode* node) {
    std::vector<std::string> words = attribute_words(attribute(node, "class"));
    std::vector<std::string> id = attribute_words(attribute(node, "id"));
    words.insert(words.end(), id.begin(), id.end());
    return words;
}

bool is_junk_word(std::string_view word) {
    return contains(kStrongJunkWords, word);
}

int class_weight(const GumboNode* node) {
    int weight = 0;
    for (const char* name : {"class", "id"}) {
        const std::vector<std::string> words = attribute_words(attribute(node, name));
        weight += any_in(words, kNegativeWords) ? -25 : 0;
        weight += any_in(words, kPositiveWords) ? 25 : 0;
    }
    return weight;
}

Tree::Tree(const GumboNode* body) {
    collect(body);
    mark_junk();
    measure();
}

std::size_t Tree::index(const GumboNode* node) const {
    const auto found = index_.find(node);
    return found == index_.end() ? kNone : found->second;
}

std::size_t Tree::count(std::size_t i, GumboTag tag) const {
    std::size_t n = 0;
    std::vector<std::size_t> stack{i};
    while (!stack.empty()) {
        const std::size_t next = stack.back();
        stack.pop_back();
        if (junk_[next]) {
            continue;
        }
        n += tag_of(nodes_[next]) == tag ? 1 : 0;
        stack.insert(stack.end(), children_[next].begin(), children_[next].end());
    }
    return n;
}

void Tree::collect(const GumboNode* body) {
    std::vector<std::pair<const GumboNode*, std::size_t>> stack{{body, kNone}};
    while (!stack.empty()) {
        const auto [node, parent] = stack.back();
        stack.pop_back();
        const std::size_t i = nodes_.size();
        nodes_.push_back(node);
        index_.emplace(node, i);
        parent_.push_back(parent);
        children_.emplace_back();
        if (parent != kNone) {
            children_[parent].push_back(i);
        }
        const auto kids = html::children(node);
        for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) {
            if (is_element(*kid) || (*kid)->type == GUMBO_NODE_TEXT ||
                (*kid)->type == GUMBO_NODE_CDATA) {
                stack.emplace_back(*kid, i);
            }
        }
    }
}

void Tree::mark_junk() {
    std::vector<double> raw(nodes_.size(), 0);
    std::vector<double> prose(nodes_.size(), 0);  // text in <p> elements
    std::vector<bool> code(nodes_.size(), false); // inside a script or style: never text
    std::vector<bool> in_p(nodes_.size(), false);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const GumboTag tag = tag_of(nodes_[i]);
        const std::size_t p = parent_[i];
        code[i] = (p != kNone && code[p]) || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
                  tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE;
        in_p[i] = (p != kNone && in_p[p]) || tag == GUMBO_TAG_P;
    }
    for (std::size_t i = nodes_.size(); i-- > 0;) {
        if (!is_element(nodes_[i]) && !code[i]) {
            raw[i] = text_length(nodes_[i]->v.text.text);
            prose[i] = in_p[i] ? raw[i] : 0;
        }
        if (parent_[i] != kNone) {
            raw[parent_[i]] += raw[i];
            prose[parent_[i]] += prose[i];
        }
    }
    const double page = raw.empty() ? 0 : raw[0];
    const double page_prose = prose.empty() ? 0 : prose[0];
    const auto large = [&](std::size_t i) {
        return raw[i] > kProtectedShare * page || prose[i] > kProtectedProse * page_prose;
    };
    junk_.assign(nodes_.size(), false);
    in_link_.assign(nodes_.size(), false);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const std::size_t p = parent_[i];
        in_link_[i] = (p != kNone && in_link_[p]) || tag_of(nodes_[i]) == GUMBO_TAG_A;
        if (p != kNone && junk_[p]) {
            junk_[i] = true;
        } else if (is_element(nodes_[i]) && i > 0) {
            junk_[i] = is_junk_element(nodes_[i], large(i));
        }
    }
}

void Tree::measure() {
    text_.assign(nodes_.size(), 0);
    link_.assign(nodes_.size(), 0);
    commas_.assign(nodes_.size(), 0);
    for (std::size_t i = nodes_.size(); i-- > 0;) {
        if (junk_[i]) {
            continue;
        }
        if (!is_element(nodes_[i])) {
            const std::string_view text = nodes_[i]->v.text.text;
            text_[i] = text_length(text);
            link_[i] = in_link_[i] ? text_[i] : 0;
            commas_[i] = static_cast<double>(std::count(text.begin(), text.end(), ','));
            for (std::size_t at = text.find("\uFF0C"); at != std::string_view::npos;
                 at = text.find("\uFF0C", at + 1)) {
                ++commas_[i];
            }
        }
        if (parent_[i] != kNone) {
            text_[parent_[i]] += text_[i];
            link_[parent_[i]] += link_[i];
            commas_[parent_[i]] += commas_[i];
        }
    }
}

} // namespace newsq::detail::html
