// The JSON Lines reader on gzip files: the input compressed, and the input as it is (a gzip
// file when it starts with the gzip magic, else read as plain text, as zlib reads such files).
#include <zlib.h>

#include "readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq::fuzz;
    const std::string compressed = (scratch_dir() / "compressed.jsonl.gz").string();
    gzFile out = gzopen(compressed.c_str(), "wb");
    require(out != nullptr, "a gzip file can be written");
    require(size == 0 || gzwrite(out, data, static_cast<unsigned>(size)) > 0, "gzwrite works");
    require(gzclose(out) == Z_OK, "gzclose works");
    read_and_check({compressed, write_file("raw.jsonl.gz", text(data, size)).string()});
    return 0;
}
