#include "html/content.hpp"
#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/boilerplate.hpp"
#include "analysis/paragraphs.hpp"
#include "html/dom.hpp"
#include "html/tree.hpp"
#include "text.hpp"

namespace newsq::detail::html {

namespace {

/// Paragraphs shorter than this add nothing to a container's score.
constexpr double kMinScoredText = 25;
/// How many ancestors of a paragraph its score reaches.
constexpr std::size_t kScoredAncestors = 5;
/// The share of a paragraph's text inside links above which it is a link list, not prose.
constexpr double kMaxParagraphLinks = 0.6;
/// A block with this many paragraphs and characters of text outside links is prose, whatever
/// its share of links.
constexpr double kProseParagraphs = 3;
constexpr double kProseText = 300;
/// The longest paragraph that may be a byline, a credit or a list of tags.
constexpr std::size_t kMaxByline = 120;

constexpr std::array<GumboTag, 36> kBlockTags{
    GUMBO_TAG_P,      GUMBO_TAG_DIV,     GUMBO_TAG_SECTION,    GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN,
    GUMBO_TAG_H1,     GUMBO_TAG_H2,      GUMBO_TAG_H3,         GUMBO_TAG_H4,      GUMBO_TAG_H5,
    GUMBO_TAG_H6,     GUMBO_TAG_LI,      GUMBO_TAG_UL,         GUMBO_TAG_OL,      GUMBO_TAG_DL,
    GUMBO_TAG_DT,     GUMBO_TAG_DD,      GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,     GUMBO_TAG_TABLE,
    GUMBO_TAG_TR,     GUMBO_TAG_TD,      GUMBO_TAG_TH,         GUMBO_TAG_TBODY,   GUMBO_TAG_HR,
    GUMBO_TAG_BR,     GUMBO_TAG_HEADER,  GUMBO_TAG_FOOTER,     GUMBO_TAG_FIGURE,  GUMBO_TAG_ADDRESS,
    GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY,    GUMBO_TAG_CAPTION, GUMBO_TAG_FORM,
    GUMBO_TAG_ASIDE};

constexpr std::array<GumboTag, 10> kScoredTags{
    GUMBO_TAG_P,  GUMBO_TAG_PRE, GUMBO_TAG_TD, GUMBO_TAG_SECTION, GUMBO_TAG_H2,
    GUMBO_TAG_H3, GUMBO_TAG_H4,  GUMBO_TAG_H5, GUMBO_TAG_H6,      GUMBO_TAG_BLOCKQUOTE};

constexpr std::array<GumboTag, 9> kClutterTags{GUMBO_TAG_DIV,  GUMBO_TAG_SECTION, GUMBO_TAG_TABLE,
                                               GUMBO_TAG_UL,   GUMBO_TAG_OL,      GUMBO_TAG_DL,
                                               GUMBO_TAG_FORM, GUMBO_TAG_ASIDE,   GUMBO_TAG_CENTER};

template <std::size_t N>
bool is_one_of(const std::array<GumboTag, N>& tags, GumboTag tag) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool is_block(GumboTag tag) {
    return is_one_of(kBlockTags, tag);
}

bool is_heading(GumboTag tag) {
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/// A content score per scored container, as Readability computes it.
class Scorer {
public:
    explicit Scorer(const Tree& tree);

    /// The container whose text is most likely the article.
    std::size_t top_candidate() const;
    /// The top candidate and those of its siblings that belong to the article.
    std::vector<std::size_t> article_nodes(std::size_t top) const;
    /// Whether element i inside the article is a link list, a form or an image gallery.
    bool is_clutter(std::size_t i) const;

private:
    double score(std::size_t i) const {
        const auto found = scores_.find(i);
        return found == scores_.end() ? 0 : found->second;
    }
    bool scored(std::size_t i) const { return scores_.contains(i); }
    double initial_score(std::size_t i) const;
    void add_paragraph(std::size_t first_ancestor, double length, double commas);
    bool is_paragraph_like(std::size_t i) const;
    double final_score(std::size_t i) const { return score(i) * (1 - tree_.link_density(i)); }
    std::size_t climb(std::size_t top) const;

    const Tree& tree_;
    std::unordered_map<std::size_t, double> scores_;
    std::vector<bool> has_block_;
};

Scorer::Scorer(const Tree& tree)
    : tree_(tree)
    , has_block_(tree.size(), false) {
    for (std::size_t i = tree.size(); i-- > 1;) {
        if (!tree.junk(i) && (has_block_[i] || is_block(tag_of(tree.node(i))))) {
            has_block_[tree.parent(i)] = true;
        }
    }
    for (std::size_t i = 1; i < tree.size(); ++i) {
        if (tree.junk(i) || !is_element(tree.node(i))) {
            continue;
        }
        if (is_paragraph_like(i)) {
            add_paragraph(tree.parent(i), tree.text(i), tree.commas(i));
            continue;
        }
        double direct = 0;
        double commas = 0;
        for (const std::size_t child : tree.children(i)) {
            if (!is_element(tree.node(child)) ||
                (!is_block(tag_of(tree.node(child))) && !has_block_[child])) {
                direct += tree.text(child);
                commas += tree.commas(child);
            }
        }
        if (has_block_[i] && tag_of(tree.node(i)) == GUMBO_TAG_DIV) {
            add_paragraph(i, direct, commas); // text beside blocks, as Readability wraps it
        }
    }
}

bool Scorer::is_paragraph_like(std::size_t i) const {
    const GumboTag tag = tag_of(tree_.node(i));
    return is_one_of(kScoredTags, tag) || (tag == GUMBO_TAG_DIV && !has_block_[i]);
}

double Scorer::initial_score(std::size_t i) const {
    const GumboNode* node = tree_.node(i);
    double score = class_weight(node);
    switch (tag_of(node)) {
    case GUMBO_TAG_DIV:
        score += 5;
        break;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        score += 3;
        break;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        score -= 3;
        break;
    case GUMBO_TAG_TH:
        score -= 5;
        break;
    case GUMBO_TAG_ARTICLE:
        score += 10;
        break;
    default:
        score -= is_heading(tag_of(node)) ? 5 : 0;
        break;
    }
    const std::string itemprop(attribute(node, "itemprop"));
    score += itemprop == "articleBody" || itemprop == "articlebody" ? 25 : 0;
    return score;
}

void Scorer::add_paragraph(std::size_t first_ancestor, double length, double commas) {
    if (length < kMinScoredText) {
        return;
    }
    const double content = 1 + commas + std::min(std::floor(length / 100), 3.0);
    std::size_t ancestor = first_ancestor;
    for (std::size_t level = 0; level < kScoredAncestors && ancestor != Tree::kNone; ++level) {
        if (!scored(ancestor)) {
            scores_[ancestor] = initial_score(ancestor);
        }
        const double divider = level == 0 ? 1 : level == 1 ? 2 : static_cast<double>(level) * 3;
        scores_[ancestor] += content / divider;
        ancestor = tree_.parent(ancestor);
    }
}

std::size_t Scorer::top_candidate() const {
    std::vector<std::pair<double, std::size_t>> ranked;
    for (const auto& [i, s] : scores_) {
        ranked.emplace_back(final_score(i), i);
    }
    if (ranked.empty()) {
        return 0;
    }
    std::sort(ranked.begin(), ranked.end(), std::greater<>());
    std::size_t top = ranked.front().second;
    // Several close candidates under one ancestor: the article is split into blocks.
    std::vector<std::size_t> alternatives;
    for (std::size_t k = 1; k < std::min<std::size_t>(ranked.size(), 5); ++k) {
        if (ranked[k].first >= 0.75 * ranked.front().first) {
            alternatives.push_back(ranked[k].second);
        }
    }
    if (alternatives.size() >= 3) {
        for (std::size_t a = tree_.parent(top); a != Tree::kNone && a != 0; a = tree_.parent(a)) {
            std::size_t holding = 0;
            for (std::size_t alt : alternatives) {
                for (std::size_t x = alt; x != Tree::kNone; x = tree_.parent(x)) {
                    holding += x == a ? 1 : 0;
                }
            }
            if (holding >= 3) {
                top = a;
                break;
            }
        }
    }
    return climb(top);
}

std::size_t Scorer::climb(std::size_t top) const {
    double last = score(top);
    const double threshold = last / 3;
    for (std::size_t p = tree_.parent(top); p != Tree::kNone && p != 0; p = tree_.parent(p)) {
        if (!scored(p)) {
            continue;
        }
        if (score(p) < threshold) {
            break;
        }
        if (score(p) > last) {
            top = p;
            break;
        }
        last = score(p);
    }
    while (top != 0 && tree_.parent(top) != 0 && tree_.parent(top) != Tree::kNone) {
        std::size_t elements = 0;
        for (const std::size_t child : tree_.children(tree_.parent(top))) {
            elements += is_element(tree_.node(child)) && !tree_.junk(child) ? 1 : 0;
        }
        if (elements != 1) {
            break;
        }
        top = tree_.parent(top);
    }
    return top;
}

std::vector<std::size_t> Scorer::article_nodes(std::size_t top) const {
    const std::size_t parent = tree_.parent(top);
    if (parent == Tree::kNone) {
        return {top};
    }
    const double top_score = final_score(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string_view top_class = attribute(tree_.node(top), "class");
    std::vector<std::size_t> nodes;
    for (const std::size_t s : tree_.children(parent)) {
        if (tree_.junk(s) || !is_element(tree_.node(s))) {
            continue;
        }
        const bool same_class =
            !top_class.empty() && attribute(tree_.node(s), "class") == top_class;
        const double bonus = same_class ? top_score * 0.2 : 0;
        bool append = s == top || (scored(s) && final_score(s) + bonus >= threshold);
        if (!append && is_paragraph_like(s)) {
            const double length = tree_.text(s);
            const double links = tree_.link_density(s);
            const std::string text = text_of(tree_.node(s));
            append = (length > 80 && links < 0.25) ||
                     (length > 0 && length < 80 && links == 0 &&
                      (text.find(". ") != std::string::npos || text.ends_with('.')));
        }
        if (append) {
            nodes.push_back(s);
        }
    }
    return nodes;
}

bool Scorer::is_clutter(std::size_t i) const {
    const GumboNode* node = tree_.node(i);
    const GumboTag tag = tag_of(node);
    if (!is_one_of(kClutterTags, tag)) {
        return false;
    }
    const double weight = class_weight(node);
    if (weight + score(i) < 0) {
        return true;
    }
    if (tree_.commas(i) >= 10) {
        return false;
    }
    const bool list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
    const auto paragraphs = static_cast<double>(tree_.count(i, GUMBO_TAG_P));
    const auto images = static_cast<double>(tree_.count(i, GUMBO_TAG_IMG));
    const auto items = static_cast<double>(tree_.count(i, GUMBO_TAG_LI)) - 100;
    const auto inputs = static_cast<double>(tree_.count(i, GUMBO_TAG_INPUT));
    const double length = tree_.text(i);
    const double links = tree_.link_density(i);
    if (!list && paragraphs >= kProseParagraphs && length - tree_.link_text(i) >= kProseText) {
        return false; // prose with links in it, not a list of links
    }
    return (images > 1 && paragraphs / images < 0.5) || (!list && items > paragraphs) ||
           inputs > std::floor(paragraphs / 3) ||
           (!list && length < kMinScoredText && (images == 0 || images > 2) && links > 0) ||
           (weight < 25 && links > 0.2) || (weight >= 25 && links > 0.5);
}

/// Whether a paragraph is a byline ("By Jane Doe and John Roe", without a sentence's end), a
/// credit ("Jane Doe contributed to this report.") or a list of tags ("Filed under: ...").
bool is_byline(std::string_view text) {
    if (text.size() >= kMaxByline) {
        return false;
    }
    const bool by = text.size() > 3 && text.size() < kMaxByline / 2 &&
                    (text.starts_with("By") || text.starts_with("by")) &&
                    (text[2] == ' ' || (text[2] >= 'A' && text[2] <= 'Z'));
    return (by && !text.ends_with('.')) || text.ends_with("contributed to this report.") ||
           text.starts_with("Filed under") || text.starts_with("Tags:") ||
           text.starts_with("Topics:");
}

/// One paragraph being written: its text and how much of it is inside links.
struct Paragraph {
    std::string text;
    double links = 0;
    double dates = 0; ///< text inside <time> elements
    double length = 0;
};

/// Writes the text of the article's nodes as paragraphs.
class Writer {
public:
    Writer(const Tree& tree, const Scorer& scorer, std::string_view title)
        : tree_(tree)
        , scorer_(scorer)
        , title_(fold_case(collapse_space(title))) {}

    void write(std::size_t root);
    std::string result();

private:
    void text(std::size_t i);
    void end_paragraph();
    bool skipped(std::size_t i, std::size_t root) const;
    bool in_time(std::size_t i) const;

    const Tree& tree_;
    const Scorer& scorer_;
    std::string title_;
    Paragraph current_;
    std::vector<std::string> paragraphs_;
};

bool Writer::skipped(std::size_t i, std::size_t root) const {
    const GumboTag tag = tag_of(tree_.node(i));
    return tree_.junk(i) || tag == GUMBO_TAG_H1 || (i != root && scorer_.is_clutter(i)) ||
           (is_heading(tag) && class_weight(tree_.node(i)) < 0);
}

void Writer::write(std::size_t root) {
    std::vector<std::pair<std::size_t, bool>> stack{{root, false}};
    while (!stack.empty()) {
        const auto [i, leaving] = stack.back();
        stack.pop_back();
        const GumboTag tag = tag_of(tree_.node(i));
        if (leaving || !is_element(tree_.node(i))) {
            leaving ? end_paragraph() : text(i);
            continue;
        }
        if (skipped(i, root)) {
            continue;
        }
        if (is_block(tag)) {
            end_paragraph();
            stack.emplace_back(i, true);
        }
        const auto& kids = tree_.children(i);
        for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) {
            stack.emplace_back(*kid, false);
        }
    }
    end_paragraph();
}

void Writer::text(std::size_t i) {
    const std::string_view text = tree_.node(i)->v.text.text;
    const double length = text_length(text);
    current_.text += text;
    current_.length += length;
    current_.links += tree_.in_link(i) ? length : 0;
    current_.dates += in_time(i) ? length : 0;
}

bool Writer::in_time(std::size_t i) const {
    for (std::size_t level = 0; level < 3 && i != Tree::kNone; ++level, i = tree_.parent(i)) {
        if (tag_of(tree_.node(i)) == GUMBO_TAG_TIME) {
            return true;
        }
    }
    return false;
}

void Writer::end_paragraph() {
    Paragraph done = std::exchange(current_, Paragraph{});
    std::string text = collapse_space(done.text);
    if (text.empty() || fold_case(text) == title_ || is_fixed_boilerplate(text) ||
        is_byline(text)) {
        return;
    }
    if (done.length > 0 &&
        (done.links / done.length > kMaxParagraphLinks || done.dates == done.length)) {
        return;
    }
    paragraphs_.push_back(std::move(text));
}

std::string Writer::result() {
    std::vector<std::string_view> views(paragraphs_.begin(), paragraphs_.end());
    return join_paragraphs(views);
}

} // namespace

std::string extract_body(const GumboNode* body, std::string_view title) {
    const Tree tree(body);
    const Scorer scorer(tree);
    const std::size_t top = scorer.top_candidate();
    Writer writer(tree, scorer, title);
    for (const std::size_t node : scorer.article_nodes(top)) {
        writer.write(node);
    }
    return writer.result();
}

std::string plain_paragraphs(std::string_view text) {
    std::vector<std::string> paragraphs;
    for (const std::string_view line : split_lines(text)) {
        if (std::string p = collapse_space(line); !p.empty()) {
            paragraphs.push_back(std::move(p));
        }
    }
    std::vector<std::string_view> views(paragraphs.begin(), paragraphs.end());
    return join_paragraphs(views);
}

} // namespace newsq::detail::html
