#include <fmt/format.h>

#include "render/render.hpp"
#include "render/terminal.hpp"

namespace newsq::render {

void print_similar_text(std::FILE* out, std::string_view id, const SimilarResults& results) {
    if (results.articles.empty()) {
        fmt::print(out, "no copies of {}\n", printable(id));
        return;
    }
    if (results.cluster) {
        fmt::print(out, "cluster {}: canonical {}\n", results.cluster->key,
                   printable(results.cluster->canonical));
    }
    for (const SimilarArticle& a : results.articles) {
        fmt::print(out, "{:.2f}  {}{}  {}  {}\n", a.similarity, printable(a.id),
                   a.canonical ? " (canonical)" : "", a.published.empty() ? "-" : a.published,
                   a.title.empty() ? "(no headline)" : printable(a.title));
    }
}

} // namespace newsq::render
