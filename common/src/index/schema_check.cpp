#include "index/schema_check.hpp"

#include <fmt/format.h>
#include <fmt/std.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

namespace newsq::detail {

void check_schema(const Xapian::Database& db, const std::filesystem::path& dir) {
    const std::string version = db.get_metadata(std::string(kSchemaVersionKey));
    if (version == kSchemaVersion) {
        return;
    }
    const std::string found = version.empty() ? "none (not a newsq index)" : version;
    throw Error(ErrorCode::schema_mismatch,
                fmt::format("index {} has schema version {}, this newsq uses {}", dir, found,
                            kSchemaVersion),
                "rebuild it: `newsindex rebuild PATH…`");
}

} // namespace newsq::detail
