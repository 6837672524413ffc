#pragma once

#include <cstdint>
#include <filesystem>
#include <utility>

#include <sys/types.h>
#include <xapian.h>

namespace newsq::detail {

/// Opens the live shards of index `dir` for reading, as one database: a directory newsindex
/// writes (its live generation), or a Xapian stub file, or a directory holding one, whose lines
/// may also name shards other machines serve (`remote HOST:PORT`, Xapian's xapian-tcpsrv), and
/// checks its schema version (Error schema_mismatch). Throws Xapian's errors, for retry_reads to
/// sort out.
Xapian::Database open_reader(const std::filesystem::path& dir);

/// Whether the stub file of `dir` names a remote shard: the match spies and the spelling
/// dictionary then work as the remote backend allows.
bool has_remote_shards(const std::filesystem::path& dir);

/// Which live database the stub file of `dir` names: its inode and change time, which a
/// rebuild's or rollback's atomic rename of the stub changes.
std::pair<ino_t, std::int64_t> stub_identity(const std::filesystem::path& dir);

} // namespace newsq::detail
