#include "store/spelling.hpp"
#include <algorithm>
#include <string_view>

#include "text.hpp"

namespace newsq::detail {

namespace {

// Longer terms are URLs, hashes or run-together text, not words anyone misspells.
constexpr std::size_t kMaxWordBytes = 30;

// An unprefixed term (prefixes are upper-case ASCII) of three or more letters, not a
// character n-gram of CJK text.
bool is_spelling_word(std::string_view term) {
    std::size_t first = 0;
    if (term.size() < 3 || term.size() > kMaxWordBytes || is_cjk(decode_utf8(term, first))) {
        return false;
    }
    const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || !is_ascii(c); };
    return !is_upper(term.front()) && std::all_of(term.begin(), term.end(), is_letter);
}

template <class Change>
void for_each_word(const Xapian::Document& doc, Change change) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (is_spelling_word(term)) {
            change(term, it.get_wdf());
        }
    }
}

} // namespace

void SpellingChanges::add(const Xapian::Document& doc) {
    for_each_word(doc,
                  [&](const std::string& word, Xapian::termcount wdf) { changes_[word] += wdf; });
}

void SpellingChanges::remove(const Xapian::Document& doc) {
    for_each_word(doc,
                  [&](const std::string& word, Xapian::termcount wdf) { changes_[word] -= wdf; });
}

void SpellingChanges::write(Xapian::WritableDatabase& db) {
    for (const auto& [word, change] : changes_) {
        if (change > 0) {
            db.add_spelling(word, static_cast<Xapian::termcount>(change));
        } else if (change < 0) {
            db.remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
    }
    changes_.clear();
}

} // namespace newsq::detail
