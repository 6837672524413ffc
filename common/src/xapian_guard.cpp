#include "xapian_guard.hpp"
#include <exception>

#include <fmt/format.h>
#include <fmt/std.h>
#include <xapian.h>

#include <newsq/error.hpp>

namespace newsq::detail {

void rethrow_as_error(const std::filesystem::path& dir, std::string_view action) {
    const std::string where = fmt::format("cannot {} index {}", action, dir);
    try {
        throw;
    } catch (const Xapian::DatabaseLockError&) {
        throw Error(ErrorCode::index_locked,
                    fmt::format("{}: it is locked by another writer", where),
                    "another newsindex is running on it; wait for it to finish");
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw Error(ErrorCode::index_not_found, fmt::format("{}: no index there", where),
                    "build it with `newsindex add PATH…`");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw Error(ErrorCode::schema_mismatch, fmt::format("{}: {}", where, e.get_msg()),
                    "rebuild it: `newsindex rebuild PATH…`");
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw Error(ErrorCode::index_corrupt, fmt::format("{}: {}", where, e.get_msg()),
                    fmt::format("check it with `xapian-check {}`, then rebuild it", dir));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw Error(ErrorCode::index_not_found, fmt::format("{}: {}", where, e.get_msg()),
                    "build it with `newsindex add PATH…`");
    } catch (const Xapian::NetworkError& e) {
        throw Error(ErrorCode::io,
                    fmt::format("{}: a remote shard: {}", where, e.get_description()),
                    "check that every `remote` line of its stub names a running xapian-tcpsrv");
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorCode::query_syntax, e.get_msg());
    } catch (const Xapian::DatabaseError& e) {
        throw Error(ErrorCode::io, fmt::format("{}: {}", where, e.get_description()));
    } catch (const Xapian::Error& e) {
        throw Error(ErrorCode::internal, fmt::format("{}: {}", where, e.get_description()));
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(ErrorCode::internal, fmt::format("{}: {}", where, e.what()));
    }
}

bool is_transient(const Xapian::DatabaseError& e) {
    // Xapian's exceptions are not polymorphic: their type is told by name. A missing or too new
    // database has a type of its own (DatabaseNotFoundError, DatabaseVersionError). A block
    // number read from a block a writer has reused since can lie past the end of its table, which
    // glass reports as a plain DatabaseError. A remote server whose database a replica's new copy
    // replaced finds it missing until the reader connects again.
    const std::string_view type = e.get_type();
    return type == "DatabaseModifiedError" || type == "DatabaseCorruptError" ||
           type == "DatabaseOpeningError" ||
           (type == "DatabaseNotFoundError" && e.get_context().starts_with("remote:")) ||
           (type == "DatabaseError" && e.get_msg().starts_with("EOF reading block"));
}

} // namespace newsq::detail
