// Word lists and publication data embedded in the generator, so it needs no data files.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace newsq::gen {

// Function words, most frequent first.
std::span<const std::string_view> function_words();
// Content words, most frequent first; they rank below every function word.
std::span<const std::string_view> content_words();

std::span<const std::string_view> first_names();
std::span<const std::string_view> surnames();
std::span<const std::string_view> places();
std::span<const std::string_view> organisations();

enum class RoleTarget { organisation, place };

// An appositive for a person's first mention: the prefix is followed by an organisation or place.
struct Role {
    std::string_view prefix;
    RoleTarget target;
};

std::span<const Role> roles();

struct Section {
    std::string_view name;
    std::string_view slug;
    int weight;
    std::span<const std::string_view> topics;
};

std::span<const Section> sections();

struct Source {
    std::string_view name;
    std::string_view host;
    bool curly_quotes;
    // Indices into footer_templates(), in the order the source prints them.
    std::array<std::uint8_t, 3> footer;
};

std::span<const Source> sources();

// Web boilerplate lines; {source}, {year} and {headline} are filled in per article.
std::span<const std::string_view> footer_templates();

} // namespace newsq::gen
