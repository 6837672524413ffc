#pragma once

#include <string_view>

#include <xapian.h>

#include <newsq/schema.hpp>

namespace newsq::detail {

/// The stemmer of the text fields (kStemLanguage).
Xapian::Stem text_stemmer();

/// Makes `generator` stem as the text fields are indexed.
void set_text_stemming(Xapian::TermGenerator& generator);

/// Makes `parser` stem as the text fields are indexed.
void set_text_stemming(Xapian::QueryParser& parser);

/// Adds the filter terms of one value of names field `f`: one for the whole name and one for
/// each of its words, so `person:blinken` and `person:"Antony Blinken"` both match.
void add_name_terms(Xapian::Document& doc, const Field& f, std::string_view name);

/// Indexes one value of text field `f` on the generator's document, then leaves a gap in the
/// positions so that a phrase never spans two values (two quotes, the title and the body).
void index_text_value(Xapian::TermGenerator& generator, const Field& f, std::string_view text);

/// True for the terms that belong to one quotation of an article rather than to the whole
/// article: the words of the quote's text and its speaker's names.
bool is_quote_term(std::string_view term);

} // namespace newsq::detail
