#include <chrono>
#include <exception>
#include <thread>
#include <variant>

#include <newsq/index.hpp>
#include <newsq/schema.hpp>

#include "index/bounded_queue.hpp"
#include "index/index_impl.hpp"

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

void produce(std::stop_token stop, std::span<const std::string> paths, const ReadOptions& read,
             detail::BoundedQueue<Item>& queue, std::exception_ptr& failure) {
    try {
        detail::DocumentBuilder builder;
        const auto send = [&](Item item) {
            if (!queue.push(std::move(item), stop)) {
                throw Stopped{};
            }
        };
        read_articles(paths,
                      {[&](Article&& a) {
                           send(Prepared{boolean_term(field("id"), a.id), builder.build(a),
                                         a.title.size() + a.body.size()});
                       },
                       [&](BadRecord&& bad) { send(std::move(bad)); }},
                      read);
    } catch (const Stopped&) {
    } catch (...) {
        failure = std::current_exception();
    }
    queue.close();
}

} // namespace

IngestReport ingest(Index& index, std::span<const std::string> paths, const IngestOptions& options,
                    const std::function<void(const BadRecord&)>& on_bad) {
    const auto start = std::chrono::steady_clock::now();
    IngestReport report;
    detail::BoundedQueue<Item> queue(kQueueDepth);
    std::exception_ptr failure;
    std::jthread reader(
        [&](std::stop_token stop) { produce(stop, paths, options.read, queue, failure); });
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
    index.commit();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace newsq
