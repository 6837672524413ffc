#include "fuzz.hpp"
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <newsq/index.hpp>

#include "text.hpp"

namespace newsq::fuzz {

namespace fs = std::filesystem;

bool valid_utf8(std::string_view text) {
    return !detail::invalid_utf8_offset(text);
}

std::pair<std::string_view, std::string_view> split_line(std::string_view text) {
    const auto end = text.find('\n');
    if (end == std::string_view::npos) {
        return {text, {}};
    }
    return {text.substr(0, end), text.substr(end + 1)};
}

void require(bool ok, std::string_view what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz: broken promise: %.*s\n", static_cast<int>(what.size()),
                     what.data());
        std::abort();
    }
}

void require_client_error(const Error& e) {
    require(e.code() == ErrorCode::query_syntax || e.code() == ErrorCode::invalid_argument,
            "a bad query or request is a client error");
}

void check_article(const Article& a) {
    require(!a.body.empty(), "an article has a body");
    const std::string_view date = a.published;
    const auto digits = [&](std::size_t from, std::size_t count) {
        return date.substr(from, count).find_first_not_of("0123456789") == std::string_view::npos;
    };
    const bool day = date.size() >= 10 && digits(0, 4) && date[4] == '-' && digits(5, 2) &&
                     date[7] == '-' && digits(8, 2);
    const bool stamp = day && date.size() == 20 && date[10] == 'T' && digits(11, 2) &&
                       date[13] == ':' && digits(14, 2) && date[16] == ':' && digits(17, 2) &&
                       date[19] == 'Z';
    require(date.empty() || (day && date.size() == 10) || stamp,
            "a date is YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    for (const std::string* field :
         {&a.id, &a.title, &a.section, &a.source, &a.author, &a.url, &a.published, &a.body}) {
        require(valid_utf8(*field), "article fields are UTF-8");
    }
}

namespace {

struct ScratchDir {
    fs::path path;

    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "newsq-fuzz-XXXXXX").string();
        require(mkdtemp(pattern.data()) != nullptr, "a scratch directory can be made");
        path = pattern;
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

} // namespace

const fs::path& scratch_dir() {
    static const ScratchDir dir;
    return dir.path;
}

fs::path write_file(std::string_view name, std::string_view bytes) {
    fs::path path = scratch_dir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    require(out.good(), "a scratch file can be written");
    return path;
}

const fs::path& fixture_index() {
    static const fs::path dir = [] {
        fs::path path = scratch_dir() / "index";
        Index index = Index::open(path);
        const std::string articles[] = {NEWSQ_FIXTURES "/articles"};
        const IngestReport report = ingest(index, articles);
        require(report.added > 0 && report.skipped.empty(), "the fixture index builds");
        return path;
    }();
    return dir;
}

} // namespace newsq::fuzz
