#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <unistd.h>
#include <zlib.h>

#include <newsq/reader.hpp>

#include "reader/byte_stream.hpp"
#include "reader/warc_reader.hpp"
#include "reader/web_reader.hpp"
#include "text.hpp"

namespace newsq {

namespace fs = std::filesystem;

namespace {

enum class Format { text, json_lines, json_lines_gz, html, warc };

// How much of standard input is looked at to tell what it holds.
constexpr std::size_t kSniffBytes = 4096;

bool ends_with(const fs::path& p, std::string_view suffix) {
    return p.filename().string().ends_with(suffix);
}

bool is_html_file(const fs::path& p) {
    return ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".html.gz") ||
           ends_with(p, ".htm.gz");
}

bool is_warc_file(const fs::path& p) {
    return ends_with(p, ".warc") || ends_with(p, ".warc.gz");
}

Format format_of(const fs::path& p) {
    if (is_warc_file(p)) {
        return Format::warc;
    }
    if (is_html_file(p)) {
        return Format::html;
    }
    if (ends_with(p, ".gz")) {
        return Format::json_lines_gz;
    }
    if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson")) {
        return Format::json_lines;
    }
    return Format::text;
}

bool is_article_file(const fs::path& p) {
    return ends_with(p, ".txt") || ends_with(p, ".jsonl") || ends_with(p, ".ndjson") ||
           ends_with(p, ".jsonl.gz") || is_html_file(p) || is_warc_file(p);
}

// zlib's messages start with the file's path, which the report names already.
std::string without_path(std::string_view message) {
    const auto colon = message.rfind(": ");
    return std::string(colon == std::string_view::npos ? message : message.substr(colon + 2));
}

// Told of the bytes of input consumed since it was last told.
using Consumed = std::function<void(std::uint64_t bytes)>;

// Reads lines from a plain or gzip-compressed file or stream, keeping at most `limit` bytes
// of a line (the rest is skipped and the line marked oversized); `error()` says why reading
// stopped early.
class LineReader {
public:
    /// Reads the lines of the file at `path`, telling `consumed` of the bytes read from it.
    LineReader(const fs::path& path, std::size_t limit, Consumed consumed)
        : file_(gzopen(path.c_str(), "rb"))
        , limit_(limit)
        , consumed_(std::move(consumed)) {
        init();
    }

    /// Reads the lines of `stream`, whose `source_error` tells of a read error.
    LineReader(std::unique_ptr<detail::ByteStream> stream, const std::string& source_error,
               std::size_t limit)
        : limit_(limit)
        , stream_(std::move(stream))
        , source_error_(&source_error) {}

    bool next(std::string& line) {
        line.clear();
        oversized_ = false;
        if (pending_) {
            line = std::move(pending_->line);
            oversized_ = pending_->oversized;
            pending_.reset();
            return true;
        }
        if (stream_) {
            return next_from_stream(line);
        }
        if (file_ == nullptr) {
            return false;
        }
        char buffer[1 << 16];
        while (gzgets(file_.get(), buffer, sizeof buffer) != nullptr) {
            std::string_view chunk(buffer);
            const bool end = chunk.ends_with('\n');
            chunk.remove_suffix(end ? 1 : 0);
            oversized_ = oversized_ || line.size() + chunk.size() > limit_;
            if (!oversized_) {
                line += chunk;
            }
            if (end) {
                tell_consumed();
                return true;
            }
        }
        tell_consumed();
        check_error();
        return error_.empty() && (!line.empty() || oversized_);
    }

    /// Gives the line just read back, to be returned again by the next call to next().
    void unread(std::string line) { pending_ = Pending{std::move(line), oversized_}; }

    bool oversized() const { return oversized_; }
    const std::string& error() const { return error_; }

private:
    bool next_from_stream(std::string& line) {
        const std::size_t consumed = stream_->read_line(line, limit_, oversized_);
        error_ = !stream_->error().empty() ? stream_->error() : *source_error_;
        return consumed > 0 && error_.empty();
    }

    // Tells `consumed_` how far reading the file has got since it was last told.
    void tell_consumed() {
        const auto offset = gzoffset(file_.get());
        if (!consumed_ || offset < 0 || static_cast<std::uint64_t>(offset) <= told_) {
            return;
        }
        consumed_(static_cast<std::uint64_t>(offset) - told_);
        told_ = static_cast<std::uint64_t>(offset);
    }

    void init() {
        if (file_ == nullptr) {
            error_ = std::strerror(errno);
        } else {
            gzbuffer(file_.get(), 1 << 17);
        }
    }

    void check_error() {
        int code = 0;
        const char* message = gzerror(file_.get(), &code);
        if (code == Z_BUF_ERROR) {
            error_ = "truncated gzip file (unexpected end of data)";
        } else if (code != Z_OK) {
            error_ = code == Z_ERRNO ? std::strerror(errno) : without_path(message);
        }
    }

    struct Closer {
        void operator()(gzFile f) const { gzclose(f); }
    };
    std::unique_ptr<gzFile_s, Closer> file_;
    std::size_t limit_;
    Consumed consumed_;
    std::uint64_t told_ = 0; // file offset `consumed_` has been told of
    struct Pending {
        std::string line;
        bool oversized;
    };
    std::optional<Pending> pending_;
    std::unique_ptr<detail::ByteStream> stream_;
    const std::string* source_error_ = nullptr;
    std::string error_;
    bool oversized_ = false;
};

// An open file descriptor, closed with it.
class Descriptor {
public:
    explicit Descriptor(int fd)
        : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }

    int get() const { return fd_; }

private:
    int fd_;
};

// Whether the first bytes of an input tell what it holds: a line of text, or enough bytes.
bool telling(std::string_view start) {
    const std::string peek = detail::peek_decompressed(start);
    const std::size_t text = peek.find_first_not_of(" \t\r\n\f\xEF\xBB\xBF");
    return text != std::string::npos &&
           (peek.size() - text >= 64 || peek.find('\n', text) != std::string::npos);
}

// The first bytes of `source`, as many as tell what it holds (see telling()).
std::string sniff(const detail::ByteSource& source) {
    std::string start(kSniffBytes, '\0');
    std::size_t size = 0;
    while (size < start.size() && !telling(std::string_view(start).substr(0, size))) {
        const std::size_t got = source(std::span(start.data() + size, start.size() - size));
        if (got == 0) {
            break;
        }
        size += got;
    }
    start.resize(size);
    return start;
}

// The article files under `dir` (hidden entries skipped), in order; `ec` tells of a listing
// error.
std::vector<fs::path> article_files(const fs::path& dir, std::error_code& ec) {
    std::vector<fs::path> files;
    auto it = fs::recursive_directory_iterator(dir, fs::directory_options::none, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().starts_with('.')) {
            if (it->is_directory()) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file() && is_article_file(p)) {
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The size of the file at `path`; 0 when it cannot be told.
std::uint64_t size_of(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

class Walker {
public:
    Walker(const ReadSink& sink, const ReadOptions& options)
        : sink_(sink)
        , options_(options) {}

    void read_path(const std::string& arg) {
        if (arg == "-") {
            read_stdin();
            return;
        }
        const fs::path path(arg);
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec) {
            report(arg, 0, fmt::format("cannot read: {}", ec.message()));
        } else if (fs::is_directory(status)) {
            read_directory(path);
        } else {
            read_file(path, path.lexically_normal().generic_string(), format_of(path));
        }
    }

private:
    void tell_consumed(std::uint64_t bytes) {
        file_consumed_ += bytes;
        if (sink_.consumed && bytes > 0) {
            sink_.consumed(bytes);
        }
    }

    // `source`, telling the sink of the bytes it gives.
    detail::ByteSource counted(detail::ByteSource source) {
        return [this, source = std::move(source)](std::span<char> buffer) {
            const std::size_t got = source(buffer);
            tell_consumed(got);
            return got;
        };
    }

    void report(const std::string& path, std::size_t line, std::string reason) {
        sink_.bad_record(BadRecord{path, line, std::move(reason)});
    }

    void read_directory(const fs::path& dir) {
        std::error_code ec;
        const std::vector<fs::path> files = article_files(dir, ec);
        if (ec) {
            report(dir.generic_string(), 0, fmt::format("cannot list: {}", ec.message()));
        }
        for (const fs::path& p : files) {
            read_file(p, p.lexically_relative(dir).generic_string(), format_of(p));
        }
    }

    // Reads the file, then counts what is left of its size as consumed: it has been handled.
    void read_file(const fs::path& path, const std::string& relative, Format format) {
        if (sink_.file) {
            sink_.file(path.generic_string());
        }
        const std::uint64_t size = size_of(path);
        file_consumed_ = 0;
        read_file_content(path, relative, format, size);
        if (size > file_consumed_) {
            tell_consumed(size - file_consumed_);
        }
    }

    void read_file_content(const fs::path& path, const std::string& relative, Format format,
                           std::uint64_t size) {
        if (format == Format::html || format == Format::warc) {
            read_web_file(path, relative, format);
            return;
        }
        if (format != Format::text) {
            LineReader lines(path, options_.max_article_bytes,
                             [this](std::uint64_t bytes) { tell_consumed(bytes); });
            read_json_lines(path.generic_string(), lines);
            return;
        }
        if (size > options_.max_article_bytes) {
            report(path.generic_string(), 0, too_large(size));
            return;
        }
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        tell_consumed(text.size());
        if (!in && !in.eof()) {
            report(path.generic_string(), 0, fmt::format("cannot read: {}", std::strerror(errno)));
            return;
        }
        read_text(path.generic_string(), relative, text);
    }

    void read_web_file(const fs::path& path, const std::string& relative, Format format) {
        const std::string name = path.generic_string();
        const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (file.get() < 0) {
            report(name, 0, fmt::format("cannot read: {}", std::strerror(errno)));
            return;
        }
        std::string error;
        detail::ByteStream in(counted(detail::fd_source(file.get(), error)));
        if (format == Format::warc) {
            detail::read_warc_articles(in, name, sink_, options_);
        } else {
            detail::read_html_stream(in, name, relative, sink_, options_);
        }
        if (!error.empty()) {
            report(name, 0, fmt::format("cannot read: {}", error));
        }
    }

    void read_text(const std::string& path, const std::string& relative, std::string_view text) {
        ParseResult parsed = parse_text_article(text, options_);
        if (auto* bad = std::get_if<BadRecord>(&parsed)) {
            bad->path = path;
            sink_.bad_record(std::move(*bad));
            return;
        }
        auto& article = std::get<Article>(parsed);
        if (article.id.empty()) {
            article.id = !article.url.empty() ? article.url
                         : relative.empty()   ? content_id(article)
                                              : relative;
        }
        sink_.article(std::move(article));
    }

    std::string too_large(std::uintmax_t size) const {
        return fmt::format("article is {} bytes, over the limit of {} bytes", size,
                           options_.max_article_bytes);
    }

    void read_json_lines(const std::string& path, LineReader& lines) {
        std::string line;
        std::size_t number = 0;
        while (lines.next(line)) {
            ++number;
            if (lines.oversized()) {
                report(
                    path, number,
                    fmt::format("line is over the limit of {} bytes", options_.max_article_bytes));
                continue;
            }
            if (detail::trim(line).empty()) {
                continue;
            }
            ParseResult parsed = parse_json_article(line, options_);
            if (auto* bad = std::get_if<BadRecord>(&parsed)) {
                report(path, number, std::move(bad->reason));
                continue;
            }
            auto& article = std::get<Article>(parsed);
            if (article.id.empty()) {
                article.id = article.url.empty() ? content_id(article) : article.url;
            }
            sink_.article(std::move(article));
        }
        if (!lines.error().empty()) {
            report(path, number + 1, fmt::format("cannot read: {}", lines.error()));
        }
    }

    // Standard input (plain or gzip-compressed) holds a WARC stream when it starts with
    // "WARC/1.", an HTML page when it starts so, JSON Lines when it starts with '{', else one
    // plain-text article.
    void read_stdin() {
        if (sink_.file) {
            sink_.file("-");
        }
        std::string error;
        detail::ByteSource raw = counted(detail::fd_source(STDIN_FILENO, error));
        std::string start = sniff(raw);
        const std::string peek = detail::peek_decompressed(start);
        auto stream = std::make_unique<detail::ByteStream>(
            detail::prefixed_source(std::move(start), std::move(raw)));
        if (detail::looks_like_warc(peek)) {
            detail::read_warc_articles(*stream, "-", sink_, options_);
        } else if (detail::looks_like_html(peek)) {
            detail::read_html_stream(*stream, "-", "", sink_, options_);
        } else {
            LineReader lines(std::move(stream), error, options_.max_article_bytes);
            read_stdin_lines(lines);
            return;
        }
        if (!error.empty()) {
            report("-", 0, fmt::format("cannot read: {}", error));
        }
    }

    // JSON Lines when the first line that is not blank starts with '{', else one article.
    void read_stdin_lines(LineReader& lines) {
        std::string line;
        while (lines.next(line) && !lines.oversized() && detail::trim(line).empty()) {
        }
        if (detail::trim(line).starts_with('{') || lines.oversized()) {
            lines.unread(std::move(line));
            read_json_lines("-", lines);
            return;
        }
        std::string text = line;
        while (lines.next(line) && !lines.oversized() &&
               text.size() <= options_.max_article_bytes) {
            text += '\n';
            text += line;
        }
        if (!lines.error().empty()) {
            report("-", 0, fmt::format("cannot read: {}", lines.error()));
        } else if (lines.oversized() || text.size() > options_.max_article_bytes) {
            report(
                "-", 0,
                fmt::format("article is over the limit of {} bytes", options_.max_article_bytes));
        } else {
            read_text("-", "", text);
        }
    }

    const ReadSink& sink_;
    const ReadOptions& options_;
    std::uint64_t file_consumed_ = 0; // bytes of the file being read told of so far
};

} // namespace

void read_articles(std::span<const std::string> paths, const ReadSink& sink,
                   const ReadOptions& options) {
    Walker walker(sink, options);
    for (const std::string& path : paths) {
        walker.read_path(path);
    }
}

std::optional<std::uint64_t> input_size(std::span<const std::string> paths) {
    std::uint64_t total = 0;
    for (const std::string& arg : paths) {
        if (arg == "-") {
            return std::nullopt;
        }
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (const fs::path& p : article_files(arg, ec)) {
                total += size_of(p);
            }
        } else {
            total += size_of(arg);
        }
    }
    return total;
}

std::string content_id(const Article& article) {
    return "hash:" + detail::hash_hex(article.title + '\n' + article.body);
}

} // namespace newsq
