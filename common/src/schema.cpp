#include <stdexcept>

#include <fmt/format.h>

#include <newsq/analysis.hpp>
#include <newsq/schema.hpp>

#include "text.hpp"

namespace newsq {

namespace {

constexpr std::size_t kHashBytes = 32;

// Where a term longer than kMaxTermBytes is cut: room for '#' and a hash, on a UTF-8 boundary.
std::size_t cut_at(std::string_view term) {
    std::size_t cut = kMaxTermBytes - kHashBytes - 1;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return cut;
}

// Keeps the terms of two long values apart with a hash of the whole.
std::string cut_term(std::string term) {
    if (term.size() <= kMaxTermBytes) {
        return term;
    }
    const std::string hash = detail::hash_hex(term);
    term.resize(cut_at(term));
    term += '#';
    term += hash;
    return term;
}

} // namespace

std::string boolean_term(const Field& f, std::string_view value) {
    if (f.prefix.empty()) {
        throw std::invalid_argument(fmt::format("field {} has no filter terms of its own", f.name));
    }
    std::string term(f.prefix);
    // A language is stored as its code, and asked for as any tag naming it ("de-DE").
    const std::string code = f.member == &Article::language ? language_code(value) : "";
    if (!code.empty()) {
        term += code;
    } else {
        term += f.exact ? std::string(value) : detail::fold_case(detail::trim(value));
    }
    return cut_term(std::move(term));
}

std::string origin_term(std::string_view path) {
    return cut_term(std::string(kOriginPrefix).append(path));
}

std::string origin_term_prefix(std::string_view path) {
    std::string term = std::string(kOriginPrefix).append(path);
    if (term.size() > kMaxTermBytes - kHashBytes - 1) {
        term.resize(cut_at(term));
    }
    return term;
}

} // namespace newsq
