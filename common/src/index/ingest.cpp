#include <chrono>

#include <newsq/index.hpp>

namespace newsq {

IngestReport ingest(Index& index, std::span<const std::string> paths, const IngestOptions& options,
                    const std::function<void(const BadRecord&)>& on_bad) {
    const auto start = std::chrono::steady_clock::now();
    IngestReport report;
    std::size_t pending = 0;
    const ReadSink sink{
        [&](Article&& article) {
            (index.add(article) == Upsert::added ? report.added : report.replaced) += 1;
            report.bytes += article.title.size() + article.body.size();
            if (++pending == options.batch_size) {
                index.commit();
                pending = 0;
            }
        },
        [&](BadRecord&& bad) {
            if (on_bad) {
                on_bad(bad);
            }
            report.skipped.push_back(std::move(bad));
        },
    };
    read_articles(paths, sink, options.read);
    index.commit();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace newsq
