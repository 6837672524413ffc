#include <algorithm>
#include <limits>
#include <map>

#include <fmt/format.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>
#include <newsq/search.hpp>

#include "index/document_builder.hpp"
#include "index/schema_check.hpp"
#include "search/dates.hpp"
#include "search/query_builder.hpp"
#include "search/snippet.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace {

constexpr std::size_t kPageSize = 1000;

Xapian::Database open_database(const std::filesystem::path& dir) {
    return detail::guarded(dir, "open", [&] {
        if (!std::filesystem::exists(dir)) {
            throw Xapian::DatabaseNotFoundError("no such directory");
        }
        Xapian::Database db(dir.string());
        detail::check_schema(db, dir);
        return db;
    });
}

Xapian::Query with_dates(Xapian::Query query, const SearchRequest& r, std::chrono::sys_days today) {
    detail::DateBounds bounds;
    if (r.since) {
        bounds.from = detail::parse_date_point(*r.since, today).from;
    }
    if (r.until) {
        bounds.to = detail::parse_date_point(*r.until, today).to;
    }
    if (bounds.from.empty() && bounds.to.empty()) {
        return query;
    }
    return Xapian::Query(Xapian::Query::OP_FILTER, query, detail::date_filter(bounds));
}

// Values of one field are alternatives; different fields must all match.
Xapian::Query with_filters(Xapian::Query query, const std::vector<Filter>& filters) {
    std::map<std::string_view, std::vector<Xapian::Query>> by_field;
    for (const Filter& f : filters) {
        const Field* field = find_field(f.field);
        if (field == nullptr || field->kind != FieldKind::boolean) {
            throw Error(ErrorCode::invalid_argument,
                        fmt::format("cannot filter on \"{}\": not a filter field", f.field));
        }
        by_field[field->name].emplace_back(boolean_term(*field, f.value));
    }
    for (const auto& [name, terms] : by_field) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    return query;
}

} // namespace

struct Searcher::Impl {
    std::filesystem::path dir;
    Xapian::Database db;
    Xapian::Stem stem{"english"};

    Xapian::Query build_query(const SearchRequest& r) {
        return detail::guarded(dir, "search", [&] {
            const auto today = detail::today_utc();
            detail::QueryBuilder builder(db, today);
            return with_filters(with_dates(builder.parse(r.query), r, today), r.filters);
        });
    }

    Xapian::Enquire enquire(const Xapian::Query& query, SortOrder sort) {
        Xapian::Enquire e(db);
        e.set_query(query);
        if (sort == SortOrder::date) {
            e.set_sort_by_value_then_relevance(kDateSlot, true);
        }
        return e;
    }

    Hit hit_of(const Xapian::MSetIterator& it, const SearchRequest& r,
               const detail::HighlightSpec& spec) {
        Article a = detail::decode_article(it.get_document().get_data());
        Hit hit{it.get_rank() + 1,      it.get_weight(),
                std::move(a.id),        std::move(a.title),
                std::move(a.section),   std::move(a.source),
                std::move(a.author),    std::move(a.url),
                std::move(a.published), {}};
        if (r.snippets) {
            hit.snippet = detail::make_snippet(a.body, spec, stem, r.snippet_chars);
        }
        return hit;
    }

    // Runs `work`, reopening the database once if a writer changed it under us.
    template <class F>
    auto retrying(F&& work) {
        return detail::guarded(dir, "search", [&] {
            try {
                return work();
            } catch (const Xapian::DatabaseModifiedError&) {
                db.reopen();
                return work();
            }
        });
    }
};

Searcher::Searcher(const std::filesystem::path& dir)
    : impl_(std::make_unique<Impl>(Impl{dir, open_database(dir)})) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

SearchResults Searcher::search(const SearchRequest& r) {
    const Xapian::Query query = impl_->build_query(r);
    const detail::HighlightSpec spec = detail::highlight_spec(query);
    return impl_->retrying([&] {
        impl_->db.reopen();
        Xapian::Enquire enquire = impl_->enquire(query, r.sort);
        // Room for the check_at_least margin below without wrapping around.
        constexpr std::size_t kMaxWanted = std::numeric_limits<Xapian::doccount>::max() - 100;
        const auto wanted = static_cast<Xapian::doccount>(std::min(r.limit, kMaxWanted));
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(r.offset), wanted, wanted + 100);
        SearchResults results{query.get_description(),
                              mset.get_matches_estimated(),
                              mset.get_matches_lower_bound(),
                              mset.get_matches_upper_bound(),
                              {}};
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            results.hits.push_back(impl_->hit_of(it, r, spec));
        }
        return results;
    });
}

std::size_t Searcher::for_each_hit(const SearchRequest& r,
                                   const std::function<void(const Hit&)>& on_hit) {
    const Xapian::Query query = impl_->build_query(r);
    const detail::HighlightSpec spec = detail::highlight_spec(query);
    std::size_t given = 0;
    return impl_->retrying([&] {
        Xapian::Enquire enquire = impl_->enquire(query, r.sort);
        while (given < r.limit) {
            const auto first = static_cast<Xapian::doccount>(r.offset + given);
            const auto wanted = static_cast<Xapian::doccount>(std::min(kPageSize, r.limit - given));
            const Xapian::MSet page = enquire.get_mset(first, wanted);
            for (auto it = page.begin(); it != page.end(); ++it) {
                on_hit(impl_->hit_of(it, r, spec));
                ++given;
            }
            if (page.size() < wanted) {
                break;
            }
        }
        return given;
    });
}

std::string Searcher::explain(const SearchRequest& r) {
    return impl_->build_query(r).get_description();
}

std::size_t Searcher::size() const {
    return impl_->db.get_doccount();
}

} // namespace newsq
