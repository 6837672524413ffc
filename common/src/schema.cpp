#include <newsq/schema.hpp>

#include "text.hpp"

namespace newsq {

std::string boolean_term(const Field& f, std::string_view value) {
    std::string term(f.prefix);
    const bool exact = f.name == "url" || f.name == "id";
    term += exact ? std::string(value) : detail::fold_case(detail::trim(value));
    if (term.size() <= kMaxTermBytes) {
        return term;
    }
    // Cut on a UTF-8 boundary and keep the terms of two long values apart with a hash.
    const std::string hash = detail::hash_hex(term);
    std::size_t cut = kMaxTermBytes - hash.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    term.resize(cut);
    term += '#';
    term += hash;
    return term;
}

} // namespace newsq
