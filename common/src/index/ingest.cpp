#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>
#include <variant>

#include <newsq/index.hpp>
#include <newsq/schema.hpp>

#include "index/bounded_queue.hpp"
#include "index/index_impl.hpp"
#include "xapian_guard.hpp"

namespace newsq {

namespace {

// An article turned into its Xapian document, ready to write.
struct Prepared {
    std::string id_term;
    Xapian::Document doc;
    std::size_t bytes;
};

using Item = std::variant<Prepared, BadRecord>;

// Thrown from the reader's callbacks to abandon reading once the writer has stopped.
struct Stopped {};

// Deep enough that the writer never waits for the reader while a batch is being written.
constexpr std::size_t kQueueDepth = 256;

// What a run reads, analyses and learns.
struct Source {
    std::span<const std::string> paths;
    const IngestOptions& options;
    BoilerplateModel& boilerplate;
    bool learn_while_reading; // standard input is read only once
};

void produce(std::stop_token stop, const Source& source, detail::BoundedQueue<Item>& queue,
             std::exception_ptr& failure) {
    try {
        detail::DocumentBuilder builder;
        const Analyzer analyzer(source.options.analysis);
        const auto send = [&](Item item) {
            if (!queue.push(std::move(item), stop)) {
                throw Stopped{};
            }
        };
        read_articles(source.paths,
                      {[&](Article&& a) {
                           if (source.learn_while_reading) {
                               source.boilerplate.observe(a);
                           }
                           analyzer.analyze(a, &source.boilerplate);
                           send(Prepared{boolean_term(field("id"), a.id), builder.build(a),
                                         a.title.size() + a.body.size()});
                       },
                       [&](BadRecord&& bad) { send(std::move(bad)); }},
                      source.options.read);
    } catch (const Stopped&) {
    } catch (...) {
        failure = std::current_exception();
    }
    queue.close();
}

// The boilerplate learned by earlier runs and, when the input can be read twice, from a
// first reading of it.
BoilerplateModel learn_boilerplate(const std::filesystem::path& dir,
                                   const Xapian::WritableDatabase& db,
                                   std::span<const std::string> paths, const IngestOptions& options,
                                   bool input_rereadable) {
    BoilerplateModel model;
    const std::string saved =
        detail::guarded(dir, "read", [&] { return db.get_metadata(std::string(kBoilerplateKey)); });
    if (!saved.empty()) {
        model.load(saved);
    }
    if (options.analysis.boilerplate && input_rereadable) {
        read_articles(paths, {[&](Article&& a) { model.observe(a); }, [](BadRecord&&) {}},
                      options.read);
    }
    return model;
}

} // namespace

IngestReport ingest(Index& index, std::span<const std::string> paths, const IngestOptions& options,
                    const std::function<void(const BadRecord&)>& on_bad) {
    const auto start = std::chrono::steady_clock::now();
    IngestReport report;
    detail::BoundedQueue<Item> queue(kQueueDepth);
    std::exception_ptr failure;
    const bool stdin_input = std::find(paths.begin(), paths.end(), "-") != paths.end();
    BoilerplateModel boilerplate =
        learn_boilerplate(index.impl_->dir, index.impl_->db, paths, options, !stdin_input);
    const Source source{paths, options, boilerplate, options.analysis.boilerplate && stdin_input};
    std::jthread reader([&](std::stop_token stop) { produce(stop, source, queue, failure); });
    std::size_t pending = 0;
    while (auto item = queue.pop()) {
        if (auto* bad = std::get_if<BadRecord>(&*item)) {
            if (on_bad) {
                on_bad(*bad);
            }
            report.skipped.push_back(std::move(*bad));
            continue;
        }
        const auto& p = std::get<Prepared>(*item);
        (index.impl_->upsert(p.id_term, p.doc) == Upsert::added ? report.added : report.replaced) +=
            1;
        report.bytes += p.bytes;
        if (++pending == options.batch_size) {
            index.commit();
            pending = 0;
        }
    }
    reader.join();
    if (failure) {
        std::rethrow_exception(failure);
    }
    detail::guarded(index.impl_->dir, "write to", [&] {
        index.impl_->db.set_metadata(std::string(kBoilerplateKey), boilerplate.save());
    });
    index.commit();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace newsq
