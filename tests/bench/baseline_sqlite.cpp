// What an embedder would otherwise pick: SQLite FTS5 with the Porter stemmer and BM25.

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

#include <fmt/core.h>
#include <sqlite3.h>

#include "bench_common.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBatchSize = 1000;

// The id column is unindexed, so its weight is 0; the title weighs 3 as in the Xapian indexers.
// Stored as the table's rank function, `ORDER BY rank` uses it through FTS5's sorted fast path.
constexpr const char* kSchema = R"(
    CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body,
                                        tokenize = 'porter unicode61');
    INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(0.0, 3.0, 1.0)');
)";
constexpr std::string_view kInsert = "INSERT INTO fts(id, title, body) VALUES (?1, ?2, ?3)";
constexpr std::string_view kSearch = R"(
    SELECT id, title, snippet(fts, 2, '<b>', '</b>', '…', 32)
    FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT 10
)";
constexpr std::string_view kCount = "SELECT count(*) FROM fts";

struct CloseDatabase {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw std::runtime_error(fmt::format("{}: {}", what, sqlite3_errmsg(db)));
}

Database open_database(const fs::path& file, int flags) {
    sqlite3* raw = nullptr;
    const int status = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (status != SQLITE_OK) {
        fail(raw, file.string());
    }
    return db;
}

void execute(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail(db, sql);
    }
}

Statement prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &raw, nullptr) != SQLITE_OK) {
        fail(db, sql);
    }
    return Statement(raw);
}

void bind_text(sqlite3_stmt* statement, int column, std::string_view text) {
    // SQLITE_STATIC: the text outlives the step that reads it.
    sqlite3_bind_text(statement, column, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void insert_article(sqlite3* db, sqlite3_stmt* insert, const bench::Article& article) {
    bind_text(insert, 1, article.id);
    bind_text(insert, 2, article.title);
    bind_text(insert, 3, article.body);
    if (sqlite3_step(insert) != SQLITE_DONE) {
        fail(db, "insert");
    }
    sqlite3_reset(insert);
}

std::size_t index_corpus(const fs::path& corpus, const fs::path& file) {
    const Database db = open_database(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    execute(db.get(), kSchema);
    const Statement insert = prepare(db.get(), kInsert);
    std::size_t docs = 0;
    execute(db.get(), "BEGIN");
    bench::for_each_line(corpus, [&](const std::string& line) {
        insert_article(db.get(), insert.get(), bench::parse_article(line));
        if (++docs % kBatchSize == 0) {
            execute(db.get(), "COMMIT; BEGIN");
        }
    });
    execute(db.get(), "COMMIT");
    return docs;
}

class SqliteSession : public bench::Session {
public:
    explicit SqliteSession(const fs::path& file)
        : db_(open_database(file, SQLITE_OPEN_READONLY))
        , search_(prepare(db_.get(), kSearch)) {}

    std::size_t documents() override {
        const Statement count = prepare(db_.get(), kCount);
        if (sqlite3_step(count.get()) != SQLITE_ROW) {
            fail(db_.get(), kCount);
        }
        return static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0));
    }

    std::size_t search(const std::string& query) override {
        bind_text(search_.get(), 1, query);
        std::size_t hits = 0;
        int status = SQLITE_ROW;
        while ((status = sqlite3_step(search_.get())) == SQLITE_ROW) {
            for (int column = 0; column < 3; ++column) {
                std::ignore = sqlite3_column_text(search_.get(), column);
            }
            ++hits;
        }
        sqlite3_reset(search_.get());
        if (status != SQLITE_DONE) {
            fail(db_.get(), query);
        }
        return hits;
    }

private:
    Database db_;
    Statement search_;
};

std::unique_ptr<bench::Session> open_session(const fs::path& file) {
    return std::make_unique<SqliteSession>(file);
}

bool is_bareword(std::string_view word) {
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80 && std::isalnum(byte) == 0 && c != '_') {
            return false;
        }
    }
    return true;
}

// The next token of a query in the shared syntax: a quoted phrase, a parenthesis, or a word.
std::string_view next_token(std::string_view query, std::size_t& pos) {
    const std::size_t start = query.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos) {
        pos = query.size();
        return {};
    }
    std::size_t end = start + 1;
    if (query[start] == '"') {
        end = std::min(query.find('"', start + 1), query.size() - 1) + 1;
    } else if (query[start] != '(' && query[start] != ')') {
        end = std::min(query.find_first_of(" \t\"()", start), query.size());
    }
    pos = end;
    return query.substr(start, end - start);
}

bool is_operator(std::string_view token) {
    return token == "AND" || token == "OR" || token == "NOT";
}

// A word FTS5 would not take bare (hyphen, apostrophe) becomes a one-word phrase, which FTS5
// splits into adjacent tokens as Xapian's QueryParser does.
std::string fts5_operand(std::string_view token) {
    if (token.front() == '"') {
        const bool closed = token.size() > 1 && token.back() == '"';
        return closed ? std::string(token) : fmt::format("{}\"", token);
    }
    return is_bareword(token) ? std::string(token) : fmt::format("\"{}\"", token);
}

// Phrases, parentheses and the AND/OR/NOT operators mean the same in FTS5. FTS5 AND-s adjacent
// phrases but rejects an implicit AND next to a parenthesis, so every implicit AND is spelled out.
std::string to_fts5(std::string_view query) {
    std::string out;
    bool after_operand = false;
    std::size_t pos = 0;
    for (std::string_view token = next_token(query, pos); !token.empty();
         token = next_token(query, pos)) {
        const bool open = token == "(";
        const bool close = token == ")";
        const bool operand = !open && !close && !is_operator(token);
        if (after_operand && (operand || open)) {
            out += " AND";
        }
        if (!out.empty()) {
            out += ' ';
        }
        out += operand ? fts5_operand(token) : std::string(token);
        after_operand = operand || close;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    return bench::run(argc, argv, {"sqlite", index_corpus, open_session, to_fts5});
}
