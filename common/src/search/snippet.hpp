#pragma once

#include <cstddef>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsq/search.hpp>

namespace newsq::detail {

/// One word position of a phrase or NEAR group: any of these terms matches there.
using TermSet = std::set<std::string>;

/// What a snippet highlights: the free-text terms of the positive part of a query.
/// Terms are unprefixed (exact, lower case) or "Z"-prefixed stems, as the indexer writes them,
/// or CJK words, which QueryParser's FLAG_CJK_NGRAM gives as an AND of their characters and
/// pairs of characters: such a word highlights where pairs of its characters stand together.
struct HighlightSpec {
    std::vector<std::string> terms;            ///< single terms, highlighted wherever they occur
    std::vector<std::vector<TermSet>> phrases; ///< highlighted only where they occur in order
    std::vector<std::vector<TermSet>> nears;   ///< highlighted where all occur close together
};

/// Collects the highlightable parts of `query` (filters and negated parts are left out): the
/// terms of the text fields with these term prefixes ("" for the title and body words, "XQUOTE"
/// for `quote:`), without their prefix, as the words of that text would give them.
HighlightSpec highlight_spec(const Xapian::Query& query,
                             std::initializer_list<std::string_view> prefixes = {""});

/// A passage of about `length` bytes of `text` around its best match, matches highlighted:
/// a phrase as one range, where its words stand together. Without matches, the opening.
Snippet make_snippet(std::string_view text, const HighlightSpec& spec, const Xapian::Stem& stem,
                     std::size_t length);

/// The whole of `text`, white space folded, every match highlighted.
Snippet highlight_all(std::string_view text, const HighlightSpec& spec, const Xapian::Stem& stem);

} // namespace newsq::detail
