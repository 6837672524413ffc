#include "store/schema_check.hpp"

#include <fmt/format.h>
#include <fmt/std.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

namespace newsq::detail {

namespace {

constexpr int kRereads = 3;

} // namespace

void check_schema(const Xapian::Database& db, const std::filesystem::path& dir) {
    std::string version = db.get_metadata(std::string(kSchemaVersionKey));
    // A reader opening the database while a writer commits has been seen to read the version
    // as absent: it is read again from the newest revision before the index is refused.
    for (int again = 0; version.empty() && again < kRereads; ++again) {
        Xapian::Database newest(db);
        newest.reopen();
        version = newest.get_metadata(std::string(kSchemaVersionKey));
    }
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
