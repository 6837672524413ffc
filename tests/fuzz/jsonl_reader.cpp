// The JSON Lines reader, on a file of the input.
#include "readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq::fuzz;
    read_and_check({write_file("input.jsonl", text(data, size)).string()});
    return 0;
}
