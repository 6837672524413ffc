#include <fmt/format.h>
#include <fmt/std.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/schema.hpp>

#include "index/clusters.hpp"
#include "index/index_impl.hpp"
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

// The writer of the database `db`, the live one of `dir` or a rebuild's new one at `live`.
std::unique_ptr<Index::Impl> make_impl(std::optional<detail::WriterLock> lock, const fs::path& dir,
                                       const fs::path& live, Xapian::WritableDatabase db) {
    const bool spelling = detail::guarded(
        dir, "open", [&] { return db.get_metadata(std::string(kSpellingKey)) == "1"; });
    return std::make_unique<Index::Impl>(
        Index::Impl{std::move(lock), dir, live, std::move(db), {}, spelling});
}

// Removes what a failed or interrupted rebuild wrote; the live index never referred to it.
void discard(const fs::path& generation) {
    std::error_code ec;
    fs::remove_all(generation, ec);
}

// Compacts the database a rebuild wrote at `built` into `target` and removes `built`: Xapian's
// writer leaves its blocks partly empty, and a compacted copy is about half the size (the
// position table most of all) and faster to search.
void compact(const fs::path& dir, const fs::path& built, const fs::path& target) {
    try {
        detail::guarded(dir, "compact", [&] {
            Xapian::Database(built.string()).compact(target.string(), Xapian::Compactor::FULL);
        });
    } catch (...) {
        discard(target);
        discard(built);
        throw;
    }
    discard(built);
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

Upsert Index::Impl::upsert(const std::string& id_term, const Xapian::Document& doc) {
    return detail::guarded(dir, "write to", [&] {
        const std::optional<Xapian::docid> old = detail::docid_of(db, id_term);
        if (old && spelling) {
            detail::remove_spelling(db, db.get_document(*old));
        }
        db.replace_document(id_term, doc);
        if (spelling) {
            detail::add_spelling(db, doc);
        }
        return old ? Upsert::replaced : Upsert::added;
    });
}

Upsert Index::Impl::store(const std::string& id_term, Xapian::Document& doc,
                          const std::optional<Fingerprint>& fingerprint) {
    if (!fingerprint) {
        return upsert(id_term, doc);
    }
    return detail::guarded(dir, "write to", [&] {
        detail::Clusters clusters(db);
        const std::string left = clusters.cluster_of(id_term);
        clusters.place(id_term, doc, *fingerprint);
        const Upsert done = upsert(id_term, doc);
        clusters.repair(left);
        return done;
    });
}

void Index::Impl::remove(Xapian::docid id) {
    detail::guarded(dir, "write to", [&] {
        const Xapian::Document doc = db.get_document(id);
        const std::string left = detail::cluster_key(doc);
        if (spelling) {
            detail::remove_spelling(db, doc);
        }
        db.delete_document(id);
        detail::Clusters(db).repair(left);
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
    detail::Layout layout = detail::Layout::read(dir);
    if (layout.empty()) {
        layout.remove_stale();
        const std::string first = layout.next_generation();
        open_live(dir, dir / first);
        layout.switch_to(first, std::nullopt);
    }
    Xapian::WritableDatabase db = open_live(dir, layout.live());
    return Index(make_impl(std::move(lock), dir, layout.live(), std::move(db)));
}

IngestReport rebuild(const fs::path& dir, std::span<const std::string> paths,
                     const IngestOptions& options,
                     const std::function<void(const BadRecord&)>& on_bad, const OpenOptions& open) {
    make_directory(dir);
    detail::WriterLock lock(dir, open.wait);
    detail::Layout layout = detail::Layout::read(dir);
    layout.remove_stale();
    const std::string generation = layout.next_generation();
    const fs::path built = layout.scratch(generation);
    IngestReport report;
    try {
        // Not synced: a crash loses only this scratch database, which no reader knows; the
        // compacted copy made from it is synced.
        Index fresh(make_impl(std::nullopt, dir, built, open_live(dir, built, Xapian::DB_NO_SYNC)));
        report = ingest(fresh, paths, options, on_bad);
    } catch (...) {
        discard(built);
        throw;
    }
    if (report.interrupted) {
        discard(built);
    } else {
        compact(dir, built, dir / generation);
        make_live(layout, generation);
    }
    return report;
}

void rollback(const fs::path& dir, const OpenOptions& open) {
    if (!fs::is_directory(dir)) {
        throw Error(ErrorCode::index_not_found, fmt::format("no index at {}", dir));
    }
    detail::WriterLock lock(dir, open.wait);
    detail::Layout layout = detail::Layout::read(dir);
    if (!layout.current || !layout.previous || !fs::is_directory(dir / *layout.previous)) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("index {} has no previous database to roll back to", dir),
                    "rollback returns to what the last `newsindex rebuild` replaced");
    }
    const std::string back = *layout.previous;
    detail::guarded(dir, "open", [&] {
        detail::check_schema(Xapian::Database((dir / back).string()), dir / back);
    });
    layout.switch_to(back, layout.current);
}

Upsert Index::add(const Article& article) {
    if (article.id.empty()) {
        throw Error(ErrorCode::invalid_argument, "cannot add an article without an id");
    }
    Xapian::Document doc = impl_->builder.build(article);
    detail::stamp(doc, detail::content_hash(article, "as given"), "");
    const Fingerprint print = fingerprint(article);
    detail::add_fingerprint(doc, print);
    return impl_->store(detail::id_term(article.id), doc, print);
}

bool Index::remove(std::string_view id) {
    const auto found = detail::guarded(
        impl_->dir, "read", [&] { return detail::docid_of(impl_->db, detail::id_term(id)); });
    if (found) {
        impl_->remove(*found);
    }
    return found.has_value();
}

void Index::commit() {
    detail::guarded(impl_->dir, "commit to", [&] { impl_->db.commit(); });
}

std::size_t Index::size() const {
    return impl_->db.get_doccount();
}

} // namespace newsq
