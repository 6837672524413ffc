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

#include "index/index_impl.hpp"
#include "index/producer.hpp"
#include "index/shard_writers.hpp"
#include "store/ids.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr auto kProgressInterval = std::chrono::milliseconds(100);

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
    first.saved = detail::guarded(index.dir, "read", [&] {
        return index.shards.front().get_metadata(std::string(kBoilerplateKey));
    });
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

// The bookkeeping side of a run, on the calling thread: hands what the producer gives to the
// shards' writers, keeps the report, prunes.
class Writer {
public:
    Writer(Index::Impl& index, const IngestOptions& options, IngestReport& report)
        : index_(index)
        , options_(options)
        , report_(report)
        , writers_(index, options.batch_size) {}

    // Returns false once a shard's writer has failed.
    bool write(detail::Item&& item) {
        if (auto* bad = std::get_if<BadRecord>(&item)) {
            if (const std::string origin = detail::origin_of(bad->path); !origin.empty()) {
                unreadable_.push_back(origin);
            }
            report_.skipped.push_back(std::move(*bad));
        } else if (auto* passed = std::get_if<detail::PassedOver>(&item)) {
            ++report_.passed_over[passed->reason];
        } else if (auto* same = std::get_if<detail::Unchanged>(&item)) {
            seen_.insert(std::move(same->id_term));
            ++report_.unchanged;
        } else if (auto* prepared = std::get_if<detail::Prepared>(&item)) {
            seen_.insert(prepared->id_term);
            return writers_.write(std::move(*prepared));
        }
        return true;
    }

    // Waits for the shards' writers to store everything handed to them.
    void finish() { writers_.finish(report_); }

    // Deletes what files under `paths` held before and no longer do. Call after finish.
    void prune(std::span<const std::string> paths) {
        for (const std::string& path : paths) {
            if (const std::string origin = detail::origin_of(path); !origin.empty()) {
                for (std::size_t k = 0; k < index_.shards.size(); ++k) {
                    detail::guarded(index_.dir, "prune", [&] { prune_under(k, origin); });
                }
            }
        }
    }

    bool changed() const { return report_.added + report_.updated + report_.deleted > 0; }

private:
    bool unreadable(std::string_view origin) const {
        return std::any_of(unreadable_.begin(), unreadable_.end(), [&](const std::string& u) {
            return origin == u || (origin.starts_with(u) && origin[u.size()] == '/');
        });
    }

    // Prunes shard `k`.
    void prune_under(std::size_t k, const std::string& origin) {
        if (unreadable(origin)) {
            return;
        }
        const bool directory = fs::is_directory(origin);
        const std::string scope = directory && origin != "/" ? origin + '/' : origin;
        std::vector<Xapian::docid> gone;
        const std::string prefix = origin_term_prefix(scope);
        Xapian::WritableDatabase& db = index_.shards[k];
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
            index_.remove(k, id);
            ++report_.deleted;
            if (++pending_ == options_.batch_size) {
                index_.commit(k);
                pending_ = 0;
            }
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
    detail::ShardWriters writers_;
    std::unordered_set<std::string> seen_; // id terms of every article read
    std::vector<std::string> unreadable_;  // files (or directories) with bad records
    std::size_t pending_ = 0;              // deletions since the last commit
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

// Saves what the run learned and when it changed the index in every shard, so that each is
// whole on its own (a multi-database reads metadata from its first shard).
void save_metadata(Index::Impl& index, const FirstReading& first, const BoilerplateModel& model,
                   bool changed) {
    const std::string learned = model.save();
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    detail::guarded(index.dir, "write to", [&] {
        for (Xapian::WritableDatabase& shard : index.shards) {
            if (learned != first.saved) {
                shard.set_metadata(std::string(kBoilerplateKey), learned);
            }
            if (changed) {
                shard.set_metadata(std::string(kUpdatedKey), fmt::format("{:%FT%TZ}", now));
            }
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
    const detail::Source source{paths, options, first.boilerplate,
                                options.analysis.boilerplate && stdin_input, impl.paths};
    detail::Producer producer(source, options.jobs > 0 ? options.jobs
                                                       : std::thread::hardware_concurrency());
    std::size_t done = 0;
    std::uint64_t bytes_read = 0;
    while (auto sent = producer.next()) {
        if (options.stop.stop_requested()) {
            report.interrupted = true;
            break;
        }
        if (auto* bad = std::get_if<BadRecord>(&sent->item); bad && on_bad) {
            on_bad(*bad);
        }
        done += std::holds_alternative<detail::InputRead>(sent->item) ? 0 : 1;
        bytes_read = sent->bytes_read;
        if (!writer.write(std::move(sent->item))) {
            break;
        }
        progress.step(done, bytes_read);
    }
    producer.finish();
    writer.finish();
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
