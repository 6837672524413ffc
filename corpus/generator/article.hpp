// Generation of one synthetic news article.
#pragma once

#include <cstdint>
#include <string>

#include "sampling.hpp"

namespace newsq::gen {

struct Article {
    std::string id;
    std::string url;
    std::string title;
    std::string section;
    std::string published;
    std::string source;
    std::string author;
    std::string body;
};

class ArticleGenerator {
public:
    explicit ArticleGenerator(std::uint64_t seed);

    // Overwrites `article` with article `number`; the result depends only on the seed and the
    // number, so any range of numbers can be generated independently.
    void generate(std::uint64_t number, Article& article) const;

private:
    std::uint64_t seed_;
    ZipfTable all_words_;
    ZipfTable content_words_;
};

} // namespace newsq::gen
