#include <array>

#include <fmt/format.h>

#include "render/render.hpp"
#include "render/terminal.hpp"

namespace newsq::render {

namespace {

constexpr std::array<std::pair<EntityType, std::string_view>, 3> kEntityHeadings = {{
    {EntityType::person, "people:"},
    {EntityType::organization, "organizations:"},
    {EntityType::place, "places:"},
}};

void print_field(std::FILE* out, std::string_view label, std::string_view value, bool color) {
    if (!value.empty()) {
        fmt::print(out, "{} {}\n", dim(fmt::format("{:<8}", label), color), printable(value));
    }
}

void print_body(std::FILE* out, std::string_view body) {
    while (!body.empty()) {
        const std::size_t end = body.find('\n');
        fmt::print(out, "{}\n", printable(body.substr(0, end)));
        body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    }
}

void print_entities(std::FILE* out, const std::vector<Entity>& entities, bool color) {
    for (const auto& [type, heading] : kEntityHeadings) {
        std::string names;
        for (const Entity& e : entities) {
            if (e.type == type) {
                names += fmt::format("{}{}", names.empty() ? "" : " · ", printable(e.name));
            }
        }
        if (!names.empty()) {
            fmt::print(out, "{} {}\n", dim(fmt::format("{:<14}", heading), color), names);
        }
    }
}

} // namespace

void print_article_text(std::FILE* out, const Article& a, bool color) {
    const std::string title = a.title.empty() ? "(no headline)" : printable(a.title);
    fmt::print(out, "{}\n", color ? std::string(kBold).append(title).append(kReset) : title);
    print_field(out, "id", a.id, color);
    print_field(out, "date", a.published, color);
    print_field(out, "section", a.section, color);
    print_field(out, "source", a.source, color);
    print_field(out, "author", a.author, color);
    print_field(out, "url", a.url, color);
    print_field(out, "language", a.language, color);
    fmt::print(out, "\n");
    print_body(out, a.body);
    if (!a.entities.empty()) {
        fmt::print(out, "\n");
        print_entities(out, a.entities, color);
    }
    if (!a.quotes.empty()) {
        fmt::print(out, "\n{}\n", dim("quotes:", color));
        for (const Quote& q : a.quotes) {
            fmt::print(out, "  {}\n", quote_line(Snippet{q.text, {}}, q.speaker, color));
        }
    }
}

} // namespace newsq::render
