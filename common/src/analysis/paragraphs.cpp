#include "analysis/paragraphs.hpp"

#include "text.hpp"

namespace newsq::detail {

std::vector<std::string_view> split_paragraphs(std::string_view body) {
    std::vector<std::string_view> paragraphs;
    for (std::string_view line : split_lines(body)) {
        if (line = trim(line); !line.empty()) {
            paragraphs.push_back(line);
        }
    }
    return paragraphs;
}

std::string join_paragraphs(const std::vector<std::string_view>& paragraphs) {
    std::string body;
    for (std::string_view p : paragraphs) {
        if (!body.empty()) {
            body += "\n\n";
        }
        body += p;
    }
    return body;
}

} // namespace newsq::detail
