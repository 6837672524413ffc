#include "store/layout.hpp"
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <unistd.h>
#include <xapian.h>

#include <newsq/error.hpp>

namespace newsq::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kGenerationPrefix = "gen-";
constexpr const char* kPreviousFile = "previous";
constexpr std::string_view kScratchSuffix = ".build";

constexpr std::string_view kShardPrefix = "shard-";

constexpr std::string_view kShardType = "glass"; // a stub line naming a database newsq writes
constexpr std::string_view kCopyType = "auto";   // one naming a copy xapian-replicate keeps

constexpr std::string_view kManifestKey = "newsq.stub";

// The generation a word names ("gen-3" of "gen-3" or "gen-3/shard-0"), if it names one.
std::optional<std::string> generation_of(std::string_view word) {
    if (!word.starts_with(kGenerationPrefix)) {
        return std::nullopt;
    }
    return std::string(word.substr(0, word.find('/')));
}

// Whether `text` is a run of one or more digits.
bool digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// Whether `path` is one a layout writes: "gen-3" or "gen-3/shard-0", nothing that could lead
// out of the index directory.
bool database_path(std::string_view path) {
    if (!path.starts_with(kGenerationPrefix)) {
        return false;
    }
    const std::size_t slash = path.find('/');
    const std::string_view generation =
        path.substr(kGenerationPrefix.size(), slash - kGenerationPrefix.size());
    if (slash == std::string_view::npos) {
        return digits(generation);
    }
    const std::string_view shard = path.substr(slash + 1);
    return digits(generation) && shard.starts_with(kShardPrefix) &&
           digits(shard.substr(kShardPrefix.size()));
}

// The databases a stub file of newsq's lists, relative to its directory: "glass gen-3/shard-0"
// lines, or a replica's "auto gen-3/shard-0" lines (`copies`); none for any other file.
struct StubLines {
    std::vector<std::string> paths;
    bool copies = false;
};

StubLines parse_stub(std::istream& in) {
    StubLines lines;
    std::string type;
    std::string path;
    while (in >> type >> path) {
        const bool copy = type == kCopyType;
        if ((type != kShardType && !copy) || !database_path(path) ||
            (!lines.paths.empty() && copy != lines.copies)) {
            return {};
        }
        lines.copies = copy;
        lines.paths.push_back(path);
    }
    return lines;
}

std::optional<std::string> read_previous(const fs::path& file) {
    std::ifstream in(file);
    std::string word;
    return in >> word ? generation_of(word) : std::nullopt;
}

[[noreturn]] void fail(std::string_view action, const fs::path& path) {
    throw Error(ErrorCode::io, fmt::format("cannot {} {}: {}", action, path, std::strerror(errno)));
}

void sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        fail("sync", path);
    }
    ::close(fd);
}

// Replaces `file` with `text` atomically and durably: written beside it, synced, renamed.
void write_atomically(const fs::path& file, const std::string& text) {
    const fs::path temp = fs::path(file).concat(".tmp");
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!(out << text) || !out.flush()) {
            fail("write", temp);
        }
    }
    sync_path(temp, O_RDONLY);
    if (std::rename(temp.c_str(), file.c_str()) != 0) {
        fail("replace", file);
    }
    sync_path(file.parent_path(), O_RDONLY | O_DIRECTORY);
}

unsigned generation_number(std::string_view name) {
    unsigned n = 0;
    for (char c : name.substr(kGenerationPrefix.size())) {
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
}

std::vector<std::string> generations(const fs::path& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.starts_with(kGenerationPrefix) &&
            name.find_first_not_of("0123456789", kGenerationPrefix.size()) == std::string::npos &&
            name.size() > kGenerationPrefix.size()) {
            names.push_back(name);
        }
    }
    return names;
}

} // namespace

fs::path Layout::stub(const fs::path& dir) {
    return dir / "XAPIANDB";
}

Layout Layout::read(const fs::path& dir) {
    Layout layout{dir, std::nullopt, read_previous(dir / kPreviousFile), {}};
    std::ifstream in(stub(dir));
    const StubLines lines = parse_stub(in);
    for (const std::string& path : lines.paths) {
        layout.current = generation_of(path);
        layout.listed.push_back(dir / path);
    }
    layout.replica = lines.copies;
    return layout;
}

bool Layout::empty() const {
    return !current && !fs::exists(dir / "iamglass");
}

std::string Layout::next_generation() const {
    unsigned newest = 0;
    for (const std::string& name : generations(dir)) {
        newest = std::max(newest, generation_number(name));
    }
    return fmt::format("{}{}", kGenerationPrefix, newest + 1);
}

std::vector<fs::path> Layout::shards() const {
    return current ? listed : std::vector<fs::path>{dir};
}

std::vector<fs::path> Layout::shards_of(const fs::path& generation) const {
    std::vector<fs::path> found;
    while (fs::is_directory(shard_path(generation, found.size(), 2))) {
        found.push_back(shard_path(generation, found.size(), 2));
    }
    return found.empty() ? std::vector<fs::path>{generation} : found;
}

fs::path Layout::shard_path(const fs::path& generation, std::size_t k, std::size_t count) {
    return count == 1 ? generation : generation / fmt::format("{}{}", kShardPrefix, k);
}

void Layout::switch_to(const std::string& generation, const std::optional<std::string>& replaced) {
    publish(generation, replaced, shards_of(dir / generation), kShardType);
    write_manifest();
}

void Layout::switch_to_copies(const std::string& generation,
                              const std::optional<std::string>& replaced,
                              const std::vector<fs::path>& copies) {
    publish(generation, replaced, copies, kCopyType);
}

void Layout::publish(const std::string& generation, const std::optional<std::string>& replaced,
                     const std::vector<fs::path>& shards, std::string_view type) {
    if (replaced) {
        write_atomically(dir / kPreviousFile, *replaced + '\n');
    }
    write_atomically(stub(dir), stub_text(shards, type));
    previous = replaced ? replaced : previous;
    current = generation;
    listed = shards;
    replica = type == kCopyType;
}

std::string Layout::stub_text(const std::vector<fs::path>& shards, std::string_view type) const {
    std::string lines;
    for (const fs::path& shard : shards) {
        lines += fmt::format("{} {}\n", type, shard.lexically_relative(dir).generic_string());
    }
    return lines;
}

fs::path Layout::manifest(const fs::path& dir) {
    return dir / "manifest";
}

void Layout::write_manifest() const {
    const std::string lines = stub_text(shards(), kShardType);
    try {
        Xapian::WritableDatabase db(manifest(dir).string(), Xapian::DB_CREATE_OR_OPEN);
        if (db.get_metadata(std::string(kManifestKey)) != lines) {
            db.set_metadata(std::string(kManifestKey), lines);
            db.commit();
        }
    } catch (const Xapian::Error& e) {
        throw Error(ErrorCode::io, fmt::format("cannot write the manifest {}: {}", manifest(dir),
                                               e.get_description()));
    }
}

std::vector<std::string> Layout::read_manifest(const fs::path& manifest) {
    const std::string text =
        Xapian::Database(manifest.string()).get_metadata(std::string(kManifestKey));
    std::vector<std::string> paths = manifest_paths(text);
    if (paths.empty()) {
        throw Error(ErrorCode::index_corrupt,
                    fmt::format("the manifest {} lists no database of its index", manifest));
    }
    return paths;
}

std::vector<std::string> Layout::manifest_paths(std::string_view text) {
    std::istringstream in{std::string(text)};
    StubLines lines = parse_stub(in);
    return lines.copies ? std::vector<std::string>{} : std::move(lines.paths);
}

std::string Layout::adopt_legacy() {
    const std::string generation = fmt::format("{}0", kGenerationPrefix);
    const fs::path target = dir / generation;
    std::error_code ec;
    fs::create_directory(target, ec);
    // iamglass first: once it is gone, readers follow the stub.
    std::vector<fs::path> files{dir / "iamglass"};
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && (name.ends_with(".glass") || name == "flintlock")) {
            files.push_back(entry.path());
        }
    }
    for (const fs::path& file : files) {
        if (std::rename(file.c_str(), (target / file.filename()).c_str()) != 0) {
            fail("move", file);
        }
    }
    return generation;
}

fs::path Layout::scratch(const std::string& generation) const {
    return dir / (generation + std::string(kScratchSuffix));
}

void Layout::remove_stale() const {
    std::vector<fs::path> stale;
    for (const std::string& name : generations(dir)) {
        if (name != current && name != previous) {
            stale.push_back(dir / name);
        }
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(kGenerationPrefix) && name.ends_with(kScratchSuffix)) {
            stale.push_back(entry.path());
        }
    }
    for (const fs::path& path : stale) {
        fs::remove_all(path, ec);
        if (ec) {
            throw Error(ErrorCode::io, fmt::format("cannot remove {}: {}", path, ec.message()));
        }
    }
}

} // namespace newsq::detail
