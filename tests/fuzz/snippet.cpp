// Snippets and highlights: the first line is a query, the rest the text to highlight. Checks
// that highlights are ordered ranges of the snippet on whole characters, and that the snippet
// of UTF-8 text is UTF-8 (JSON output needs both).
#include <string>

#include <newsq/error.hpp>

#include "fuzz.hpp"
#include "search/query_builder.hpp"
#include "search/snippet.hpp"

namespace {

bool starts_character(const std::string& text, std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

void check(const newsq::Snippet& s) {
    using newsq::fuzz::require;
    require(newsq::fuzz::valid_utf8(s.text), "the snippet of UTF-8 text is UTF-8");
    std::size_t end = 0;
    for (const auto& [first, last] : s.highlights) {
        require(end <= first && first < last && last <= s.text.size(),
                "highlights are ordered, disjoint, non-empty ranges of the snippet");
        require(starts_character(s.text, first) && starts_character(s.text, last),
                "highlights cover whole characters");
        end = last;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq::detail;
    static const Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto [query_text, text] = newsq::fuzz::split_line(newsq::fuzz::text(data, size));
    if (!newsq::fuzz::valid_utf8(text)) {
        return 0; // the readers let only UTF-8 text into the index
    }
    Xapian::Query query;
    try {
        query = QueryBuilder(db, newsq::fuzz::kToday).parse(query_text);
    } catch (const newsq::Error&) {
        return 0;
    } catch (const Xapian::QueryParserError&) {
        return 0;
    }
    const Xapian::Stem stem("english");
    for (const HighlightSpec& spec :
         {highlight_spec(query), highlight_spec(query, {"", "XQUOTE"})}) {
        check(make_snippet(text, spec, stem, 240));
        check(make_snippet(text, spec, stem, 20));
        check(highlight_all(text, spec, stem));
    }
    return 0;
}
