#include "search/quote_match.hpp"
#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

namespace newsq::detail {

namespace {

struct Posting {
    std::string term;
    Xapian::termcount wdf;
    std::vector<Xapian::termpos> positions;
};

// Terms that belong to one quote rather than to the whole article.
bool per_quote(std::string_view term) {
    const std::string_view quote = field("quote").prefix;
    const std::string_view speaker = field("speaker").prefix;
    return term.starts_with(quote) ||
           (term.starts_with('Z') && term.substr(1).starts_with(quote)) ||
           term.starts_with(speaker);
}

// What every quote document of an article shares: its terms, but those of its quotes, and
// its values (date filters read the date slot).
struct Shared {
    std::vector<Posting> postings;
    std::vector<std::pair<Xapian::valueno, std::string>> values;
};

Shared shared_of(const Xapian::Document& doc) {
    Shared shared;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        shared.values.emplace_back(v.get_valueno(), *v);
    }
    std::vector<Posting>& postings = shared.postings;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (per_quote(*t)) {
            continue;
        }
        Posting p{*t, t.get_wdf(), {}};
        for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) {
            p.positions.push_back(*pos);
        }
        postings.push_back(std::move(p));
    }
    return shared;
}

Xapian::Document quote_document(const Shared& shared) {
    Xapian::Document doc;
    for (const Posting& p : shared.postings) {
        for (const Xapian::termpos pos : p.positions) {
            doc.add_posting(p.term, pos, 0);
        }
        doc.add_term(p.term, p.wdf);
    }
    for (const auto& [slot, value] : shared.values) {
        doc.add_value(slot, value);
    }
    return doc;
}

// `text` with runs of white space as one space, without leading and trailing space.
std::string squeezed(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

// The `speaker:` terms of one name, as the indexer writes them: the whole name and each word.
void add_speaker(Xapian::Document& doc, std::string_view name) {
    const Field& speaker = field("speaker");
    doc.add_boolean_term(boolean_term(speaker, name));
    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t end = std::min(name.find(' ', start), name.size());
        if (end > start) {
            doc.add_boolean_term(boolean_term(speaker, name.substr(start, end - start)));
        }
        start = end + 1;
    }
}

} // namespace

Xapian::Query speaker_filter(std::string_view speaker) {
    const std::string name = squeezed(speaker);
    const bool has_word = std::any_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0;
    });
    if (!has_word) {
        throw Error(ErrorCode::invalid_argument,
                    fmt::format("speaker \"{}\" has no name in it", speaker),
                    "give a surname or a full name, such as --speaker Blinken");
    }
    return Xapian::Query(boolean_term(field("speaker"), name));
}

QuoteMatcher::QuoteMatcher(Xapian::Query query)
    : query_(std::move(query)) {
    // As the indexer writes quotes (see DocumentBuilder).
    generator_.set_stemmer(Xapian::Stem("english"));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

std::vector<std::size_t> QuoteMatcher::matching(const Xapian::Document& doc,
                                                const std::vector<Quote>& quotes) {
    if (quotes.empty()) {
        return {};
    }
    const Shared shared = shared_of(doc);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::string prefix(field("quote").prefix);
    for (const Quote& q : quotes) {
        Xapian::Document quote_doc = quote_document(shared);
        generator_.set_document(quote_doc);
        generator_.index_text(q.text, 1, prefix);
        if (!q.speaker.empty()) {
            add_speaker(quote_doc, q.speaker);
        }
        db.add_document(quote_doc);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query_);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<std::size_t> found;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        found.push_back(*it - 1);
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace newsq::detail
