#include "render/terminal.hpp"

namespace newsq::render {

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F || c1) {
            out += ' ';
            i += c1 ? 1 : 0;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string dotted(std::initializer_list<std::string_view> parts) {
    std::string line;
    for (const std::string_view part : parts) {
        if (!part.empty()) {
            line.append(line.empty() ? "" : " · ").append(part);
        }
    }
    return printable(line);
}

std::string highlighted(const Snippet& s, bool color) {
    if (!color) {
        return printable(s.text);
    }
    const std::string_view text = s.text;
    std::string out;
    std::size_t at = 0;
    for (const auto& [begin, end] : s.highlights) {
        out += printable(text.substr(at, begin - at));
        out += kBold;
        out += printable(text.substr(begin, end - begin));
        out += kReset;
        at = end;
    }
    out += printable(text.substr(at));
    return out;
}

std::string dim(std::string_view text, bool color) {
    if (!color) {
        return std::string(text);
    }
    return std::string(kDim).append(text).append(kReset);
}

std::string quote_line(const Snippet& text, const std::string& speaker, bool color) {
    std::string line = "\u201c" + highlighted(text, color) + "\u201d";
    if (!speaker.empty()) {
        line += " \u2014 " + printable(speaker);
    }
    return line;
}

} // namespace newsq::render
