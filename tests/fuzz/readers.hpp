// What the reader harnesses share.
#pragma once

#include <string>
#include <vector>

#include <newsq/reader.hpp>

#include "fuzz.hpp"

namespace newsq::fuzz {

/// Smaller than the default, so that inputs of the fuzzer's size also reach the limit.
inline constexpr ReadOptions kReadOptions{.max_article_bytes = 16 * 1024};

/// Reads `paths` as `newsindex add` does, checking every article and bad record given.
inline void read_and_check(const std::vector<std::string>& paths) {
    const ReadSink sink{
        .article =
            [](Article&& a) {
                check_article(a);
                require(!a.id.empty(), "every article read gets an id");
            },
        .bad_record =
            [](BadRecord&& bad) { require(!bad.reason.empty(), "a bad record says why"); },
    };
    read_articles(paths, sink, kReadOptions);
}

} // namespace newsq::fuzz
