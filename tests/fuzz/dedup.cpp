// The near-duplicate fingerprint of a body, its band keys and its serialised form; and the
// input read as a stored fingerprint.
#include <newsq/dedup.hpp>
#include <newsq/error.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq;
    using fuzz::require;
    const std::string_view input = fuzz::text(data, size);
    try {
        (void)parse_fingerprint(input);
    } catch (const Error&) {
    }
    if (!fuzz::valid_utf8(input)) {
        return 0; // the readers let only UTF-8 text through
    }
    const Fingerprint f = fingerprint(input);
    require(parse_fingerprint(serialise(f)) == f, "a fingerprint reads back as written");
    const std::size_t keys = lsh_band_keys(f).size();
    require(keys == (f.shingles < kMinShingles ? 0 : kLshBands), "band keys as documented");
    require(similarity(f, f) == (f.shingles == 0 ? 0.0 : 1.0), "a body is its own copy");
    require(is_near_duplicate(f, f) == (f.shingles >= kMinShingles), "copies as documented");
    return 0;
}
