#include "store/clusters.hpp"
#include <algorithm>
#include <unordered_map>

#include <newsq/schema.hpp>

#include "store/ids.hpp"

namespace newsq::detail {

namespace {

// Band terms with more postings than this are not looked at: they come from text shared by
// very many articles, and reading them would make each addition cost more as the index grows.
constexpr Xapian::doccount kMaxBandPostings = 5000;

} // namespace

std::string cluster_term(const std::string& key) {
    return std::string(kClusterPrefix).append(key);
}

std::string cluster_key(const Xapian::Document& doc) {
    return doc.get_value(kClusterSlot);
}

void set_cluster(Xapian::Document& doc, const std::string& key, const std::string& from) {
    if (!from.empty()) {
        doc.remove_term(cluster_term(from));
    }
    doc.add_value(kClusterSlot, key);
    doc.add_boolean_term(cluster_term(key));
}

void add_fingerprint(Xapian::Document& doc, const Fingerprint& fingerprint) {
    doc.add_value(kFingerprintSlot, serialise(fingerprint));
    for (const std::string& key : lsh_band_keys(fingerprint)) {
        doc.add_boolean_term(std::string(kBandPrefix).append(key));
    }
}

std::optional<Fingerprint> stored_fingerprint(const Xapian::Document& doc) {
    const std::string value = doc.get_value(kFingerprintSlot);
    return value.empty() ? std::nullopt : std::optional(parse_fingerprint(value));
}

std::vector<Xapian::docid> band_candidates(const Xapian::Database& db,
                                           const Fingerprint& fingerprint, std::size_t limit,
                                           Xapian::docid exclude) {
    std::unordered_map<Xapian::docid, unsigned> shared;
    for (const std::string& key : lsh_band_keys(fingerprint)) {
        const std::string term = std::string(kBandPrefix).append(key);
        if (db.get_termfreq(term) > kMaxBandPostings) {
            continue;
        }
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            if (*p != exclude) {
                ++shared[*p];
            }
        }
    }
    std::vector<std::pair<unsigned, Xapian::docid>> ranked;
    for (const auto& [docid, count] : shared) {
        ranked.emplace_back(count, docid);
    }
    const std::size_t kept = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                      ranked.end(), [](const auto& a, const auto& b) {
                          return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    std::vector<Xapian::docid> out;
    for (std::size_t i = 0; i < kept; ++i) {
        out.push_back(ranked[i].second);
    }
    return out;
}

std::vector<Xapian::docid> sharing_bands_across(const Xapian::Database& db, std::size_t shards) {
    std::vector<Xapian::docid> found;
    const std::string prefix(kBandPrefix);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        if (t.get_termfreq() < 2 || t.get_termfreq() > kMaxBandPostings) {
            continue;
        }
        const std::vector<Xapian::docid> docs(db.postlist_begin(*t), db.postlist_end(*t));
        const auto other_shard = [&](Xapian::docid d) {
            return shard_doc(d, shards).shard != shard_doc(docs.front(), shards).shard;
        };
        if (std::any_of(docs.begin(), docs.end(), other_shard)) {
            found.insert(found.end(), docs.begin(), docs.end());
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

} // namespace newsq::detail
