// A manifest's text, which a replica receives from its master: it may list only database paths
// inside the index directory.
#include <cstdlib>

#include "fuzz.hpp"
#include "store/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    for (const std::string& path :
         newsq::detail::Layout::manifest_paths(newsq::fuzz::text(data, size))) {
        if (!path.starts_with("gen-") || path.find("..") != std::string::npos ||
            path.find("//") != std::string::npos || path.ends_with('/')) {
            std::abort();
        }
    }
    return 0;
}
