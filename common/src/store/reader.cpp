#include "store/reader.hpp"

#include <sys/stat.h>

#include "store/layout.hpp"
#include "store/schema_check.hpp"

namespace newsq::detail {

Xapian::Database open_reader(const std::filesystem::path& dir) {
    Xapian::Database db;
    for (const std::filesystem::path& shard : Layout::read(dir).shards()) {
        if (!std::filesystem::is_directory(shard)) {
            throw Xapian::DatabaseNotFoundError("no such directory");
        }
        db.add_database(Xapian::Database(shard.string()));
    }
    check_schema(db, dir);
    return db;
}

std::pair<ino_t, std::int64_t> stub_identity(const std::filesystem::path& dir) {
    struct stat st {};
    if (::stat(Layout::stub(dir).c_str(), &st) != 0) {
        return {0, 0};
    }
    return {st.st_ino,
            static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
}

} // namespace newsq::detail
