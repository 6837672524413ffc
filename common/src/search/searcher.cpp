#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>

#include <fmt/format.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>
#include <newsq/search.hpp>

#include "search/dates.hpp"
#include "search/duplicates.hpp"
#include "search/facets.hpp"
#include "search/query_builder.hpp"
#include "search/quote_match.hpp"
#include "search/snippet.hpp"
#include "search/spelling.hpp"
#include "search/timeline.hpp"
#include "store/document.hpp"
#include "store/ids.hpp"
#include "store/reader.hpp"
#include "store/terms.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace {

constexpr std::size_t kPageSize = 1000;
constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();

Xapian::Query with_dates(Xapian::Query query, const std::optional<std::string>& since,
                         const std::optional<std::string>& until, std::chrono::sys_days today) {
    detail::DateBounds bounds;
    if (since) {
        bounds.from = detail::parse_date_point(*since, today).from;
    }
    if (until) {
        bounds.to = detail::parse_date_point(*until, today).to;
    }
    if (bounds.from.empty() && bounds.to.empty()) {
        return query;
    }
    return Xapian::Query(Xapian::Query::OP_FILTER, query, detail::date_filter(bounds));
}

// Values of one field are alternatives; different fields must all match.
Xapian::Query with_filters(Xapian::Query query, const std::vector<Filter>& filters,
                           detail::QueryBuilder& builder) {
    std::map<std::string_view, std::vector<Xapian::Query>> by_field;
    for (const Filter& f : filters) {
        const Field* field = find_field(f.field);
        if (field == nullptr ||
            (field->kind != FieldKind::boolean && field->kind != FieldKind::names)) {
            throw Error(ErrorCode::invalid_argument,
                        fmt::format("cannot filter on \"{}\": not a filter field", f.field));
        }
        by_field[field->name].push_back(builder.filter(*field, f.value));
    }
    for (const auto& [name, terms] : by_field) {
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    return query;
}

// The languages `filters` restrict the matches to, as codes; none when they do not.
std::vector<std::string> filtered_languages(const std::vector<Filter>& filters) {
    std::vector<std::string> codes;
    for (const Filter& f : filters) {
        if (find_field(f.field) == &field("language")) {
            codes.push_back(
                boolean_term(field("language"), f.value).substr(field("language").prefix.size()));
        }
    }
    return codes;
}

// What hits highlight: words of the text in the snippet; those and `quote:` words in quotes.
struct Highlights {
    detail::HighlightSpec text;
    detail::HighlightSpec quotes;
};

Highlights highlights_of(const Xapian::Query& query) {
    return {detail::highlight_spec(query),
            detail::highlight_spec(query, {"", field("quote").prefix})};
}

HitQuote hit_quote(const Quote& q, const detail::HighlightSpec& spec, const Xapian::Stem& stem,
                   std::size_t chars) {
    Snippet whole = detail::highlight_all(q.text, spec, stem);
    const bool matched = !whole.highlights.empty();
    if (chars > 0 && whole.text.size() > chars) {
        whole = detail::make_snippet(q.text, spec, stem, chars);
    }
    return {std::move(whole), q.speaker, matched};
}

// The query of a request: its text, then its dates and filters.
template <class Request>
Xapian::Query full_query(const Xapian::Database& db, const Request& r,
                         const std::string& default_prefix = {}) {
    const auto today = detail::today_utc();
    detail::QueryBuilder builder(db, today, filtered_languages(r.filters));
    return with_filters(with_dates(builder.parse(r.query, default_prefix), r.since, r.until, today),
                        r.filters, builder);
}

} // namespace

// How long a reader keeps its connections to remote shards. A server follows a switch to a new
// generation (a rebuild's, or a replica's) only on a new connection.
constexpr std::chrono::seconds kRemoteReconnect{5};

struct Searcher::Impl {
    std::filesystem::path dir;
    std::pair<ino_t, std::int64_t> stub; // read before the database is opened
    Xapian::Database db;
    bool remote = false; // some shards are served by other machines
    std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();
    std::map<std::string, Xapian::Stem, std::less<>> stems; // by language

    // The stemmer of text in `language`.
    const Xapian::Stem& stem(const std::string& language) {
        auto it = stems.find(language);
        if (it == stems.end()) {
            it = stems.emplace(language, detail::text_stemmer(language)).first;
        }
        return it->second;
    }

    // Moves to the newest committed state: reopens the database, or opens the new one when a
    // rebuild or rollback has switched the index to another database (or `anew`), and the
    // remote shards' connections once they are kRemoteReconnect old.
    void refresh(bool anew) {
        const auto now = detail::stub_identity(dir);
        const auto time = std::chrono::steady_clock::now();
        if (anew || now != stub || (remote && time - opened > kRemoteReconnect)) {
            db = detail::open_reader(dir);
            remote = detail::has_remote_shards(dir);
            stub = now;
            opened = time;
        } else {
            db.reopen();
        }
    }

    // Runs `work` on the newest state, again on a newer one if a writer or a rebuild changed
    // the database under it (see detail::retry_reads).
    template <class F>
    auto retrying(F&& work) {
        return detail::retry_reads(dir, "search", [&](int attempt) {
            refresh(attempt > 1);
            return work();
        });
    }

    // The query of `r`. It reads the index (which languages it holds), so a concurrent writer
    // may make it start again, as every read does.
    Xapian::Query build_query(const SearchRequest& r) {
        return retrying([&] { return full_query(db, r); });
    }

    // Quote text is the default field; a speaker must be the speaker of the quote itself.
    Xapian::Query build_query(const QuoteRequest& r) {
        return retrying([&] {
            Xapian::Query query = full_query(db, r, std::string(field("quote").prefix));
            if (r.speaker) {
                query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                      detail::speaker_filter(*r.speaker));
            }
            return query;
        });
    }

    // The document of the article with this id, if any.
    std::optional<Xapian::docid> docid_of(std::string_view id) const {
        return detail::docid_of(db, detail::id_term(id));
    }

    Xapian::Enquire enquire(const Xapian::Query& query, SortOrder sort,
                            bool collapse = false) const {
        Xapian::Enquire e(db);
        e.set_query(query);
        if (collapse) {
            e.set_collapse_key(kClusterSlot);
        }
        if (sort == SortOrder::date) {
            e.set_sort_by_value_then_relevance(kDateSlot, true);
        }
        return e;
    }

    Hit hit_of(const Xapian::MSetIterator& it, const SearchRequest& r, const Highlights& h) {
        const Xapian::Document doc = it.get_document();
        Article a = detail::decode_article(doc.get_data());
        Hit hit{.rank = it.get_rank() + 1,
                .score = it.get_weight(),
                .id = std::move(a.id),
                .title = std::move(a.title),
                .section = std::move(a.section),
                .source = std::move(a.source),
                .author = std::move(a.author),
                .url = std::move(a.url),
                .published = std::move(a.published),
                .entities = std::move(a.entities),
                .language = std::move(a.language)};
        for (const Quote& q : a.quotes) {
            hit.quotes.push_back(r.snippets
                                     ? hit_quote(q, h.quotes, stem(hit.language), r.quote_chars)
                                     : HitQuote{.text = {.text = q.text}, .speaker = q.speaker});
        }
        if (r.snippets) {
            hit.snippet = detail::make_snippet(a.body, h.text, stem(hit.language), r.snippet_chars);
        }
        if (r.clusters) {
            hit.cluster = detail::cluster_of(db, *it, doc);
        }
        return hit;
    }

    // Calls `on_match` for the matches from `first` on, at most `count` of them, fetching in
    // pages so memory stays flat, until it returns false.
    template <class F>
    void each_match(const Xapian::Enquire& enquire, std::size_t first, std::size_t count,
                    F&& on_match) {
        std::size_t given = 0;
        while (given < count) {
            const auto wanted = static_cast<Xapian::doccount>(std::min(kPageSize, count - given));
            const Xapian::MSet page =
                enquire.get_mset(static_cast<Xapian::doccount>(first + given), wanted);
            for (auto it = page.begin(); it != page.end(); ++it, ++given) {
                if (!on_match(it)) {
                    return;
                }
            }
            if (page.size() < wanted) {
                return;
            }
        }
    }

    // Counters over every match, as the request asks, run in a pass of their own: unweighted
    // and uncollapsed, as they count every copy, so that the page's match stays short. Facets
    // of many matches are counted on a sample, and say so. Over remote shards, Xapian's own
    // counter of whole slot values (which xapian-tcpsrv can run) counts every match for them,
    // and its values are split here.
    struct Spies {
        detail::FacetSpy facets;
        detail::DateSpy dates;
        std::optional<Xapian::ValueCountMatchSpy> facet_values;
        std::optional<Xapian::ValueCountMatchSpy> date_values;

        // Spies for request `r`, whose matches the page's match estimated at `matches`: the
        // facets of many are counted on a sample (the timeline counts every match: its values
        // are small).
        Spies(const SearchRequest& r, Xapian::doccount matches)
            : facets(r.facet_sample == 0 || matches <= r.facet_sample
                         ? 1
                         : static_cast<Xapian::docid>((matches + r.facet_sample - 1) /
                                                      r.facet_sample)) {}

        // Runs the spies the request asks for over every match of `query`, if it asks for any.
        void count(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& r,
                   bool remote) {
            if (r.facets == 0 && !r.timeline) {
                return;
            }
            Xapian::Enquire enquire(db);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
            if (r.facets > 0) {
                enquire.add_matchspy(remote ? &facet_values.emplace(kFacetSlot)
                                            : static_cast<Xapian::MatchSpy*>(&facets));
            }
            if (r.timeline) {
                enquire.add_matchspy(remote ? &date_values.emplace(kDateSlot)
                                            : static_cast<Xapian::MatchSpy*>(&dates));
            }
            enquire.get_mset(0, 0, db.get_doccount());
        }

        void report(const SearchRequest& r, SearchResults& results) {
            if (facet_values) {
                for (auto v = facet_values->values_begin(); v != facet_values->values_end(); ++v) {
                    facets.count(*v, v.get_termfreq());
                }
            }
            if (date_values) {
                std::size_t dated = 0;
                for (auto v = date_values->values_begin(); v != date_values->values_end(); ++v) {
                    dates.count(*v, v.get_termfreq());
                    dated += v.get_termfreq();
                }
                dates.count("", date_values->get_total() - dated);
            }
            if (r.facets > 0) {
                results.facets = facets.facets(r.facets);
                if (!facets.exact()) {
                    results.notes.push_back(fmt::format(
                        "facet counts are estimates from {} of the {} matching articles, each "
                        "with its 95% bounds",
                        facets.counted(), facets.seen()));
                }
            }
            if (r.timeline) {
                results.timeline = detail::make_timeline(dates.days(), dates.undated(), *r.timeline,
                                                         r.timeline_max_buckets);
            }
        }
    };
};

Searcher::Searcher(const std::filesystem::path& dir)
    : impl_(detail::retry_reads(dir, "open", [&](int) {
        return std::make_unique<Impl>(Impl{dir,
                                           detail::stub_identity(dir),
                                           detail::open_reader(dir),
                                           detail::has_remote_shards(dir),
                                           std::chrono::steady_clock::now(),
                                           {}});
    })) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

SearchResults Searcher::search(const SearchRequest& r) {
    const Xapian::Query query = impl_->build_query(r);
    const Highlights highlights = highlights_of(query);
    return impl_->retrying([&] {
        Xapian::Enquire enquire = impl_->enquire(query, r.sort, r.collapse);
        // Room for the check_at_least margin below without wrapping around.
        constexpr std::size_t kMaxWanted = std::numeric_limits<Xapian::doccount>::max() - 100;
        const auto wanted = static_cast<Xapian::doccount>(std::min(r.limit, kMaxWanted));
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(r.offset), wanted, wanted + 100);
        SearchResults results;
        Impl::Spies spies(r, mset.get_matches_estimated());
        spies.count(impl_->db, query, r, impl_->remote);
        spies.report(r, results);
        results.parsed = query.get_description();
        results.total_estimate = mset.get_matches_estimated();
        results.total_lower = mset.get_matches_lower_bound();
        results.total_upper = mset.get_matches_upper_bound();
        if (impl_->remote) {
            results.notes.push_back("no spelling suggestions: the index has remote shards");
        } else {
            results.suggestion =
                detail::spelling_suggestion(impl_->db, r.query, filtered_languages(r.filters));
        }
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            results.hits.push_back(impl_->hit_of(it, r, highlights));
        }
        return results;
    });
}

std::size_t Searcher::for_each_hit(const SearchRequest& r,
                                   const std::function<void(const Hit&)>& on_hit) {
    const Xapian::Query query = impl_->build_query(r);
    const Highlights highlights = highlights_of(query);
    std::size_t given = 0;
    return impl_->retrying([&] {
        const Xapian::Enquire enquire = impl_->enquire(query, r.sort, r.collapse);
        impl_->each_match(enquire, r.offset + given, r.limit - given, [&](const auto& it) {
            on_hit(impl_->hit_of(it, r, highlights));
            ++given;
            return true;
        });
        return given;
    });
}

std::string Searcher::explain(const SearchRequest& r) {
    return impl_->build_query(r).get_description();
}

std::optional<SimilarResults> Searcher::similar(std::string_view id) {
    return impl_->retrying([&]() -> std::optional<SimilarResults> {
        const std::optional<Xapian::docid> found = impl_->docid_of(id);
        return found ? std::optional(detail::similar_to(impl_->db, *found)) : std::nullopt;
    });
}

std::optional<Article> Searcher::article(std::string_view id) {
    return impl_->retrying([&]() -> std::optional<Article> {
        const std::optional<Xapian::docid> found = impl_->docid_of(id);
        return found ? std::optional(
                           detail::decode_article(impl_->db.get_document(*found).get_data()))
                     : std::nullopt;
    });
}

QuoteResults Searcher::quotes(const QuoteRequest& r) {
    const Xapian::Query query = impl_->build_query(r);
    const detail::HighlightSpec spec = detail::highlight_spec(query, {field("quote").prefix});
    return impl_->retrying([&] {
        QuoteResults results{query.get_description(), {}, false};
        detail::QuoteMatcher matcher(query);
        std::size_t seen = 0; // matching quotes before the current one
        const std::size_t end = r.offset + std::min(r.limit, kUnlimited - r.offset);
        const auto on_article = [&](const Xapian::MSetIterator& it) {
            const Xapian::Document doc = it.get_document();
            const Article a = detail::decode_article(doc.get_data());
            for (const std::size_t i : matcher.matching(doc, a.language, a.quotes)) {
                if (seen >= end) {
                    results.more = true;
                    return false;
                }
                if (seen++ >= r.offset) {
                    results.quotes.push_back(
                        {seen,
                         detail::highlight_all(a.quotes[i].text, spec, impl_->stem(a.language)),
                         a.quotes[i].speaker, a.id, a.title, a.source, a.published});
                }
            }
            return true;
        };
        impl_->each_match(impl_->enquire(query, r.sort), 0, kUnlimited, on_article);
        return results;
    });
}

std::size_t Searcher::size() {
    return impl_->retrying([&] { return std::size_t{impl_->db.get_doccount()}; });
}

} // namespace newsq
