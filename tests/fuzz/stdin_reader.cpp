// Standard input, as `newsindex add -` reads it: JSON Lines or one plain-text article, either
// of them possibly gzip-compressed.
#include <fcntl.h>
#include <unistd.h>

#include "readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace newsq::fuzz;
    const int input = open(write_file("stdin", text(data, size)).c_str(), O_RDONLY);
    const int saved = dup(STDIN_FILENO);
    require(input >= 0 && saved >= 0 && dup2(input, STDIN_FILENO) == STDIN_FILENO,
            "standard input can be redirected");
    close(input);
    read_and_check({"-"});
    dup2(saved, STDIN_FILENO);
    close(saved);
    return 0;
}
