#include "search/duplicates.hpp"
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include <newsq/dedup.hpp>
#include <newsq/schema.hpp>

#include "store/clusters.hpp"
#include "store/document.hpp"
#include "store/slots.hpp"

namespace newsq::detail {

namespace {

// Copies named per cluster; the count covers them all.
constexpr std::size_t kListedCopies = 20;
// Candidates looked at beyond the cluster's members.
constexpr std::size_t kSimilarCandidates = 50;

std::string id_of(const Xapian::Document& doc) {
    return decode_article(doc.get_data()).id;
}

// Orders the canonical article first: the earliest published by day (undated last), then one
// with a headline and a section, then the earliest time, then by id.
auto canonical_order(const Article& a) {
    return std::make_tuple(a.published.empty(), a.published.substr(0, 10),
                           a.title.empty() || a.section.empty(), a.published, a.id);
}

// The canonical member of cluster `key`: the earliest day read from the date values of every
// member, the tie broken on the stored articles of that day only.
Xapian::docid canonical_of(const Xapian::Database& db, const std::string& key) {
    const std::string term = cluster_term(key);
    std::chrono::sys_days first_day;
    std::vector<Xapian::docid> earliest;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        const std::chrono::sys_days day = // undated sorts last
            day_of(db.get_document(*p).get_value(kDateSlot)).value_or(std::chrono::sys_days::max());
        if (earliest.empty() || day < first_day) {
            first_day = day;
            earliest.clear();
        }
        if (day == first_day) {
            earliest.push_back(*p);
        }
    }
    return *std::min_element(earliest.begin(), earliest.end(), [&](auto a, auto b) {
        return canonical_order(decode_article(db.get_document(a).get_data())) <
               canonical_order(decode_article(db.get_document(b).get_data()));
    });
}

Cluster cluster_with(const Xapian::Database& db, const std::string& key, Xapian::docid self) {
    const std::string term = cluster_term(key);
    const Xapian::docid canonical = canonical_of(db, key);
    Cluster cluster{key, id_of(db.get_document(canonical)), db.get_termfreq(term), {}};
    if (canonical != self) {
        cluster.copies.push_back(cluster.canonical);
    }
    for (auto p = db.postlist_begin(term);
         p != db.postlist_end(term) && cluster.copies.size() < kListedCopies; ++p) {
        if (*p != self && *p != canonical) {
            cluster.copies.push_back(id_of(db.get_document(*p)));
        }
    }
    return cluster;
}

} // namespace

std::optional<Cluster> cluster_of(const Xapian::Database& db, Xapian::docid id,
                                  const Xapian::Document& doc) {
    const std::string key = cluster_key(doc);
    if (key.empty() || db.get_termfreq(cluster_term(key)) < 2) {
        return std::nullopt;
    }
    return cluster_with(db, key, id);
}

SimilarResults similar_to(const Xapian::Database& db, Xapian::docid id) {
    const Xapian::Document doc = db.get_document(id);
    SimilarResults results{cluster_of(db, id, doc), {}};
    const std::optional<Fingerprint> print = stored_fingerprint(doc);
    if (!print) {
        return results;
    }
    std::map<Xapian::docid, bool> seen; // docid → in the same cluster
    const std::string key = cluster_key(doc);
    const std::string term = cluster_term(key);
    for (auto p = db.postlist_begin(term); !key.empty() && p != db.postlist_end(term); ++p) {
        seen[*p] = true;
    }
    for (const Xapian::docid other : band_candidates(db, *print, kSimilarCandidates, id)) {
        seen.emplace(other, false);
    }
    seen.erase(id);
    for (const auto& [other, same_cluster] : seen) {
        const Xapian::Document copy = db.get_document(other);
        const std::optional<Fingerprint> theirs = stored_fingerprint(copy);
        if (!theirs || (!same_cluster && !is_near_duplicate(*print, *theirs))) {
            continue;
        }
        const Article a = decode_article(copy.get_data());
        results.articles.push_back({a.id, a.title, a.published, similarity(*print, *theirs),
                                    results.cluster && results.cluster->canonical == a.id});
    }
    std::stable_sort(results.articles.begin(), results.articles.end(),
                     [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
    return results;
}

} // namespace newsq::detail
