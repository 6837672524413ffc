#include "analysis/quotes.hpp"

#include "analysis/attribution.hpp"
#include "analysis/quote_spans.hpp"

namespace newsq::detail {

namespace {

// The spaces news text puts between a quotation mark and its punctuation.
constexpr std::string_view kSpaces[] = {" ", "\u00A0", "\u202F"};

// `text` without the spaces at its end (`at_end`) or its start.
std::string_view strip_spaces(std::string_view text, bool at_end) {
    for (bool more = true; more;) {
        more = false;
        for (std::string_view space : kSpaces) {
            if (at_end ? text.ends_with(space) : text.starts_with(space)) {
                text =
                    at_end ? text.substr(0, text.size() - space.size()) : text.substr(space.size());
                more = true;
            }
        }
    }
    return text;
}

// Whether the punctuation around a quotation says that someone said it, as news writes it in
// most languages: a comma or a dash after it ("«…», a déclaré", "«…», — заявил", "「…」，"),
// or a colon before it ("sagte: „…“", "表示：「…」").
bool punctuated_as_speech(std::span<const std::string_view> paragraphs, const QuoteSpan& s) {
    const std::string_view after =
        strip_spaces(paragraphs[s.close.paragraph].substr(s.close.offset), false);
    const std::string_view before =
        strip_spaces(paragraphs[s.open.paragraph].substr(0, s.open.offset), true);
    return after.starts_with(',') || after.starts_with("\uFF0C") || after.starts_with("\u2014") ||
           after.starts_with("\u2013") || before.ends_with(':') || before.ends_with("\uFF1A");
}

} // namespace

std::vector<Quote> find_quotes(std::span<const std::string_view> paragraphs,
                               std::span<const std::vector<Token>> tokens,
                               const EntityFindings& entities) {
    const std::vector<QuoteSpan> spans = find_spans(paragraphs);
    Attributor attributor(paragraphs, tokens, entities, spans);
    std::vector<Quote> quotes;
    for (const QuoteSpan& s : spans) {
        Attributor::Answer answer = attributor.speaker(s);
        if (is_quotation(s, answer.cued)) {
            quotes.push_back({s.text, std::move(answer.speaker)});
        }
    }
    return quotes;
}

std::vector<Quote> find_unattributed_quotes(std::span<const std::string_view> paragraphs) {
    std::vector<Quote> quotes;
    for (QuoteSpan& s : find_spans(paragraphs)) {
        if (is_quotation(s, punctuated_as_speech(paragraphs, s))) {
            quotes.push_back({std::move(s.text), {}});
        }
    }
    return quotes;
}

} // namespace newsq::detail
