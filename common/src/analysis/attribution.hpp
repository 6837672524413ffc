#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/entities.hpp"
#include "analysis/quote_spans.hpp"
#include "analysis/tokens.hpp"

namespace newsq::detail {

/// A person's sex as far as "he" and "she" need it.
enum class Gender { unknown, female, male };

/// Who said each quotation of an article. Call `speaker` for the quotations in text order:
/// "he said" and a quotation with no cue of its own refer to the speakers found before.
class Attributor {
public:
    Attributor(std::span<const std::string_view> paragraphs,
               std::span<const std::vector<Token>> tokens, const EntityFindings& entities,
               const std::vector<QuoteSpan>& spans);

    /// The speaker of `s` and whether the text says it (a cue such as "said" next to it),
    /// rather than it being inferred from the quotations around it. An empty speaker: nobody
    /// named (an anonymous source, "they said", or no cue and no speaker before).
    struct Answer {
        std::string speaker;
        bool cued = false;
    };
    Answer speaker(const QuoteSpan& s);

private:
    using Range = std::pair<std::size_t, std::size_t>; // token indexes [first, last)

    // The words that say who spoke, next to a speech verb ("said") or a colon.
    struct Cue {
        std::size_t paragraph = 0;
        Range source{}; // the words naming the speaker: the clause next to the verb
        Range whole{};  // all the words on that side of the verb, in the sentence
        bool according = false;
        bool adjacent = false; // the verb stands right before the quotation
        Position end{};        // where the sentence that gives the speaker ends
    };

    // A speaker and where the text gives them.
    struct Said {
        Position at;
        std::string speaker;
    };

    std::optional<Cue> cue_after(Position close) const;
    std::optional<Cue> cue_before(Position open) const;
    std::optional<Cue> signature(Position close) const;
    bool named_aside(std::size_t paragraph, Range r) const;
    Position end_of(std::size_t paragraph, std::size_t last) const;
    bool comma_before(std::size_t paragraph, std::size_t k) const;
    Range subject(std::size_t paragraph, Range before_verb) const;
    std::string resolve(const Cue& cue) const;
    std::string resolve(const Cue& cue, Range r) const;
    const Mention* first_mention(std::size_t paragraph, Range r) const;
    std::string bare_name(std::size_t paragraph, Range r) const;
    std::optional<Said> last_said(Position at, Gender gender) const;
    void learn_genders();
    bool agrees(const std::string& name, Gender gender) const;
    bool is_subject(const Mention& m) const;
    bool inside_quote(Position pos) const;

    std::span<const std::string_view> paragraphs_;
    std::span<const std::vector<Token>> tokens_;
    const EntityFindings& entities_;
    const std::vector<QuoteSpan>& spans_;
    std::vector<Said> said_; // the speakers of the quotations so far, in text order
    std::unordered_map<std::string, Gender> genders_; // by canonical name, where known
};

} // namespace newsq::detail
