#include <fmt/format.h>
#include <fmt/std.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/schema.hpp>

#include "index/index_impl.hpp"
#include "index/schema_check.hpp"
#include "xapian_guard.hpp"

namespace newsq {

Upsert Index::Impl::upsert(const std::string& id_term, const Xapian::Document& doc) {
    return detail::guarded(dir, "write to", [&] {
        const bool existed = db.term_exists(id_term);
        db.replace_document(id_term, doc);
        return existed ? Upsert::replaced : Upsert::added;
    });
}

Index::Index(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

Index Index::open(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw Error(ErrorCode::io,
                    fmt::format("cannot create index directory {}: {}", dir, ec.message()));
    }
    return detail::guarded(dir, "open", [&] {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
        if (db.get_doccount() == 0 && db.get_metadata(std::string(kSchemaVersionKey)).empty()) {
            db.set_metadata(std::string(kSchemaVersionKey), std::string(kSchemaVersion));
        }
        detail::check_schema(db, dir);
        return Index(std::make_unique<Impl>(Impl{dir, std::move(db), {}}));
    });
}

Upsert Index::add(const Article& article) {
    if (article.id.empty()) {
        throw Error(ErrorCode::invalid_argument, "cannot add an article without an id");
    }
    return impl_->upsert(boolean_term(field("id"), article.id), impl_->builder.build(article));
}

void Index::commit() {
    detail::guarded(impl_->dir, "commit to", [&] { impl_->db.commit(); });
}

std::size_t Index::size() const {
    return impl_->db.get_doccount();
}

} // namespace newsq
