#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <fmt/std.h>
#include <xapian.h>

#include <newsq/error.hpp>
#include <newsq/maintenance.hpp>
#include <newsq/schema.hpp>

#include "store/document.hpp"
#include "store/ids.hpp"
#include "store/layout.hpp"
#include "store/reader.hpp"
#include "store/slots.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxProblems = 50;

// "20220317093000" → "2022-03-17"; empty for an undated index.
std::string day_text(std::string_view value) {
    const auto day = detail::day_of(value);
    if (!day) {
        return {};
    }
    const std::chrono::year_month_day ymd{*day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

// The values of a boolean field as the articles spell them, with their counts.
std::vector<ValueCount> values_of(const Xapian::Database& db, const Field& f) {
    std::vector<ValueCount> values;
    const std::string prefix(f.prefix);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const Article sample =
            detail::decode_article(db.get_document(*db.postlist_begin(*t)).get_data());
        values.emplace_back(sample.*f.member, t.get_termfreq());
    }
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return values;
}

std::uintmax_t size_on_disk(const std::vector<fs::path>& shards) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (const fs::path& shard : shards) {
        for (const auto& entry : fs::recursive_directory_iterator(shard, ec)) {
            if (entry.is_regular_file(ec)) {
                bytes += entry.file_size(ec);
            }
        }
    }
    return bytes;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto t = doc.termlist_begin();
    t.skip_to(term);
    return t != doc.termlist_end() && *t == term;
}

// The problems of one document, of an index of `shards` shards, with the project's invariants.
void check_document(const Xapian::Database& db, Xapian::docid id, std::size_t shards,
                    std::vector<std::string>& out) {
    const Xapian::Document doc = db.get_document(id);
    std::vector<std::string> id_terms;
    bool origin_term_found = false;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (detail::is_id_term(term)) {
            id_terms.push_back(term);
        }
        origin_term_found = origin_term_found || term.starts_with(kOriginPrefix);
    }
    const auto problem = [&](std::string_view what) {
        out.push_back(fmt::format("document {}: {}", id, what));
    };
    if (id_terms.size() != 1) {
        problem(fmt::format("{} id terms, not 1", id_terms.size()));
        return;
    }
    if (db.get_termfreq(id_terms[0]) != 1) {
        problem(fmt::format("id term {} is shared by {} documents", id_terms[0],
                            db.get_termfreq(id_terms[0])));
    }
    if (const std::size_t k = detail::shard_doc(id, shards).shard;
        detail::shard_of(id_terms[0], shards) != k) {
        problem(fmt::format("is in shard {}, not in the shard {} its id is routed to", k,
                            detail::shard_of(id_terms[0], shards)));
    }
    const Article a = detail::decode_article(doc.get_data());
    if (detail::id_term(a.id) != id_terms[0]) {
        problem(fmt::format("stored id {:?} does not match its id term", a.id));
    }
    const std::string hash = doc.get_value(kHashSlot);
    if (hash.size() != 32 || hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
        problem("no content hash");
    }
    if (doc.get_value(kDateSlot) != (a.published.empty() ? "" : detail::date_value(a.published))) {
        problem(fmt::format("date value does not match its date {:?}", a.published));
    }
    const std::string origin = doc.get_value(kOriginSlot);
    if (origin_term_found != !origin.empty() ||
        (!origin.empty() && !has_term(doc, origin_term(origin)))) {
        problem("origin term and origin value disagree");
    }
}

void check_documents(const Xapian::Database& db, std::size_t shards, CheckReport& report) {
    std::vector<std::string> problems;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        ++report.articles;
        try {
            check_document(db, *p, shards, problems);
        } catch (const Error& e) {
            problems.push_back(fmt::format("document {}: {}", *p, e.what()));
        }
    }
    const std::size_t total = problems.size();
    problems.resize(std::min(total, kMaxProblems));
    report.problems.insert(report.problems.end(), problems.begin(), problems.end());
    if (total > kMaxProblems) {
        report.problems.push_back(fmt::format("… and {} more", total - kMaxProblems));
    }
}

void check_structure(const fs::path& shard, CheckReport& report) {
    std::ostringstream out;
    try {
        const std::size_t errors = Xapian::Database::check(shard.string(), 0, &out);
        if (errors > 0) {
            report.problems.push_back(fmt::format("Xapian's check of {} found {} error(s):\n{}",
                                                  shard, errors, out.str()));
        }
    } catch (const Xapian::Error& e) {
        report.problems.push_back(
            fmt::format("Xapian's check of {} failed: {}", shard, e.get_description()));
    }
}

IndexStats read_stats(const fs::path& dir) {
    const detail::Layout layout = detail::Layout::read(dir);
    const Xapian::Database db = detail::open_reader(dir);
    IndexStats s;
    s.articles = db.get_doccount();
    if (s.articles > 0) {
        s.first_date = day_text(db.get_value_lower_bound(kDateSlot));
        s.last_date = day_text(db.get_value_upper_bound(kDateSlot));
    }
    s.sections = values_of(db, field("section"));
    s.sources = values_of(db, field("source"));
    s.languages = values_of(db, field("language"));
    s.bytes = size_on_disk(layout.shards());
    s.shards = layout.shards().size();
    s.updated = db.get_metadata(std::string(kUpdatedKey));
    s.generation = layout.current.value_or("");
    s.previous = layout.previous;
    return s;
}

} // namespace

IndexStats index_stats(const fs::path& dir) {
    // A writer committing, or a rebuild switching databases, under the reading makes it start
    // again on the new state.
    return detail::retry_reads(dir, "read", [&](int) { return read_stats(dir); });
}

CheckReport check_index(const fs::path& dir) {
    const detail::Layout layout = detail::Layout::read(dir);
    CheckReport report;
    if (layout.previous && !fs::is_directory(dir / *layout.previous)) {
        report.problems.push_back(fmt::format(
            "the previous database {} is missing: rollback is impossible", *layout.previous));
    }
    const Xapian::Database db =
        detail::guarded(dir, "open", [&] { return detail::open_reader(dir); });
    for (const fs::path& shard : layout.shards()) {
        check_structure(shard, report);
    }
    detail::guarded(dir, "check", [&] { check_documents(db, layout.shards().size(), report); });
    return report;
}

} // namespace newsq
