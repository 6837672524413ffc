#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

// The labels of the statistical name tagger: BIO over words, for people, organisations,
// places and other names (MISC, learned so that it is not confused with the rest, then dropped).
namespace newsq::detail::ner {

enum class NameType : std::uint8_t { none, person, organization, place, misc };

inline constexpr std::size_t kTypes = 5;

inline constexpr std::array<std::string_view, kTypes> kTypeNames = {"O", "PER", "ORG", "LOC",
                                                                    "MISC"};

enum class Label : std::uint8_t { O, B_PER, I_PER, B_ORG, I_ORG, B_LOC, I_LOC, B_MISC, I_MISC };

inline constexpr std::size_t kLabels = 9;

/// The previous label of a word, or the start of its sentence (kLabels).
inline constexpr std::size_t kStart = kLabels;

inline constexpr std::array<std::string_view, kLabels + 1> kLabelNames = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "<S>"};

constexpr NameType type_of(Label label) {
    return label == Label::O ? NameType::none
                             : static_cast<NameType>((static_cast<int>(label) + 1) / 2);
}

constexpr bool begins(Label label) {
    return label != Label::O && static_cast<int>(label) % 2 == 1;
}

constexpr bool inside(Label label) {
    return label != Label::O && !begins(label);
}

constexpr Label begin_label(NameType type) {
    return type == NameType::none ? Label::O : static_cast<Label>(static_cast<int>(type) * 2 - 1);
}

constexpr Label inside_label(NameType type) {
    return type == NameType::none ? Label::O : static_cast<Label>(static_cast<int>(type) * 2);
}

/// Whether `label` may follow `previous` (a label index or kStart): I-X only after B-X or I-X.
constexpr bool may_follow(std::size_t previous, Label label) {
    if (label == Label::O || begins(label)) {
        return true;
    }
    return previous < kLabels && type_of(static_cast<Label>(previous)) == type_of(label);
}

} // namespace newsq::detail::ner
