#include <fmt/format.h>

#include "render/render.hpp"

namespace newsq::render {

namespace {

std::string csv_field(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(field);
    }
    std::string out = "\"";
    for (char c : field) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

} // namespace

void print_csv_header(std::FILE* out) {
    fmt::print(out, "rank,id,date,section,source,title,url,score\r\n");
}

void print_csv_hit(std::FILE* out, const Hit& h) {
    fmt::print(out, "{},{},{},{},{},{},{},{:.4f}\r\n", h.rank, csv_field(h.id),
               csv_field(h.published), csv_field(h.section), csv_field(h.source),
               csv_field(h.title), csv_field(h.url), h.score);
}

} // namespace newsq::render
