#include "store/reader.hpp"
#include <fstream>
#include <string>

#include <sys/stat.h>

#include "store/layout.hpp"
#include "store/schema_check.hpp"

namespace newsq::detail {

namespace {

// The stub file readers open: `dir` itself when it is one.
std::filesystem::path reader_stub(const std::filesystem::path& dir) {
    return std::filesystem::is_regular_file(dir) ? dir : Layout::stub(dir);
}

} // namespace

Xapian::Database open_reader(const std::filesystem::path& dir) {
    if (std::filesystem::is_regular_file(dir)) {
        Xapian::Database db(dir.string());
        check_schema(db, dir);
        return db;
    }
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

bool has_remote_shards(const std::filesystem::path& dir) {
    std::ifstream in(reader_stub(dir));
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("remote")) {
            return true;
        }
    }
    return false;
}

std::pair<ino_t, std::int64_t> stub_identity(const std::filesystem::path& dir) {
    struct stat st {};
    if (::stat(reader_stub(dir).c_str(), &st) != 0) {
        return {0, 0};
    }
    return {st.st_ino,
            static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec};
}

} // namespace newsq::detail
