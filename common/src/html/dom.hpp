#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace newsq::detail::html {

/// A page parsed by gumbo, destroyed with it.
class Document {
public:
    /// Parses `utf8`, which must outlive the document (gumbo points into it). Throws
    /// std::runtime_error when elements nest deeper than kMaxDepth.
    explicit Document(std::string_view utf8);

    const GumboNode* root() const { return output_->root; }
    const GumboNode* document() const { return output_->document; }

private:
    struct Destroy {
        void operator()(GumboOutput* output) const;
    };
    std::unique_ptr<GumboOutput, Destroy> output_;
};

/// The deepest element nesting a page may have; gumbo's parse time grows with its square.
inline constexpr std::size_t kMaxDepth = 4000;

/// An upper bound of how deep the elements of `html` nest: its start tags less its end
/// tags, leaving out the elements that never hold others or close themselves.
std::size_t nesting_bound(std::string_view html);

bool is_element(const GumboNode* node);
GumboTag tag_of(const GumboNode* node);
/// The tag name in lower case ("" for a text node).
std::string_view tag_name(const GumboNode* node);
/// The value of attribute `name`, "" when absent.
std::string_view attribute(const GumboNode* node, const char* name);
/// The node's children (elements and text).
std::vector<const GumboNode*> children(const GumboNode* node);
/// `node` and everything under it in document order, never deeper than the parse allows.
std::vector<const GumboNode*> descendants(const GumboNode* node);
/// The elements under `node` (itself included) with tag `tag`, in document order.
std::vector<const GumboNode*> elements_by_tag(const GumboNode* node, GumboTag tag);
/// The text under `node` with white space collapsed to single spaces and trimmed.
std::string text_of(const GumboNode* node);
/// `text` with runs of Unicode or ASCII white space as one space, trimmed.
std::string collapse_space(std::string_view text);
/// The class and id of an element, lower case, joined by a space.
std::string class_and_id(const GumboNode* node);

} // namespace newsq::detail::html
