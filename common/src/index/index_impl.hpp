#pragma once

#include <filesystem>
#include <string>

#include <xapian.h>

#include <newsq/index.hpp>

#include "index/document_builder.hpp"

namespace newsq {

struct Index::Impl {
    std::filesystem::path dir;
    Xapian::WritableDatabase db;
    detail::DocumentBuilder builder;

    /// Stores `doc` under its unique id term, replacing any document with that term.
    Upsert upsert(const std::string& id_term, const Xapian::Document& doc);
};

} // namespace newsq
