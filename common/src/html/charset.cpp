#include "html/charset.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <memory>
#include <stdexcept>
#include <utility>

#include <iconv.h>

#include "text.hpp"

namespace newsq::detail::html {

namespace {

/// How far into a page a <meta> charset declaration counts, and the binary check looks.
constexpr std::size_t kPrescan = 8192;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_label_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ||
           c == ':';
}

/// The value after "charset=" at `text[at]`, without quotes, lower case.
std::string label_at(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '"' || text[at] == '\'')) {
        ++at;
    }
    std::size_t end = at;
    while (end < text.size() && text[end] != '"' && text[end] != '\'' && text[end] != ';' &&
           text[end] != ' ' && text[end] != '>' && text[end] != '/' && text[end] != ',') {
        ++end;
    }
    return lower(trim(text.substr(at, end - at)));
}

/// The label of the first "charset=" in `text` (case-insensitive), "" when none.
std::string find_charset(std::string_view text) {
    const std::string folded = lower(text);
    const std::size_t at = folded.find("charset");
    if (at == std::string::npos) {
        return {};
    }
    std::size_t i = at + 7;
    while (i < folded.size() && folded[i] == ' ') {
        ++i;
    }
    if (i >= folded.size() || folded[i] != '=') {
        return {};
    }
    return label_at(text, i + 1);
}

/// The iconv name of a charset label, after the WHATWG Encoding Standard's aliases (ISO-8859-1
/// and ASCII are read as Windows-1252, as browsers do).
std::string iconv_name(const std::string& label) {
    static const std::array<std::pair<std::string_view, std::string_view>, 24> aliases{{
        {"utf8", "UTF-8"},        {"unicode-1-1-utf-8", "UTF-8"},
        {"iso-8859-1", "CP1252"}, {"iso8859-1", "CP1252"},
        {"iso_8859-1", "CP1252"}, {"latin1", "CP1252"},
        {"l1", "CP1252"},         {"us-ascii", "CP1252"},
        {"ascii", "CP1252"},      {"windows-1252", "CP1252"},
        {"x-cp1252", "CP1252"},   {"cp819", "CP1252"},
        {"shift_jis", "CP932"},   {"shift-jis", "CP932"},
        {"sjis", "CP932"},        {"x-sjis", "CP932"},
        {"windows-31j", "CP932"}, {"ms_kanji", "CP932"},
        {"gb2312", "GB18030"},    {"gbk", "GB18030"},
        {"x-gbk", "GB18030"},     {"euc-kr", "CP949"},
        {"iso-8859-9", "CP1254"}, {"tis-620", "CP874"},
    }};
    for (const auto& [alias, name] : aliases) {
        if (label == alias) {
            return std::string(name);
        }
    }
    return label;
}

struct IconvClose {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using Converter = std::unique_ptr<void, IconvClose>;

Converter open_converter(const std::string& label) {
    const bool plain = !label.empty() && std::all_of(label.begin(), label.end(), is_label_char);
    iconv_t cd = plain ? iconv_open("UTF-8", iconv_name(label).c_str()) : iconv_t(-1);
    if (cd == iconv_t(-1)) {
        throw std::runtime_error("the page declares an unknown charset \"" + label + "\"");
    }
    return Converter(cd);
}

/// `bytes` converted from `label` to UTF-8, each byte iconv cannot convert as U+FFFD.
std::string convert(std::string_view bytes, const std::string& label) {
    const Converter converter = open_converter(label);
    const auto cd = static_cast<iconv_t>(converter.get());
    std::string out;
    std::array<char, 16384> buffer{};
    char* in = const_cast<char*>(bytes.data()); // iconv's signature; it does not write
    std::size_t in_left = bytes.size();
    while (in_left > 0) {
        char* to = buffer.data();
        std::size_t to_left = buffer.size();
        const std::size_t done = iconv(cd, &in, &in_left, &to, &to_left);
        out.append(buffer.data(), static_cast<std::size_t>(to - buffer.data()));
        if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
            out += kReplacement; // EILSEQ or EINVAL: an undefined or truncated sequence
            ++in;
            --in_left;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    return out;
}

/// `bytes` as UTF-8 with every invalid sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    while (!bytes.empty()) {
        const auto bad = invalid_utf8_offset(bytes);
        if (!bad) {
            out += bytes;
            break;
        }
        out += bytes.substr(0, *bad);
        out += kReplacement;
        bytes.remove_prefix(*bad + 1);
    }
    return out;
}

void check_not_binary(std::string_view bytes) {
    if (bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b') {
        throw std::runtime_error("the page is gzip-compressed data, not HTML");
    }
    const std::string_view head = bytes.substr(0, kPrescan);
    std::size_t controls = 0;
    for (const char c : head) {
        if (c == '\0') {
            throw std::runtime_error("the page is binary data (it holds NUL bytes), not HTML");
        }
        const auto u = static_cast<unsigned char>(c);
        controls += u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' ? 1 : 0;
    }
    if (controls * 100 > head.size()) {
        throw std::runtime_error("the page is binary data (control characters), not HTML");
    }
}

} // namespace

std::string charset_parameter(std::string_view content_type) {
    return find_charset(content_type);
}

std::string meta_charset(std::string_view html) {
    const std::string head = lower(html.substr(0, kPrescan));
    for (std::size_t at = head.find("<meta"); at != std::string::npos;
         at = head.find("<meta", at + 5)) {
        const std::size_t end = head.find('>', at);
        const std::string tag =
            head.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (std::string label = find_charset(tag); !label.empty()) {
            return label;
        }
    }
    return {};
}

std::string to_utf8(std::string_view bytes, std::string_view content_type) {
    if (trim(bytes).empty()) {
        throw std::runtime_error("the page is empty");
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        check_not_binary(bytes);
        return repair_utf8(bytes);
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return convert(bytes.substr(2), bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    }
    check_not_binary(bytes);
    std::string label = charset_parameter(content_type);
    if (label.empty()) {
        label = meta_charset(bytes);
        if (label.starts_with("utf-16")) {
            label = "utf-8"; // a page read as bytes cannot declare UTF-16 in ASCII
        }
    }
    if (label.empty()) {
        return invalid_utf8_offset(bytes) ? convert(bytes, "windows-1252") : std::string(bytes);
    }
    if (const std::string name = iconv_name(label); name == "UTF-8" || label == "utf-8") {
        return repair_utf8(bytes);
    }
    return convert(bytes, label);
}

} // namespace newsq::detail::html
