#include "search/quote_match.hpp"
#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include <newsq/error.hpp>
#include <newsq/schema.hpp>

#include "store/terms.hpp"

namespace newsq::detail {

namespace {

struct Posting {
    std::string term;
    Xapian::termcount wdf;
    std::vector<Xapian::termpos> positions;
};

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
        if (is_quote_term(*t)) {
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
    return Xapian::Query(boolean_term(field_of(FieldSource::speakers), name));
}

QuoteMatcher::QuoteMatcher(Xapian::Query query)
    : query_(std::move(query)) {}

std::vector<std::size_t> QuoteMatcher::matching(const Xapian::Document& doc,
                                                std::string_view language,
                                                const std::vector<Quote>& quotes) {
    if (quotes.empty()) {
        return {};
    }
    set_text_stemming(generator_, language);
    const Shared shared = shared_of(doc);
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const Quote& q : quotes) {
        Xapian::Document quote_doc = quote_document(shared);
        generator_.set_document(quote_doc);
        index_text_value(generator_, field_of(FieldSource::quotes), q.text);
        if (!q.speaker.empty()) {
            add_name_terms(quote_doc, field_of(FieldSource::speakers), q.speaker);
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
