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

Clusters::Clusters(std::span<Xapian::WritableDatabase> shards)
    : shards_(shards) {
    for (const Xapian::WritableDatabase& shard : shards_) {
        view_.add_database(shard);
    }
}

std::set<std::string> Clusters::linked(const Fingerprint& fingerprint, Xapian::docid self) const {
    std::set<std::string> keys;
    for (const Xapian::docid id : band_candidates(view_, fingerprint, kMaxCandidates, self)) {
        const Xapian::Document other = view_.get_document(id);
        const std::optional<Fingerprint> theirs = stored_fingerprint(other);
        if (theirs && is_near_duplicate(fingerprint, *theirs)) {
            keys.insert(cluster_key(other));
        }
    }
    return keys;
}

std::string Clusters::merge(const std::set<std::string>& keys) {
    const std::string& key = *keys.begin();
    for (auto it = std::next(keys.begin()); it != keys.end(); ++it) {
        const std::string term = cluster_term(*it);
        std::vector<Xapian::docid> members(view_.postlist_begin(term), view_.postlist_end(term));
        for (const Xapian::docid member : members) {
            relabel(member, *it, key);
        }
    }
    return key;
}

void Clusters::place(const std::string& id_term, Xapian::Document& doc,
                     const Fingerprint& fingerprint) {
    std::set<std::string> keys = linked(fingerprint, docid_of(view_, id_term).value_or(0));
    keys.insert(doc.get_value(kHashSlot));
    set_cluster(doc, merge(keys));
}

void Clusters::join(Xapian::docid id) {
    const Xapian::Document doc = view_.get_document(id);
    const std::optional<Fingerprint> print = stored_fingerprint(doc);
    if (!print) {
        return;
    }
    std::set<std::string> keys = linked(*print, id);
    keys.insert(cluster_key(doc));
    if (keys.size() > 1) {
        merge(keys);
    }
}

void Clusters::join(const std::string& id_term) {
    if (const std::optional<Xapian::docid> id = docid_of(view_, id_term)) {
        join(*id);
    }
}

void Clusters::join_all() {
    for (const Xapian::docid id : sharing_bands_across(view_, shards_.size())) {
        join(id);
    }
}

std::string Clusters::cluster_of(const std::string& id_term) const {
    const std::optional<Xapian::docid> id = docid_of(view_, id_term);
    return id ? cluster_key(view_.get_document(*id)) : std::string();
}

void Clusters::repair(const std::string& key) {
    const std::string term = cluster_term(key);
    if (key.empty() || view_.get_termfreq(term) == 0 ||
        view_.get_termfreq(term) > kMaxRepairedCluster) {
        return;
    }
    const std::vector<Xapian::docid> members(view_.postlist_begin(term), view_.postlist_end(term));
    std::vector<Fingerprint> prints;
    for (const Xapian::docid id : members) {
        prints.push_back(stored_fingerprint(view_.get_document(id)).value_or(Fingerprint{}));
    }
    const std::vector<std::size_t> group = linked_groups(prints);
    std::vector<std::string> hashes;
    std::unordered_map<std::size_t, std::string> keys; // each group's smallest content hash
    for (std::size_t i = 0; i < members.size(); ++i) {
        hashes.push_back(view_.get_document(members[i]).get_value(kHashSlot));
        auto [at, added] = keys.try_emplace(group[i], hashes[i]);
        at->second = std::min(at->second, hashes[i]);
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (keys[group[i]] != key) {
            relabel(members[i], key, keys[group[i]]);
        }
    }
}

void Clusters::relabel(Xapian::docid id, const std::string& from, const std::string& to) {
    Xapian::Document doc = view_.get_document(id);
    set_cluster(doc, to, from);
    const ShardDoc at = shard_doc(id, shards_.size());
    shards_[at.shard].replace_document(at.id, doc);
}

} // namespace newsq::detail
