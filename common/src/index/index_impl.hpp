#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include <newsq/index.hpp>

#include "index/document_builder.hpp"
#include "index/writer_lock.hpp"

namespace newsq {

struct Index::Impl {
    std::optional<detail::WriterLock> lock; ///< released last; empty while a rebuild holds it
    std::filesystem::path dir;              ///< the index directory, for messages
    std::filesystem::path live;             ///< the database written to
    Xapian::WritableDatabase db;
    detail::DocumentBuilder builder;

    /// Stores `doc` under its unique id term, replacing any document with that term.
    Upsert upsert(const std::string& id_term, const Xapian::Document& doc);
};

} // namespace newsq
