#include "store/terms.hpp"
#include <algorithm>
#include <string>

namespace newsq::detail {

namespace {

// Positions left between two values of text fields.
constexpr Xapian::termpos kValueGap = 100;

} // namespace

Xapian::Stem text_stemmer(std::string_view language) {
    return Xapian::Stem(std::string(language.empty() ? kDefaultLanguage : language), true);
}

void set_text_stemming(Xapian::TermGenerator& generator, std::string_view language) {
    generator.set_stemmer(text_stemmer(language));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void set_text_stemming(Xapian::QueryParser& parser, std::string_view language) {
    parser.set_stemmer(text_stemmer(language));
    parser.set_stemming_strategy(language == "de" ? Xapian::QueryParser::STEM_ALL_Z
                                                  : Xapian::QueryParser::STEM_SOME);
}

void add_name_terms(Xapian::Document& doc, const Field& f, std::string_view name) {
    doc.add_boolean_term(boolean_term(f, name));
    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t end = std::min(name.find(' ', start), name.size());
        if (end > start && end - start < name.size()) {
            doc.add_boolean_term(boolean_term(f, name.substr(start, end - start)));
        }
        start = end + 1;
    }
}

void index_text_value(Xapian::TermGenerator& generator, const Field& f, std::string_view text) {
    const std::string value(text);
    if (!f.prefix.empty()) {
        generator.index_text(value, 1, std::string(f.prefix));
    }
    if (f.in_default) {
        generator.index_text(value, f.weight);
    }
    generator.increase_termpos(kValueGap);
}

bool is_quote_term(std::string_view term) {
    const std::string_view quote = field_of(FieldSource::quotes).prefix;
    const std::string_view speaker = field_of(FieldSource::speakers).prefix;
    return term.starts_with(quote) ||
           (term.starts_with('Z') && term.substr(1).starts_with(quote)) ||
           term.starts_with(speaker);
}

} // namespace newsq::detail
