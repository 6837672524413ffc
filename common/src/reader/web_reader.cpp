#include "reader/web_reader.hpp"
#include <stdexcept>

#include <fmt/format.h>

#include "article_fields.hpp"
#include "html/page.hpp"
#include "reader/checks.hpp"
#include "reader/warc_reader.hpp"
#include "text.hpp"

namespace newsq::detail {

namespace {

std::string_view skip_space_and_bom(std::string_view text) {
    for (;;) {
        if (text.starts_with("\xEF\xBB\xBF")) {
            text.remove_prefix(3);
        } else if (!text.empty() &&
                   (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                    text.front() == '\n' || text.front() == '\f')) {
            text.remove_prefix(1);
        } else {
            return text;
        }
    }
}

bool starts_with_folded(std::string_view text, std::string_view lower_prefix) {
    if (text.size() < lower_prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        const char c = text[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c) != lower_prefix[i]) {
            return false;
        }
    }
    return true;
}

Article to_article(WebPage&& page) {
    Article a;
    a.title = std::move(page.title);
    a.section = std::move(page.section);
    a.source = std::move(page.source);
    a.author = std::move(page.author);
    a.published = normalise_published(page.published).value_or("");
    a.body = std::move(page.body);
    a.language = std::move(page.language);
    if (page.url.find("://") != std::string::npos) {
        a.url = page.url;
    }
    a.id = page.url.empty() ? content_id(a) : std::move(page.url);
    return a;
}

// The article of a page, or why there is none.
ParseResult page_article(std::string_view html, const PageOrigin& origin,
                         const ReadOptions& options) {
    Article article;
    try {
        article = to_article(extract_page(html, origin));
    } catch (const std::runtime_error& e) {
        return BadRecord{"", 0, e.what()};
    }
    if (article.body.empty()) {
        return BadRecord{"", 0, "no article text"};
    }
    if (auto problem = check_raw_input(article.body, options)) {
        return BadRecord{"", 0, std::move(problem->reason)};
    }
    for (const ArticleField& field : kArticleFields) {
        if (invalid_utf8_offset(article.*field.member)) {
            return BadRecord{"", 0, fmt::format("the page's {} is not valid UTF-8", field.name)};
        }
    }
    return article;
}

void give(ParseResult&& parsed, const std::string& path, std::string_view where,
          const ReadSink& sink) {
    if (auto* bad = std::get_if<BadRecord>(&parsed)) {
        bad->path = path;
        if (!where.empty()) {
            bad->reason = fmt::format("{}: {}", where, bad->reason);
        }
        sink.bad_record(std::move(*bad));
        return;
    }
    sink.article(std::move(std::get<Article>(parsed)));
}

} // namespace

bool looks_like_html(std::string_view start) {
    const std::string_view text = skip_space_and_bom(start);
    return starts_with_folded(text, "<!doctype html") || starts_with_folded(text, "<html");
}

void read_html_page(std::string_view html, const std::string& path, std::string_view origin,
                    const ReadSink& sink, const ReadOptions& options) {
    give(page_article(html, PageOrigin{origin, ""}, options), path, "", sink);
}

void read_html_stream(ByteStream& in, const std::string& path, std::string_view origin,
                      const ReadSink& sink, const ReadOptions& options) {
    std::string html;
    in.read(options.max_article_bytes + 1, &html);
    if (!in.error().empty()) {
        sink.bad_record(BadRecord{path, 0, fmt::format("cannot read: {}", in.error())});
    } else if (html.size() > options.max_article_bytes) {
        sink.bad_record(BadRecord{
            path, 0, fmt::format("page is over the limit of {} bytes", options.max_article_bytes)});
    } else {
        read_html_page(html, path, origin, sink, options);
    }
}

void read_warc_articles(ByteStream& in, const std::string& path, const ReadSink& sink,
                        const ReadOptions& options) {
    const WarcSink warc{
        .page =
            [&](WarcPage&& page) {
                const PageOrigin origin{page.target_uri, page.content_type};
                give(page_article(page.html, origin, options), path, page.where, sink);
            },
        .passed_over =
            [&](std::string_view reason) {
                if (sink.passed_over) {
                    sink.passed_over(reason);
                }
            },
        .bad =
            [&](std::string reason) {
                sink.bad_record(BadRecord{path, 0, std::move(reason)});
            },
    };
    read_warc(in, warc, options.max_article_bytes);
}

} // namespace newsq::detail
