// newsq-gen: writes deterministic synthetic news articles as JSON Lines.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "article.hpp"
#include "json_line.hpp"

namespace {

constexpr std::size_t output_buffer_size = std::size_t{1} << 20U;

struct Options {
    std::uint64_t count = 0;
    std::uint64_t seed = 42;
    std::uint64_t start_id = 0;
    std::string out;
};

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

bool write_articles(const Options& options, std::FILE* out) {
    const newsq::gen::ArticleGenerator generator{options.seed};
    newsq::gen::Article article;
    for (std::uint64_t i = 0; i < options.count; ++i) {
        generator.generate(options.start_id + i + 1, article);
        const std::string line = newsq::gen::to_json_line(article);
        if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
            return false;
        }
    }
    return std::fflush(out) == 0;
}

int run(const Options& options) {
    if (options.out.empty()) {
        std::setvbuf(stdout, nullptr, _IOFBF, output_buffer_size);
        if (!write_articles(options, stdout)) {
            fmt::print(stderr, "newsq-gen: cannot write to standard output\n");
            return 1;
        }
        return 0;
    }
    FilePtr file{std::fopen(options.out.c_str(), "wb")};
    if (!file) {
        fmt::print(stderr, "newsq-gen: cannot open {}\n", options.out);
        return 1;
    }
    std::setvbuf(file.get(), nullptr, _IOFBF, output_buffer_size);
    if (!write_articles(options, file.get()) || std::fclose(file.release()) != 0) {
        fmt::print(stderr, "newsq-gen: cannot write {}\n", options.out);
        return 1;
    }
    return 0;
}

// CLI11 converts "-1" to an unsigned option by wrapping around, so negative values are rejected
// before conversion.
std::string reject_negative(const std::string& value) {
    return value.starts_with('-') ? "must not be negative" : "";
}

void add_options(CLI::App& app, Options& options) {
    const CLI::Validator non_negative{reject_negative, "NONNEGATIVE"};
    app.add_option("--count", options.count, "Number of articles to write")
        ->required()
        ->check(non_negative);
    app.add_option("--seed", options.seed, "Random seed")
        ->capture_default_str()
        ->check(non_negative);
    app.add_option("--out", options.out, "Output file (default: standard output)");
    app.add_option("--start-id", options.start_id,
                   "Offset added to article numbers; the first id is start-id + 1")
        ->capture_default_str()
        ->check(non_negative);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes deterministic synthetic news articles as JSON Lines."};
    Options options;
    add_options(app, options);
    CLI11_PARSE(app, argc, argv);
    return run(options);
}
