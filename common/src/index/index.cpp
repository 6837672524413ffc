#include <algorithm>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fmt/std.h>
#include <xapian.h>

#include <newsq/analysis.hpp>
#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/schema.hpp>

#include "index/clusters.hpp"
#include "index/index_impl.hpp"
#include "index/threads.hpp"
#include "store/clusters.hpp"
#include "store/document.hpp"
#include "store/ids.hpp"
#include "store/layout.hpp"
#include "store/schema_check.hpp"
#include "store/spelling.hpp"
#include "text.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace fs = std::filesystem;

namespace {

void make_directory(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        throw Error(ErrorCode::io,
                    fmt::format("cannot create index directory {}: {}", dir, ec.message()));
    }
}

// Opens the database at `live` (creating it, with the schema version committed so readers can
// open it at once, when it is new) and checks its schema. `flags` adds Xapian's DB_ flags.
Xapian::WritableDatabase open_live(const fs::path& dir, const fs::path& live, int flags = 0) {
    return detail::guarded(dir, "open", [&] {
        Xapian::WritableDatabase db(live.string(), Xapian::DB_CREATE_OR_OPEN | flags);
        if (db.get_doccount() == 0 && db.get_metadata(std::string(kSchemaVersionKey)).empty()) {
            db.set_metadata(std::string(kSchemaVersionKey), std::string(kSchemaVersion));
            db.set_metadata(std::string(kSpellingKey), "1");
            db.commit();
        }
        detail::check_schema(db, dir);
        return db;
    });
}

// The writer of the shards `paths` (created when missing), the live ones of `dir` or a
// rebuild's new ones.
std::unique_ptr<Index::Impl> make_impl(std::optional<detail::WriterLock> lock, const fs::path& dir,
                                       std::vector<fs::path> paths, int flags = 0) {
    std::vector<Xapian::WritableDatabase> shards;
    for (const fs::path& path : paths) {
        shards.push_back(open_live(dir, path, flags));
    }
    const bool spelling = detail::guarded(
        dir, "open", [&] { return shards.front().get_metadata(std::string(kSpellingKey)) == "1"; });
    std::vector<ShardWork> work(shards.size());
    return std::make_unique<Index::Impl>(Index::Impl{
        std::move(lock), dir, std::move(paths), std::move(shards), std::move(work), {}, spelling});
}

// The databases of `count` shards in a generation whose directory is `generation`.
std::vector<fs::path> shard_paths(const fs::path& generation, std::size_t count) {
    if (count > 1) {
        make_directory(generation);
    }
    std::vector<fs::path> paths;
    for (std::size_t k = 0; k < count; ++k) {
        paths.push_back(detail::Layout::shard_path(generation, k, count));
    }
    return paths;
}

// Removes what a failed or interrupted rebuild wrote; the live index never referred to it.
void discard(const fs::path& generation) {
    std::error_code ec;
    fs::remove_all(generation, ec);
}

// Compacts the `count` shards a rebuild wrote in `built` into `target`, one per core at a time,
// removing each written shard once its copy is made, and then `built`: Xapian's writer leaves
// its blocks partly empty, and a compacted copy is about half the size (the position table most
// of all) and faster to search. The disk then holds the written shards and only a core's worth
// of copies beyond them.
void compact(const fs::path& dir, const fs::path& built, const fs::path& target,
             std::size_t count) {
    try {
        const std::vector<fs::path> from = shard_paths(built, count);
        const std::vector<fs::path> to = shard_paths(target, count);
        detail::on_threads(count, std::thread::hardware_concurrency(), [&](std::size_t k) {
            detail::guarded(dir, "compact", [&] {
                Xapian::Database(from[k].string()).compact(to[k].string(), Xapian::Compactor::FULL);
            });
            discard(from[k]);
        });
    } catch (...) {
        discard(target);
        discard(built);
        throw;
    }
    discard(built);
}

// The layout of `dir` for its writer: not a replica's, whose copies only `newsindex replicate`
// changes.
detail::Layout writable_layout(const fs::path& dir) {
    detail::Layout layout = detail::Layout::read(dir);
    if (layout.replica) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("{} is a replica of another index, which only follows it", dir),
                    "write to the index it copies, and run `newsindex replicate` again");
    }
    return layout;
}

// Makes `generation` live; what it replaces becomes the previous database.
void make_live(detail::Layout& layout, const std::string& generation) {
    if (layout.current || layout.empty()) {
        layout.switch_to(generation, layout.current);
    } else {
        layout.switch_to(generation, std::nullopt);
        const std::string legacy = layout.adopt_legacy();
        layout.switch_to(generation, legacy);
    }
    layout.remove_stale();
}

} // namespace

std::size_t Index::Impl::shard_for(const std::string& id_term) const {
    return detail::shard_of(id_term, shards.size());
}

Upsert Index::Impl::upsert(std::size_t k, const std::string& id_term, const Xapian::Document& doc) {
    Xapian::WritableDatabase& db = shards[k];
    return detail::guarded(dir, "write to", [&] {
        const std::optional<Xapian::docid> old = detail::docid_of(db, id_term);
        if (old && spelling) {
            work[k].spelling.remove(db.get_document(*old));
        }
        db.replace_document(id_term, doc);
        if (spelling) {
            work[k].spelling.add(doc);
        }
        return old ? Upsert::replaced : Upsert::added;
    });
}

Upsert Index::Impl::store(std::size_t k, const std::string& id_term, Xapian::Document& doc,
                          const std::optional<Fingerprint>& fingerprint) {
    if (!fingerprint) {
        return upsert(k, id_term, doc);
    }
    return detail::guarded(dir, "write to", [&] {
        detail::Clusters clusters(std::span<Xapian::WritableDatabase>(shards).subspan(k, 1));
        const std::string left = clusters.cluster_of(id_term);
        if (!clusters_local()) {
            // A cluster of its own until join_shards finds its copies in every shard.
            detail::set_cluster(doc, doc.get_value(kHashSlot));
            if (!left.empty()) {
                work[k].left.insert(left);
            }
            work[k].placed.push_back(id_term);
            return upsert(k, id_term, doc);
        }
        clusters.place(id_term, doc, *fingerprint);
        const Upsert done = upsert(k, id_term, doc);
        clusters.repair(left);
        return done;
    });
}

void Index::Impl::remove(std::size_t k, Xapian::docid id) {
    detail::guarded(dir, "write to", [&] {
        Xapian::WritableDatabase& db = shards[k];
        const Xapian::Document doc = db.get_document(id);
        const std::string left = detail::cluster_key(doc);
        if (spelling) {
            work[k].spelling.remove(doc);
        }
        db.delete_document(id);
        if (clusters_local()) {
            detail::Clusters(std::span<Xapian::WritableDatabase>(shards).subspan(k, 1))
                .repair(left);
        } else {
            work[k].left.insert(left);
        }
    });
}

bool Index::Impl::clusters_local() const {
    return shards.size() == 1 || fresh;
}

void Index::Impl::join_shards() {
    if (shards.size() == 1) {
        return;
    }
    detail::guarded(dir, "write to", [&] {
        detail::Clusters clusters(shards);
        if (fresh) {
            clusters.join_all();
        }
        for (ShardWork& w : work) {
            for (const std::string& key : w.left) {
                clusters.repair(key);
            }
            w.left.clear();
        }
        for (ShardWork& w : work) {
            for (const std::string& id_term : w.placed) {
                clusters.join(id_term);
            }
            w.placed.clear();
        }
    });
}

void Index::Impl::commit(std::size_t k) {
    detail::guarded(dir, "commit to", [&] {
        work[k].spelling.write(shards[k]);
        shards[k].commit();
    });
}

Index::Index(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

Index Index::open(const fs::path& dir, const OpenOptions& options) {
    make_directory(dir);
    detail::WriterLock lock(dir, options.wait);
    detail::Layout layout = writable_layout(dir);
    if (layout.empty()) {
        layout.remove_stale();
        const std::string first = layout.next_generation();
        make_impl(std::nullopt, dir,
                  shard_paths(dir / first, std::max<std::size_t>(options.shards, 1)));
        layout.switch_to(first, std::nullopt);
    } else if (layout.current) {
        layout.write_manifest();
    }
    return Index(make_impl(std::move(lock), dir, layout.shards()));
}

IngestReport rebuild(const fs::path& dir, std::span<const std::string> paths,
                     const IngestOptions& options,
                     const std::function<void(const BadRecord&)>& on_bad, const OpenOptions& open) {
    make_directory(dir);
    detail::WriterLock lock(dir, open.wait);
    detail::Layout layout = writable_layout(dir);
    layout.remove_stale();
    const std::size_t count =
        open.shards > 0 ? open.shards : (layout.empty() ? 1 : layout.shards().size());
    const std::string generation = layout.next_generation();
    const fs::path built = layout.scratch(generation);
    IngestReport report;
    try {
        // Not synced: a crash loses only this scratch database, which no reader knows; the
        // compacted copy made from it is synced.
        std::unique_ptr<Index::Impl> impl =
            make_impl(std::nullopt, dir, shard_paths(built, count), Xapian::DB_NO_SYNC);
        impl->fresh = true;
        Index fresh(std::move(impl));
        report = ingest(fresh, paths, options, on_bad);
    } catch (...) {
        discard(built);
        throw;
    }
    if (report.interrupted) {
        discard(built);
    } else {
        compact(dir, built, dir / generation, count);
        make_live(layout, generation);
    }
    return report;
}

void rollback(const fs::path& dir, const OpenOptions& open) {
    if (!fs::is_directory(dir)) {
        throw Error(ErrorCode::index_not_found, fmt::format("no index at {}", dir));
    }
    detail::WriterLock lock(dir, open.wait);
    detail::Layout layout = writable_layout(dir);
    if (!layout.current || !layout.previous || !fs::is_directory(dir / *layout.previous)) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("index {} has no previous database to roll back to", dir),
                    "rollback returns to what the last `newsindex rebuild` replaced");
    }
    const std::string back = *layout.previous;
    for (const fs::path& shard : layout.shards_of(dir / back)) {
        detail::guarded(dir, "open",
                        [&] { detail::check_schema(Xapian::Database(shard.string()), shard); });
    }
    layout.switch_to(back, layout.current);
}

Upsert Index::add(const Article& article) {
    if (article.id.empty()) {
        throw Error(ErrorCode::invalid_argument, "cannot add an article without an id");
    }
    Article stored = article;
    stored.language = language_code(article.language);
    Xapian::Document doc = impl_->builder.build(stored);
    detail::stamp(doc, detail::content_hash(article, "as given"), "");
    const Fingerprint print = fingerprint(article);
    detail::add_fingerprint(doc, print);
    const std::string term = detail::id_term(article.id);
    return impl_->store(impl_->shard_for(term), term, doc, print);
}

bool Index::remove(std::string_view id) {
    const std::string term = detail::id_term(id);
    const std::size_t k = impl_->shard_for(term);
    const auto found = detail::guarded(impl_->dir, "read",
                                       [&] { return detail::docid_of(impl_->shards[k], term); });
    if (found) {
        impl_->remove(k, *found);
    }
    return found.has_value();
}

void Index::commit() {
    impl_->join_shards();
    for (std::size_t k = 0; k < impl_->shards.size(); ++k) {
        impl_->commit(k);
    }
}

std::size_t Index::size() const {
    std::size_t total = 0;
    for (const Xapian::WritableDatabase& shard : impl_->shards) {
        total += shard.get_doccount();
    }
    return total;
}

} // namespace newsq
