#pragma once

#include <cstddef>
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

/// The shard, of `count`, that holds the article stored under `id_term`: a hash of the term
/// (XXH3, stable across versions and machines) modulo `count`.
std::size_t shard_of(std::string_view id_term, std::size_t count);

/// A document of one shard: the shard's number and the document's number there.
struct ShardDoc {
    std::size_t shard;
    Xapian::docid id;
};

/// Where document `id` of a database made of `count` shards lives: Xapian numbers the documents
/// of a multi-database by interleaving its shards' numbers.
constexpr ShardDoc shard_doc(Xapian::docid id, std::size_t count) {
    return {(id - 1) % count, static_cast<Xapian::docid>((id - 1) / count + 1)};
}

} // namespace newsq::detail
