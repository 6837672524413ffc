#include "index/clusters.hpp"
#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include <newsq/schema.hpp>

namespace newsq::detail {

namespace {

// Band terms with more postings than this are not looked at: they come from text shared by
// very many articles, and reading them would make each addition cost more as the index grows.
constexpr Xapian::doccount kMaxBandPostings = 5000;
// Clusters bigger than this are not split again when a member leaves.
constexpr std::size_t kMaxRepairedCluster = 2000;

Xapian::docid docid_of(const Xapian::Database& db, const std::string& id_term) {
    const Xapian::PostingIterator found = db.postlist_begin(id_term);
    return found == db.postlist_end(id_term) ? 0 : *found;
}

std::string cluster_term(const std::string& key) {
    return std::string(kClusterPrefix).append(key);
}

void set_cluster(Xapian::Document& doc, const std::string& key) {
    doc.add_value(kClusterSlot, key);
    doc.add_boolean_term(cluster_term(key));
}

// Union-find over the members of a cluster: the groups linked by confirmed copies.
std::vector<std::size_t> linked_groups(const std::vector<Fingerprint>& prints) {
    std::vector<std::size_t> parent(prints.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto root = [&](std::size_t i) {
        while (parent[i] != i) {
            i = parent[i] = parent[parent[i]];
        }
        return i;
    };
    for (std::size_t i = 0; i < prints.size(); ++i) {
        for (std::size_t j = i + 1; j < prints.size(); ++j) {
            if (is_near_duplicate(prints[i], prints[j])) {
                parent[root(j)] = root(i);
            }
        }
    }
    for (std::size_t i = 0; i < prints.size(); ++i) {
        parent[i] = root(i);
    }
    return parent;
}

} // namespace

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

void Clusters::place(const std::string& id_term, Xapian::Document& doc,
                     const Fingerprint& fingerprint) {
    std::set<std::string> linked; // clusters of the confirmed copies
    for (const Xapian::docid id :
         band_candidates(db_, fingerprint, kMaxCandidates, docid_of(db_, id_term))) {
        const Xapian::Document other = db_.get_document(id);
        const std::optional<Fingerprint> theirs = stored_fingerprint(other);
        if (theirs && is_near_duplicate(fingerprint, *theirs)) {
            linked.insert(other.get_value(kClusterSlot));
        }
    }
    if (linked.empty()) {
        set_cluster(doc, doc.get_value(kHashSlot));
        return;
    }
    const std::string key = *linked.begin();
    for (auto it = std::next(linked.begin()); it != linked.end(); ++it) {
        const std::string term = cluster_term(*it);
        std::vector<Xapian::docid> members(db_.postlist_begin(term), db_.postlist_end(term));
        for (const Xapian::docid member : members) {
            relabel(member, *it, key);
        }
    }
    set_cluster(doc, key);
}

std::string Clusters::cluster_of(const std::string& id_term) const {
    const Xapian::docid id = docid_of(db_, id_term);
    return id == 0 ? std::string() : db_.get_document(id).get_value(kClusterSlot);
}

void Clusters::repair(const std::string& key) {
    const std::string term = cluster_term(key);
    if (key.empty() || db_.get_termfreq(term) < 2 || db_.get_termfreq(term) > kMaxRepairedCluster) {
        return;
    }
    const std::vector<Xapian::docid> members(db_.postlist_begin(term), db_.postlist_end(term));
    std::vector<Fingerprint> prints;
    for (const Xapian::docid id : members) {
        prints.push_back(stored_fingerprint(db_.get_document(id)).value_or(Fingerprint{}));
    }
    const std::vector<std::size_t> group = linked_groups(prints);
    // The group of the first member keeps the key; each other group takes its first member's
    // content hash.
    std::unordered_map<std::size_t, std::string> keys{{group[0], key}};
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::string& to =
            keys.try_emplace(group[i], db_.get_document(members[i]).get_value(kHashSlot))
                .first->second;
        if (to != key) {
            relabel(members[i], key, to);
        }
    }
}

void Clusters::relabel(Xapian::docid id, const std::string& from, const std::string& to) {
    Xapian::Document doc = db_.get_document(id);
    doc.remove_term(cluster_term(from));
    set_cluster(doc, to);
    db_.replace_document(id, doc);
}

} // namespace newsq::detail
