#pragma once

#include <string_view>

#include <xapian.h>

#include <newsq/schema.hpp>

namespace newsq::detail {

/// The stemmer of text in `language` (an ISO 639-1 code; kDefaultLanguage when empty):
/// Snowball's for that language, or none where Xapian has none (Chinese, Greek, Hebrew…).
Xapian::Stem text_stemmer(std::string_view language);

/// Makes `generator` index as the text fields are indexed: words as written and stemmed
/// (STEM_SOME) with the stemmer of `language`, and Chinese, Japanese and Korean text as
/// character n-grams.
void set_text_stemming(Xapian::TermGenerator& generator, std::string_view language);

/// Makes `parser` read words as text in `language` is indexed, with its stemmer and its
/// strategy: proper names (capitalised words) stay unstemmed, except in German, where every
/// noun is capitalised.
void set_text_stemming(Xapian::QueryParser& parser, std::string_view language);

/// The QueryParser flags that go with set_text_stemming (n-grams for CJK text).
constexpr unsigned kTextParseFlags = Xapian::QueryParser::FLAG_CJK_NGRAM;

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
