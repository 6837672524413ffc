// bench-web: the web input's costs. `extract` times the article extractor alone over HTML
// pages (each read once, extracted --repeat times) and prints pages/s and MB/s; `warc` writes a
// JSON Lines corpus as a WARC of HTML pages, one gzip member per record, so that web.sh can
// index the same articles from both.
//   usage: bench-web extract PAGE… [--repeat N]
//          bench-web warc CORPUS.jsonl OUT.warc.gz

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "html/page.hpp"
#include "warc_writer.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", path.string()));
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A gzip file's contents (one or more members).
std::string gunzip(const std::string& data) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) {
        throw std::runtime_error("inflateInit2 failed");
    }
    std::string out;
    std::vector<char> buffer(1 << 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int code = Z_OK;
    while (code != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        code = inflate(&z, Z_NO_FLUSH);
        if (code != Z_OK && code != Z_STREAM_END) {
            inflateEnd(&z);
            throw std::runtime_error("not a gzip file");
        }
        out.append(buffer.data(), buffer.size() - z.avail_out);
    }
    inflateEnd(&z);
    return out;
}

int extract(const std::vector<std::string>& paths, int repeat) {
    std::vector<std::string> pages;
    std::size_t bytes = 0;
    for (const std::string& p : paths) {
        std::string page = read_file(p);
        pages.push_back(p.ends_with(".gz") ? gunzip(page) : std::move(page));
        bytes += pages.back().size();
    }
    std::size_t failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) {
        for (const std::string& page : pages) {
            try {
                newsq::detail::extract_page(page, {});
            } catch (const std::runtime_error&) {
                ++failed;
            }
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double done = static_cast<double>(pages.size()) * repeat;
    fmt::print("engine=newsq\tverb=extract\tpages={}\tmb={:.2f}\trepeat={}\tseconds={:.3f}\t"
               "pages_per_s={:.1f}\tmb_per_s={:.2f}\tfailed={}\n",
               pages.size(), static_cast<double>(bytes) / 1e6, repeat, seconds, done / seconds,
               static_cast<double>(bytes) * repeat / 1e6 / seconds, failed / repeat);
    return 0;
}

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    }
    return out;
}

// An article as a news page: metadata in <meta> tags, the body's paragraphs in <article>,
// navigation and a footer around it.
std::string page_of(const nlohmann::json& a) {
    const auto field = [&](const char* name) { return escaped(a.value(name, std::string())); };
    std::string html = fmt::format(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} | {}</title>"
        "<meta property=\"og:title\" content=\"{}\"><meta property=\"og:site_name\" "
        "content=\"{}\"><meta property=\"article:published_time\" content=\"{}\">"
        "<meta property=\"article:section\" content=\"{}\"><meta name=\"author\" content=\"{}\">"
        "<link rel=\"canonical\" href=\"{}\"></head><body><nav><a href=\"/\">Home</a> "
        "<a href=\"/world\">World</a> <a href=\"/business\">Business</a></nav><article><h1>{}"
        "</h1>",
        field("title"), field("source"), field("title"), field("source"), field("published"),
        field("section"), field("author"), field("url"), field("title"));
    const std::string body = a.value("body", std::string());
    for (std::size_t start = 0; start < body.size();) {
        const std::size_t end = std::min(body.find("\n\n", start), body.size());
        html += "<p>" + escaped(std::string_view(body).substr(start, end - start)) + "</p>";
        start = end + 2;
    }
    return html + "</article><footer>Copyright. All rights reserved.</footer></body></html>";
}

int to_warc(const std::string& corpus, const std::string& out_path) {
    std::ifstream in(corpus);
    std::ofstream out(out_path, std::ios::binary);
    if (!in || !out) {
        throw std::runtime_error("cannot read the corpus or write the WARC");
    }
    out << newsq::test::gzip(newsq::test::warcinfo_record());
    std::size_t records = 0;
    for (std::string line; std::getline(in, line);) {
        const nlohmann::json a = nlohmann::json::parse(line);
        const std::string url = a.value("url", fmt::format("https://bench.example/{}", records));
        const std::string http =
            newsq::test::http_response(200, "text/html; charset=utf-8", page_of(a));
        out << newsq::test::gzip(newsq::test::response_record(url, http));
        ++records;
    }
    fmt::print("wrote {} records to {}\n", records, out_path);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"The web input's costs: extraction alone, and a corpus as a WARC"};
    app.require_subcommand(1);
    std::vector<std::string> pages;
    int repeat = 5;
    CLI::App* extract_cmd = app.add_subcommand("extract", "time the extractor over HTML pages");
    extract_cmd->add_option("pages", pages, "HTML pages (.html or .html.gz)")->required();
    extract_cmd->add_option("--repeat", repeat, "passes over the pages")
        ->check(CLI::PositiveNumber);
    std::string corpus, warc;
    CLI::App* warc_cmd = app.add_subcommand("warc", "write a JSON Lines corpus as a WARC");
    warc_cmd->add_option("corpus", corpus, "JSON Lines articles")->required();
    warc_cmd->add_option("out", warc, "the .warc.gz to write")->required();
    CLI11_PARSE(app, argc, argv);
    try {
        return extract_cmd->parsed() ? extract(pages, repeat) : to_warc(corpus, warc);
    } catch (const std::exception& e) {
        fmt::print(stderr, "bench-web: {}\n", e.what());
        return 2;
    }
}
