#include <fmt/format.h>
#include <fmt/std.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/replica.hpp>

#include "index/writer_lock.hpp"
#include "store/layout.hpp"
#include "store/schema_check.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace fs = std::filesystem;

struct Replica::Impl {
    detail::WriterLock lock;
    detail::Layout layout;
};

Replica::Replica(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
Replica::Replica(Replica&&) noexcept = default;
Replica& Replica::operator=(Replica&&) noexcept = default;
Replica::~Replica() = default;

Replica Replica::open(const fs::path& dir, const OpenOptions& options) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw Error(ErrorCode::io, fmt::format("cannot create {}: {}", dir, ec.message()));
    }
    detail::WriterLock lock(dir, options.wait);
    detail::Layout layout = detail::Layout::read(dir);
    if (!layout.replica && !layout.empty()) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("{} holds an index of its own, not a replica", dir),
                    "give `newsindex replicate` a new or a replica's directory");
    }
    return Replica(std::make_unique<Impl>(Impl{std::move(lock), std::move(layout)}));
}

fs::path Replica::manifest() const {
    return detail::Layout::manifest(impl_->layout.dir);
}

std::vector<ReplicaCopy> Replica::plan(std::optional<std::size_t> only) const {
    if (!fs::is_directory(manifest())) {
        throw Error(ErrorCode::index_corrupt,
                    fmt::format("{} holds no copy of its master's manifest", impl_->layout.dir),
                    "copy it first, as master database \"manifest\"");
    }
    const std::vector<std::string> names =
        detail::guarded(impl_->layout.dir, "read the manifest of",
                        [&] { return detail::Layout::read_manifest(manifest()); });
    if (only && *only >= names.size()) {
        throw Error(
            ErrorCode::invalid_argument,
            fmt::format("the master has {} shard(s): there is no shard {}", names.size(), *only),
            "shards are numbered from 0");
    }
    std::vector<ReplicaCopy> copies;
    for (std::size_t k = 0; k < names.size(); ++k) {
        if (!only || *only == k) {
            copies.push_back({names[k], impl_->layout.dir / names[k]});
        }
    }
    return copies;
}

void Replica::install(const std::vector<ReplicaCopy>& plan) {
    detail::Layout& layout = impl_->layout;
    std::vector<fs::path> copies;
    for (const ReplicaCopy& c : plan) {
        detail::guarded(layout.dir, "open the copy in",
                        [&] { detail::check_schema(Xapian::Database(c.copy.string()), c.copy); });
        copies.push_back(c.copy);
    }
    if (copies.empty() || copies == layout.listed) {
        return;
    }
    const std::string generation = fs::path(plan.front().master).begin()->string();
    const std::optional<std::string> replaced =
        layout.current != generation ? layout.current : layout.previous;
    layout.switch_to_copies(generation, replaced, copies);
    layout.remove_stale();
}

} // namespace newsq
