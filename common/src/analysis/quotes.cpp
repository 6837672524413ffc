#include "analysis/quotes.hpp"

#include "analysis/attribution.hpp"
#include "analysis/quote_spans.hpp"

namespace newsq::detail {

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

} // namespace newsq::detail
