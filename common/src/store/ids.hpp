#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsq::detail {

/// The unique term of the article with id `id`: what a document is stored and replaced under.
std::string id_term(std::string_view id);

/// True for the id terms: those made by id_term.
bool is_id_term(std::string_view term);

/// The id term `doc` is stored under; empty when it has none.
std::string stored_id_term(const Xapian::Document& doc);

/// The document stored under `term` (an id_term) in `db`, if any.
std::optional<Xapian::docid> docid_of(const Xapian::Database& db, const std::string& term);

} // namespace newsq::detail
