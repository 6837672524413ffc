#pragma once

#include <filesystem>

#include <xapian.h>

namespace newsq::detail {

/// Throws Error (schema_mismatch) unless `db` was written with this schema version.
void check_schema(const Xapian::Database& db, const std::filesystem::path& dir);

} // namespace newsq::detail
