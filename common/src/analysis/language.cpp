#include <algorithm>
#include <array>
#include <cstdio> // compact_lang_det.h uses FILE without including it
#include <utility>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <newsq/analysis.hpp>

#include "text.hpp"

namespace newsq {

namespace {

// How much of an article CLD2 reads: its opening is enough to know its language, and a
// bound keeps the cost of a huge article flat.
constexpr std::size_t kDetectBytes = 16 * 1024;

// A declared language gives way only to a detection this sure of the whole text.
constexpr int kContradictPercent = 80;

// Old and macro-language codes, as CLD2 and some pages still write them, mapped to the
// code the index stores.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kAliases = {{
    {"iw", "he"}, // Hebrew
    {"in", "id"}, // Indonesian
    {"ji", "yi"}, // Yiddish
    {"jw", "jv"}, // Javanese
    {"no", "nb"}, // Norwegian: CLD2's is Bokmål (Nynorsk is "nn")
}};

bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
}

// The first `max` bytes of `text`, not cutting a UTF-8 character, with control characters
// made spaces: CLD2 takes text with them for invalid, and detects nothing.
std::string opening(std::string_view text, std::size_t max) {
    if (text.size() > max) {
        while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80) {
            --max;
        }
        text = text.substr(0, max);
    }
    std::string part(text);
    for (char& c : part) {
        const auto u = static_cast<unsigned char>(c);
        c = (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F ? ' ' : c;
    }
    return part;
}

struct Detection {
    std::string code;
    bool sure = false; // reliable, and most of the text
};

Detection cld2(std::string_view text, const std::string& hint) {
    const std::string part = opening(text, kDetectBytes);
    const CLD2::CLDHints hints{hint.empty() ? nullptr : hint.c_str(), nullptr,
                               CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    std::array<CLD2::Language, 3> top{};
    std::array<int, 3> percent{};
    std::array<double, 3> scores{};
    int text_bytes = 0;
    bool reliable = false;
    int valid_bytes = 0;
    const CLD2::Language found = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        part.data(), static_cast<int>(part.size()), true, &hints, 0, top.data(), percent.data(),
        scores.data(), nullptr, &text_bytes, &reliable, &valid_bytes);
    return {language_code(CLD2::LanguageCode(found)),
            reliable && top[0] == found && percent[0] >= kContradictPercent};
}

} // namespace

std::string language_code(std::string_view tag) {
    std::string code = detail::fold_case(detail::trim(tag));
    code = code.substr(0, std::min(code.find_first_of("-_"), code.size()));
    if (code.size() != 2 || !std::all_of(code.begin(), code.end(), is_letter) || code == "un" ||
        code == "xx") {
        return {};
    }
    for (const auto& [old, now] : kAliases) {
        if (code == old) {
            return std::string(now);
        }
    }
    return code;
}

std::string detect_language(std::string_view text, std::string_view declared) {
    const std::string given = language_code(declared);
    Detection found = cld2(text, given);
    if (given.empty() || (found.sure && !found.code.empty() && found.code != given)) {
        return std::move(found.code);
    }
    return given;
}

} // namespace newsq
