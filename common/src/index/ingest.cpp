#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <thread>
#include <unordered_set>
#include <variant>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <newsq/index.hpp>
#include <newsq/schema.hpp>

#include "index/bounded_queue.hpp"
#include "index/clusters.hpp"
#include "index/index_impl.hpp"
#include "store/clusters.hpp"
#include "store/document.hpp"
#include "store/ids.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// An article turned into its Xapian document, ready to write.
struct Prepared {
    std::string id_term;
    Xapian::Document doc;
    std::optional<Fingerprint> fingerprint; // when duplicates are looked for
    std::size_t bytes;
};

// An article the index holds already, as read.
struct Unchanged {
    std::string id_term;
};

// A record that is no article, by reason.
struct PassedOver {
    std::string reason;
};

// Input consumed after the last record read.
struct InputRead {};

using Item = std::variant<Prepared, Unchanged, BadRecord, PassedOver, InputRead>;

// What the reader sends the writer: an item, and the bytes of input consumed when it was read.
struct Sent {
    Item item;
    std::uint64_t bytes_read;
};

// Thrown from the reader's callbacks to abandon reading once the writer has stopped.
struct Stopped {};

// Deep enough that the writer never waits for the reader while a batch is being written.
constexpr std::size_t kQueueDepth = 256;
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

// Names what the analysis does, so that changing it makes every article "changed".
std::string analysis_tag(const IngestOptions& o) {
    const AnalysisOptions& a = o.analysis;
    return fmt::format("analysis {:d}{:d}{:d}{:d}", a.boilerplate, a.entities, a.quotes,
                       o.find_duplicates);
}

// The absolute path an article read from `path` is recorded under; empty for standard input.
std::string origin_of(const std::string& path) {
    if (path == "-") {
        return {};
    }
    std::string origin = fs::absolute(path).lexically_normal().generic_string();
    while (origin.size() > 1 && origin.ends_with('/')) {
        origin.pop_back();
    }
    return origin;
}

// What the index held at its last commit, through a connection of the reading thread's own.
class Stored {
public:
    explicit Stored(const fs::path& live)
        : db_(live.string()) {}

    bool holds(const std::string& id_term, const std::string& hash, const std::string& origin) {
        try {
            return lookup(id_term, hash, origin);
        } catch (const Xapian::DatabaseModifiedError&) {
        } catch (const Xapian::DatabaseCorruptError&) {
            // What a reader may see when the writer has reused blocks it was reading.
        }
        db_.reopen();
        return lookup(id_term, hash, origin);
    }

private:
    bool lookup(const std::string& id_term, const std::string& hash, const std::string& origin) {
        const std::optional<Xapian::docid> found = detail::docid_of(db_, id_term);
        if (!found) {
            return false;
        }
        const Xapian::Document doc = db_.get_document(*found);
        return doc.get_value(kHashSlot) == hash && doc.get_value(kOriginSlot) == origin;
    }

    Xapian::Database db_;
};

// What a run reads, analyses and learns.
struct Source {
    std::span<const std::string> paths;
    const IngestOptions& options;
    BoilerplateModel& boilerplate;
    bool learn_while_reading; // standard input is read only once
    fs::path live;
};

void produce(std::stop_token stop, const Source& source, detail::BoundedQueue<Sent>& queue,
             std::exception_ptr& failure) {
    try {
        detail::DocumentBuilder builder;
        const Analyzer analyzer(source.options.analysis);
        const std::string tag = analysis_tag(source.options);
        std::optional<Stored> stored;
        if (source.options.skip_unchanged) {
            stored.emplace(source.live);
        }
        std::string origin;
        std::uint64_t bytes_read = 0;
        std::uint64_t bytes_sent = 0;
        const auto send = [&](Item item) {
            bytes_sent = bytes_read;
            if (!queue.push(Sent{std::move(item), bytes_read}, stop)) {
                throw Stopped{};
            }
        };
        const auto article = [&](Article&& a) {
            if (source.learn_while_reading) {
                source.boilerplate.observe(a);
            }
            std::string id_term = detail::id_term(a.id);
            const std::string hash = detail::content_hash(a, tag);
            if (stored && stored->holds(id_term, hash, origin)) {
                send(Unchanged{std::move(id_term)});
                return;
            }
            analyzer.analyze(a, &source.boilerplate);
            Xapian::Document doc = builder.build(a);
            detail::stamp(doc, hash, origin);
            std::optional<Fingerprint> print;
            if (source.options.find_duplicates) {
                print = fingerprint(a);
                detail::add_fingerprint(doc, *print);
            }
            send(Prepared{std::move(id_term), std::move(doc), print,
                          a.title.size() + a.body.size()});
        };
        read_articles(source.paths,
                      {article, [&](BadRecord&& bad) { send(std::move(bad)); },
                       [&](const std::string& path) { origin = origin_of(path); },
                       [&](std::string_view reason) { send(PassedOver{std::string(reason)}); },
                       [&](std::uint64_t bytes) { bytes_read += bytes; }},
                      source.options.read);
        if (bytes_read != bytes_sent) {
            send(InputRead{});
        }
    } catch (const Stopped&) {
    } catch (...) {
        failure = std::current_exception();
    }
    queue.close();
}

// What a first reading of the input gives: the boilerplate learned by earlier runs (which the
// index keeps) and from this input, and the number of records, for the progress display. The
// input is read first only to learn boilerplate: without that, the progress display goes by
// the bytes read of the input's size rather than read a large WARC file twice.
struct FirstReading {
    BoilerplateModel boilerplate;
    std::string saved; // the boilerplate as the index holds it
    std::size_t records = 0;
};

FirstReading read_first(const Index::Impl& index, std::span<const std::string> paths,
                        const IngestOptions& options, bool rereadable) {
    FirstReading first;
    first.saved = detail::guarded(
        index.dir, "read", [&] { return index.db.get_metadata(std::string(kBoilerplateKey)); });
    if (!first.saved.empty()) {
        first.boilerplate.load(first.saved);
    }
    if (rereadable && options.analysis.boilerplate) {
        read_articles(paths,
                      {[&](Article&& a) {
                           first.boilerplate.observe(a);
                           ++first.records;
                       },
                       [&](BadRecord&&) { ++first.records; },
                       {},
                       [&](std::string_view) { ++first.records; }},
                      options.read);
    }
    return first;
}

// The writing side of a run: stores what the reader sends, commits in batches, prunes.
class Writer {
public:
    Writer(Index::Impl& index, const IngestOptions& options, IngestReport& report)
        : index_(index)
        , options_(options)
        , report_(report) {}

    void write(Item&& item) {
        if (auto* bad = std::get_if<BadRecord>(&item)) {
            if (const std::string origin = origin_of(bad->path); !origin.empty()) {
                unreadable_.push_back(origin);
            }
            report_.skipped.push_back(std::move(*bad));
        } else if (auto* passed = std::get_if<PassedOver>(&item)) {
            ++report_.passed_over[passed->reason];
        } else if (auto* same = std::get_if<Unchanged>(&item)) {
            seen_.insert(std::move(same->id_term));
            ++report_.unchanged;
        } else if (std::holds_alternative<Prepared>(item)) {
            store(std::get<Prepared>(item));
        }
    }

    // Deletes what files under `paths` held before and no longer do.
    void prune(std::span<const std::string> paths) {
        for (const std::string& path : paths) {
            if (const std::string origin = origin_of(path); !origin.empty()) {
                detail::guarded(index_.dir, "prune", [&] { prune_under(origin); });
            }
        }
    }

    bool changed() const { return report_.added + report_.updated + report_.deleted > 0; }

private:
    void store(Prepared& p) {
        seen_.insert(p.id_term);
        (index_.store(p.id_term, p.doc, p.fingerprint) == Upsert::added ? report_.added
                                                                        : report_.updated) += 1;
        report_.bytes += p.bytes;
        count_write();
    }

    void count_write() {
        if (++pending_ == options_.batch_size) {
            detail::guarded(index_.dir, "commit to", [&] { index_.db.commit(); });
            pending_ = 0;
        }
    }

    bool unreadable(std::string_view origin) const {
        return std::any_of(unreadable_.begin(), unreadable_.end(), [&](const std::string& u) {
            return origin == u || (origin.starts_with(u) && origin[u.size()] == '/');
        });
    }

    void prune_under(const std::string& origin) {
        if (unreadable(origin)) {
            return;
        }
        const bool directory = fs::is_directory(origin);
        const std::string scope = directory && origin != "/" ? origin + '/' : origin;
        std::vector<Xapian::docid> gone;
        const std::string prefix = origin_term_prefix(scope);
        Xapian::WritableDatabase& db = index_.db;
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
                if (stale(db.get_document(*p), directory ? scope : origin, directory)) {
                    gone.push_back(*p);
                }
            }
        }
        std::sort(gone.begin(), gone.end());
        gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
        for (const Xapian::docid id : gone) {
            index_.remove(id);
            ++report_.deleted;
            count_write();
        }
    }

    // Whether `doc`, read from a file under `scope`, is one this run did not see there.
    bool stale(const Xapian::Document& doc, const std::string& scope, bool directory) const {
        const std::string origin = doc.get_value(kOriginSlot);
        if (!(directory ? origin.starts_with(scope) : origin == scope) || unreadable(origin)) {
            return false;
        }
        const std::string id_term = detail::stored_id_term(doc);
        return id_term.empty() || !seen_.contains(id_term);
    }

    Index::Impl& index_;
    const IngestOptions& options_;
    IngestReport& report_;
    std::unordered_set<std::string> seen_; // id terms of every article read
    std::vector<std::string> unreadable_;  // files (or directories) with bad records
    std::size_t pending_ = 0;              // writes since the last commit
};

// Calls the progress callback at most every kProgressInterval, and always when `last`.
class Progress {
public:
    Progress(const IngestOptions& options, std::size_t total, std::uint64_t bytes_total,
             Clock::time_point start)
        : callback_(options.on_progress)
        , total_(total)
        , bytes_total_(bytes_total)
        , start_(start) {}

    void step(std::size_t done, std::uint64_t bytes, bool last = false) {
        const auto now = Clock::now();
        if (callback_ && (last || now - shown_ >= kProgressInterval)) {
            shown_ = now;
            callback_({done, total_ > 0 ? std::max(total_, done) : 0, bytes,
                       bytes_total_ > 0 ? std::max(bytes_total_, bytes) : 0,
                       std::chrono::duration<double>(now - start_).count()});
        }
    }

private:
    const std::function<void(const IngestProgress&)>& callback_;
    std::size_t total_;
    std::uint64_t bytes_total_;
    Clock::time_point start_;
    Clock::time_point shown_{};
};

void save_metadata(Index::Impl& index, const FirstReading& first, const BoilerplateModel& model,
                   bool changed) {
    detail::guarded(index.dir, "write to", [&] {
        if (const std::string learned = model.save(); learned != first.saved) {
            index.db.set_metadata(std::string(kBoilerplateKey), learned);
        }
        if (changed) {
            const auto now =
                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
            index.db.set_metadata(std::string(kUpdatedKey), fmt::format("{:%FT%TZ}", now));
        }
    });
}

} // namespace

IngestReport ingest(Index& index, std::span<const std::string> paths, const IngestOptions& options,
                    const std::function<void(const BadRecord&)>& on_bad) {
    const auto start = Clock::now();
    Index::Impl& impl = *index.impl_;
    const bool stdin_input = std::find(paths.begin(), paths.end(), "-") != paths.end();
    FirstReading first = read_first(impl, paths, options, !stdin_input);
    IngestReport report;
    Writer writer(impl, options, report);
    Progress progress(options, first.records, input_size(paths).value_or(0), start);
    detail::BoundedQueue<Sent> queue(kQueueDepth);
    std::exception_ptr failure;
    const Source source{paths, options, first.boilerplate,
                        options.analysis.boilerplate && stdin_input, impl.live};
    std::jthread reader([&](std::stop_token stop) { produce(stop, source, queue, failure); });
    std::size_t done = 0;
    std::uint64_t bytes_read = 0;
    while (auto sent = queue.pop()) {
        if (options.stop.stop_requested()) {
            report.interrupted = true;
            break;
        }
        if (auto* bad = std::get_if<BadRecord>(&sent->item); bad && on_bad) {
            on_bad(*bad);
        }
        done += std::holds_alternative<InputRead>(sent->item) ? 0 : 1;
        bytes_read = sent->bytes_read;
        writer.write(std::move(sent->item));
        progress.step(done, bytes_read);
    }
    reader.request_stop();
    reader.join();
    if (failure) {
        std::rethrow_exception(failure);
    }
    if (options.prune && !report.interrupted) {
        writer.prune(paths);
    }
    save_metadata(impl, first, first.boilerplate, writer.changed());
    index.commit();
    progress.step(done, bytes_read, true);
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return report;
}

} // namespace newsq
