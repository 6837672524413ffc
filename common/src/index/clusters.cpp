#include "index/clusters.hpp"
#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include <newsq/schema.hpp>

#include "dedup/candidates.hpp"
#include "store/clusters.hpp"
#include "store/ids.hpp"

namespace newsq::detail {

namespace {

// Clusters bigger than this are not split again when a member leaves.
constexpr std::size_t kMaxRepairedCluster = 2000;

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

void Clusters::place(const std::string& id_term, Xapian::Document& doc,
                     const Fingerprint& fingerprint) {
    std::set<std::string> linked; // clusters of the confirmed copies
    for (const Xapian::docid id :
         band_candidates(db_, fingerprint, kMaxCandidates, docid_of(db_, id_term).value_or(0))) {
        const Xapian::Document other = db_.get_document(id);
        const std::optional<Fingerprint> theirs = stored_fingerprint(other);
        if (theirs && is_near_duplicate(fingerprint, *theirs)) {
            linked.insert(cluster_key(other));
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
    const std::optional<Xapian::docid> id = docid_of(db_, id_term);
    return id ? cluster_key(db_.get_document(*id)) : std::string();
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
    set_cluster(doc, to, from);
    db_.replace_document(id, doc);
}

} // namespace newsq::detail
