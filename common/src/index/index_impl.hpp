#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include <newsq/dedup.hpp>
#include <newsq/index.hpp>

#include "index/writer_lock.hpp"
#include "store/document.hpp"

namespace newsq {

struct Index::Impl {
    std::optional<detail::WriterLock> lock; ///< released last; empty while a rebuild holds it
    std::filesystem::path dir;              ///< the index directory, for messages
    std::filesystem::path live;             ///< the database written to
    Xapian::WritableDatabase db;
    detail::DocumentBuilder builder;
    bool spelling = false; ///< keeps the spelling table in step (kSpellingKey)

    /// Stores `doc` under its unique id term, replacing any document with that term.
    Upsert upsert(const std::string& id_term, const Xapian::Document& doc);

    /// Stores `doc` as upsert does, first placing it in the duplicate cluster of its copies
    /// when it has a fingerprint, and repairs the cluster the replaced document leaves.
    Upsert store(const std::string& id_term, Xapian::Document& doc,
                 const std::optional<Fingerprint>& fingerprint);

    /// Deletes document `id` and repairs the duplicate cluster it leaves.
    void remove(Xapian::docid id);
};

} // namespace newsq
