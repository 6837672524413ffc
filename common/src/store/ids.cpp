#include "store/ids.hpp"

#include <newsq/schema.hpp>

#include "text.hpp"

namespace newsq::detail {

std::string id_term(std::string_view id) {
    return boolean_term(field("id"), id);
}

bool is_id_term(std::string_view term) {
    return term.starts_with(field("id").prefix);
}

std::string stored_id_term(const Xapian::Document& doc) {
    auto term = doc.termlist_begin();
    term.skip_to(std::string(field("id").prefix));
    return term != doc.termlist_end() && is_id_term(*term) ? *term : std::string();
}

std::optional<Xapian::docid> docid_of(const Xapian::Database& db, const std::string& term) {
    const Xapian::PostingIterator found = db.postlist_begin(term);
    if (found == db.postlist_end(term)) {
        return std::nullopt;
    }
    return *found;
}

std::size_t shard_of(std::string_view id_term, std::size_t count) {
    return static_cast<std::size_t>(hash64(id_term) % count);
}

} // namespace newsq::detail
