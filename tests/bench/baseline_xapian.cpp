// The minimal Xapian indexer and searcher: the floor for anything built on Xapian. Its result
// page decodes each hit and makes a snippet, as newsq and the SQLite baseline do.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>

#include <xapian.h>

#include "bench_common.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBatchSize = 1000;
constexpr Xapian::doccount kPageSize = 10;
constexpr Xapian::termcount kTitleWeight = 3;
constexpr std::size_t kSnippetBytes = 240;

// Xapian::Error does not derive from std::exception, which the driver catches.
template <typename Fn>
auto as_std_error(Fn&& fn) {
    try {
        return fn();
    } catch (const Xapian::Error& e) {
        throw std::runtime_error(e.get_description());
    }
}

Xapian::Document make_document(Xapian::TermGenerator& generator, const bench::Article& article,
                               const std::string& line) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(article.title, 1, "S");
    generator.index_text(article.title, kTitleWeight);
    generator.increase_termpos();
    generator.index_text(article.body);
    doc.set_data(line);
    return doc;
}

std::size_t build_index(const fs::path& corpus, const fs::path& dir) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::size_t docs = 0;
    bench::for_each_line(corpus, [&](const std::string& line) {
        const bench::Article article = bench::parse_article(line);
        const std::string id_term = "Q" + article.id;
        Xapian::Document doc = make_document(generator, article, line);
        doc.add_boolean_term(id_term);
        db.replace_document(id_term, doc);
        if (++docs % kBatchSize == 0) {
            db.commit();
        }
    });
    db.commit();
    db.close();
    return docs;
}

std::size_t index_corpus(const fs::path& corpus, const fs::path& dir) {
    return as_std_error([&] { return build_index(corpus, dir); });
}

class XapianSession : public bench::Session {
public:
    explicit XapianSession(const fs::path& dir)
        : db_(dir.string()) {
        parser_.set_stemmer(Xapian::Stem("english"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        // Plain words must all match, as in FTS5 and in newsq.
        parser_.set_default_op(Xapian::Query::OP_AND);
    }

    std::size_t documents() override { return db_.get_doccount(); }

    std::size_t search(const std::string& query) override {
        return as_std_error([&] { return run_query(query); });
    }

private:
    std::size_t run_query(const std::string& query) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(parser_.parse_query(query));
        const Xapian::MSet mset = enquire.get_mset(0, kPageSize);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            // Show what a result page shows: the stored article and a snippet of its body,
            // by Xapian's own snippet generator.
            const bench::Article article = bench::parse_article(it.get_document().get_data());
            std::ignore = mset.snippet(article.body, kSnippetBytes, stem_);
        }
        return mset.size();
    }

    Xapian::Database db_;
    Xapian::QueryParser parser_;
    Xapian::Stem stem_{"english"};
};

std::unique_ptr<bench::Session> open_session(const fs::path& dir) {
    return as_std_error([&] { return std::make_unique<XapianSession>(dir); });
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv, {"xapian", index_corpus, open_session, bench::same_query});
}
