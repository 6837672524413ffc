#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <gumbo.h>

namespace newsq::detail::html {

/// The nodes of a page's <body> in document order, with what content scoring needs of each:
/// whether it is boilerplate for sure ("junk": scripts, navigation, comments, share bars...) and
/// the size of the text under it that is not.
class Tree {
public:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    explicit Tree(const GumboNode* body);

    std::size_t size() const { return nodes_.size(); }
    const GumboNode* node(std::size_t i) const { return nodes_[i]; }
    /// The index of `node`, kNone when it is not in the tree.
    std::size_t index(const GumboNode* node) const;
    std::size_t parent(std::size_t i) const { return parent_[i]; }
    const std::vector<std::size_t>& children(std::size_t i) const { return children_[i]; }
    bool junk(std::size_t i) const { return junk_[i]; }
    bool in_link(std::size_t i) const { return in_link_[i]; }
    /// Characters of text under node i, outside junk.
    double text(std::size_t i) const { return text_[i]; }
    /// Characters of that text inside links.
    double link_text(std::size_t i) const { return link_[i]; }
    double commas(std::size_t i) const { return commas_[i]; }
    double link_density(std::size_t i) const { return text_[i] > 0 ? link_[i] / text_[i] : 0; }
    /// How many elements with tag `tag` are under node i, outside junk.
    std::size_t count(std::size_t i, GumboTag tag) const;

private:
    void collect(const GumboNode* body);
    void mark_junk();
    void measure();

    std::vector<const GumboNode*> nodes_;
    std::unordered_map<const GumboNode*, std::size_t> index_;
    std::vector<std::size_t> parent_;
    std::vector<std::vector<std::size_t>> children_;
    std::vector<bool> junk_;
    std::vector<bool> in_link_;
    std::vector<double> text_;
    std::vector<double> link_;
    std::vector<double> commas_;
};

/// Characters of `text` once white space is collapsed (code points, not bytes).
double text_length(std::string_view text);

/// The words of an element's class and id: lower case, split at anything but letters and digits.
std::vector<std::string> hint_words(const GumboNode* node);

/// +25 for each of class and id that names content ("article", "story"...), -25 for each that
/// names boilerplate ("comment", "sidebar"...), as Readability weighs them.
int class_weight(const GumboNode* node);

/// Whether a class or id word names boilerplate that is never article text.
bool is_junk_word(std::string_view word);

} // namespace newsq::detail::html
