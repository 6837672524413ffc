#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <newsq/reader.hpp>

#include "checks.hpp"
#include "text.hpp"

namespace newsq {

namespace {

// A paragraph: consecutive non-blank lines joined with spaces, with its first line number.
struct Block {
    std::string text;
    std::size_t line;
    std::size_t line_count;
};

std::vector<Block> split_blocks(std::string_view text) {
    std::vector<Block> blocks;
    bool in_block = false;
    std::size_t number = 0;
    for (std::string_view line : detail::split_lines(text)) {
        ++number;
        line = detail::trim(line);
        if (line.empty()) {
            in_block = false;
            continue;
        }
        if (!in_block) {
            blocks.push_back({std::string(line), number, 1});
            in_block = true;
        } else {
            blocks.back().text += ' ';
            blocks.back().text += line;
            ++blocks.back().line_count;
        }
    }
    return blocks;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

// The last character that is not a closing quote or bracket ("…war.”" gives '.').
char last_meaningful(std::string_view text) {
    constexpr std::array<std::string_view, 5> closers = {"\"", "'", ")", "\u201D", "\u2019"};
    for (bool stripped = true; stripped && !text.empty();) {
        stripped = false;
        for (std::string_view c : closers) {
            if (text.ends_with(c)) {
                text.remove_suffix(c.size());
                stripped = true;
            }
        }
    }
    return text.empty() ? '\0' : text.back();
}

bool is_known_section(std::string_view text) {
    static constexpr std::array<std::string_view, 48> sections = {
        "africa",     "americas",      "arts",        "asia",
        "books",      "business",      "climate",     "crime",
        "culture",    "defence",       "defense",     "economy",
        "education",  "entertainment", "environment", "europe",
        "fashion",    "film",          "finance",     "food",
        "health",     "law",           "lifestyle",   "local",
        "markets",    "media",         "middle east", "money",
        "music",      "national",      "news",        "opinion",
        "politics",   "religion",      "science",     "society",
        "sport",      "sports",        "style",       "tech",
        "technology", "travel",        "uk",          "us",
        "weather",    "world",         "world news",  "business news"};
    const std::string folded = detail::fold_case(text);
    return std::find(sections.begin(), sections.end(), folded) != sections.end();
}

// A section line is a short title-cased label: "World", "Middle East", "Arts & Culture".
bool looks_like_section(const Block& b) {
    if (b.line_count != 1 || b.text.size() > 40 || word_count(b.text) > 4) {
        return false;
    }
    const char last = last_meaningful(b.text);
    if (last == '.' || last == ':' || last == ',' || last == ';') {
        return false;
    }
    const char first = b.text.front();
    return (first >= 'A' && first <= 'Z') || static_cast<unsigned char>(first) >= 0x80;
}

// A headline is one short line that does not end like a sentence.
bool looks_like_headline(const Block& b) {
    const std::size_t words = word_count(b.text);
    return b.line_count <= 2 && b.text.size() <= 300 && words >= 2 && words <= 30 &&
           last_meaningful(b.text) != '.';
}

struct Header {
    std::string_view key;
    std::string_view value;
};

std::optional<Header> parse_header_line(std::string_view line) {
    static constexpr std::array<std::string_view, 8> keys = {
        "id", "date", "published", "source", "url", "author", "section", "language"};
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon > 12) {
        return std::nullopt;
    }
    const std::string key = detail::fold_case(line.substr(0, colon));
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) {
        return std::nullopt;
    }
    return Header{*it, detail::trim(line.substr(colon + 1))};
}

// Applies the header block; returns a bad record for an unusable value.
std::optional<BadRecord> apply_headers(std::string_view block_text, std::size_t first_line,
                                       Article& article) {
    std::size_t number = first_line;
    for (std::string_view line : detail::split_lines(block_text)) {
        const Header h = *parse_header_line(detail::trim(line));
        if (h.key == "date" || h.key == "published") {
            auto date = normalise_published(h.value);
            if (!date) {
                return BadRecord{"", number,
                                 fmt::format("unrecognised date \"{}\" (expected ISO 8601, "
                                             "e.g. 2022-03-17 or 2022-03-17T09:30:00Z)",
                                             h.value)};
            }
            article.published = std::move(*date);
        } else if (h.key == "id") {
            article.id = h.value;
        } else if (h.key == "source") {
            article.source = h.value;
        } else if (h.key == "url") {
            article.url = h.value;
        } else if (h.key == "author") {
            article.author = h.value;
        } else if (h.key == "language") {
            article.language = h.value;
        } else {
            article.section = h.value;
        }
        ++number;
    }
    return std::nullopt;
}

// The raw lines of the first paragraph, when every one of them is a known `Key: value` header.
std::optional<std::string> header_block(std::string_view text, const Block& first) {
    std::string raw;
    const auto lines = detail::split_lines(text);
    for (std::size_t i = first.line - 1; i < first.line - 1 + first.line_count; ++i) {
        if (!parse_header_line(detail::trim(lines[i]))) {
            return std::nullopt;
        }
        raw += lines[i];
        raw += '\n';
    }
    return raw;
}

} // namespace

ParseResult parse_text_article(std::string_view text, const ReadOptions& options) {
    if (auto bad = detail::check_raw_input(text, options)) {
        return *bad;
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::vector<Block> blocks = split_blocks(text);
    Article article;
    std::size_t next = 0;
    if (!blocks.empty()) {
        if (auto raw = header_block(text, blocks.front())) {
            if (auto bad = apply_headers(*raw, blocks.front().line, article)) {
                return *bad;
            }
            next = 1;
        }
    }
    const auto remaining = [&] { return blocks.size() - next; };
    if (remaining() >= 2 && article.section.empty() && looks_like_section(blocks[next]) &&
        (is_known_section(blocks[next].text) ||
         (remaining() >= 3 && looks_like_headline(blocks[next + 1])))) {
        article.section = std::move(blocks[next++].text);
    }
    if (remaining() >= 2 && looks_like_headline(blocks[next])) {
        article.title = std::move(blocks[next++].text);
    }
    if (remaining() == 0) {
        return BadRecord{"", 0, "empty article: no body text"};
    }
    for (; next < blocks.size(); ++next) {
        if (!article.body.empty()) {
            article.body += "\n\n";
        }
        article.body += blocks[next].text;
    }
    return article;
}

} // namespace newsq
