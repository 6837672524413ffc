#include "article.hpp"
#include <algorithm>
#include <array>
#include <chrono>
#include <iterator>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "lexicon.hpp"

namespace newsq::gen {
namespace {

// Quantiles of a log-normal length (median 4.2 KB, sigma 0.5) clipped to 1-15 KB, in steps of
// 1/32. Interpolating between them gives a skewed distribution without floating point, whose
// rounding could differ between platforms.
constexpr auto body_length_quantiles = std::to_array<std::uint64_t>({
    1000, 1673, 1971, 2196, 2388, 2562, 2724, 2879, 3030, 3178,  3324,
    3471, 3620, 3770, 3924, 4082, 4245, 4415, 4592, 4779, 4978,  5191,
    5420, 5670, 5947, 6258, 6615, 7034, 7545, 8205, 9141, 10773, 15000,
});
constexpr std::uint64_t interpolation_steps = 1024;

constexpr auto first_day = std::chrono::sys_days{std::chrono::year{2015} / 1 / 1};
constexpr auto end_day = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
constexpr std::uint64_t minutes_per_day = 24 * 60;

constexpr std::string_view war_crimes = "war crimes";
constexpr int war_crimes_percent = 3;
constexpr int war_crimes_repeat_percent = 10;

// Paragraph and cast sizes, listed as often as they should be drawn.
constexpr auto paragraph_sentences = std::to_array<int>({1, 1, 2, 2, 2, 3, 3, 3, 4, 4});
constexpr auto cast_sizes = std::to_array<std::size_t>({1, 1, 2, 2, 2, 3, 3, 4});
// The article's first topic word is the one it returns to most.
constexpr auto topic_choices = std::to_array<std::size_t>({0, 0, 0, 1, 1, 2});

// Cumulative thresholds out of 1024 for what fills a word slot in running text; the rest of the
// slots take a word from the vocabulary.
constexpr std::uint64_t person_slots = 14;
constexpr std::uint64_t place_slots = 27;
constexpr std::uint64_t organisation_slots = 35;
constexpr std::uint64_t number_slots = 45;
constexpr std::uint64_t topic_slots = 72;
// Chance out of 128 that a comma precedes a word.
constexpr std::uint64_t comma_chance = 8;

constexpr int quote_percent = 12;
constexpr int lead_attribution_percent = 15;
constexpr int role_percent = 60;
constexpr int co_author_percent = 6;
constexpr int footer_percent = 50;
constexpr int min_headline_words = 5;
constexpr int max_headline_words = 12;
constexpr int headline_entity_percent = 60;
constexpr int headline_topic_percent = 60;
constexpr int headline_war_crimes_percent = 40;
constexpr int headline_function_word_percent = 25;

constexpr std::uint64_t zipf_offset = 2;
constexpr std::size_t max_slug_length = 60;

struct QuoteMarks {
    std::string_view open;
    std::string_view close;
};

constexpr QuoteMarks curly_quotes{"“", "”"};
constexpr QuoteMarks straight_quotes{"\"", "\""};

struct Transliteration {
    std::string_view from;
    char to;
};

// Covers the accented letters that occur in the name lists.
constexpr auto transliterations = std::to_array<Transliteration>({
    {"á", 'a'},
    {"ã", 'a'},
    {"å", 'a'},
    {"Å", 'a'},
    {"č", 'c'},
    {"ć", 'c'},
    {"é", 'e'},
    {"ë", 'e'},
    {"í", 'i'},
    {"ñ", 'n'},
    {"ń", 'n'},
    {"ó", 'o'},
    {"ö", 'o'},
    {"ø", 'o'},
    {"ś", 's'},
    {"ú", 'u'},
    {"ü", 'u'},
});

// One engine output serves a whole word slot: the high half picks the vocabulary word and the low
// bits decide the slot's kind and the comma before it. A single draw per word keeps the
// generator fast.
struct SlotDraw {
    std::uint64_t bits;

    std::uint32_t word_bits() const { return static_cast<std::uint32_t>(bits >> 32U); }
    std::uint64_t kind() const { return bits & 1023U; }
    bool comma() const { return ((bits >> 10U) & 127U) < comma_chance; }
};

struct Person {
    std::string_view first;
    std::string_view last;
    bool mentioned = false;
};

constexpr bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}

constexpr bool is_ascii_alnum(char c) {
    return is_ascii_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

constexpr char to_ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

void capitalise(std::string& text, std::size_t at) {
    if (at < text.size() && is_ascii_lower(text[at])) {
        text[at] = static_cast<char>(text[at] - 'a' + 'A');
    }
}

int word_count(std::string_view text) {
    if (text.empty()) {
        return 0;
    }
    return 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
}

// Appends a piece of a space-separated line that started at `start`; empty pieces are skipped.
void append_spaced(std::string& text, std::size_t start, std::string_view piece) {
    if (piece.empty()) {
        return;
    }
    if (text.size() > start) {
        text += ' ';
    }
    text += piece;
}

std::size_t utf8_length(unsigned char lead) {
    if ((lead & 0xE0U) == 0xC0U) {
        return 2;
    }
    if ((lead & 0xF0U) == 0xE0U) {
        return 3;
    }
    return (lead & 0xF8U) == 0xF0U ? 4 : 1;
}

// Returns the slug letter for the character at `at` and advances past it; '\0' marks a
// separator.
char slug_letter(std::string_view title, std::size_t& at) {
    const char c = title[at];
    if (static_cast<unsigned char>(c) < 0x80U) {
        ++at;
        return is_ascii_alnum(c) ? to_ascii_lower(c) : '\0';
    }
    for (const Transliteration& t : transliterations) {
        if (title.substr(at).starts_with(t.from)) {
            at += t.from.size();
            return t.to;
        }
    }
    at += utf8_length(static_cast<unsigned char>(c));
    return '\0';
}

void append_slug(std::string& text, std::string_view title) {
    const std::size_t start = text.size();
    bool separated = false;
    for (std::size_t at = 0; at < title.size();) {
        const char letter = slug_letter(title, at);
        if (letter == '\0') {
            separated = true;
            continue;
        }
        if (separated && text.size() > start) {
            if (text.size() - start >= max_slug_length) {
                break;
            }
            text += '-';
        }
        separated = false;
        text += letter;
    }
}

std::vector<std::string_view> ranked_words() {
    std::vector<std::string_view> words(function_words().begin(), function_words().end());
    words.insert(words.end(), content_words().begin(), content_words().end());
    return words;
}

// Writes one article; all randomness comes from the article's own generator.
class ArticleWriter {
public:
    ArticleWriter(const ZipfTable& all_words, const ZipfTable& content_words, std::uint64_t seed,
                  Article& article)
        : all_words_(all_words)
        , content_words_(content_words)
        , rng_(seed)
        , article_(article) {}

    void write(std::uint64_t number);

private:
    const Section& pick_section();
    void choose_cast();
    void write_published();
    void write_author();
    void write_body();
    void write_paragraph(std::string& text);
    void write_sentence(std::string& text);
    void write_quote(std::string& text);
    void write_footer();
    void write_url();
    std::uint64_t body_length();
    int sentence_length();
    int take_war_crimes_position(int words);
    void append_headline(std::string& text);
    std::string_view headline_entity();
    std::string_view headline_word();
    void append_words(std::string& text, int count);
    void append_slot(std::string& text, SlotDraw draw, bool last);
    void append_number(std::string& text);
    void append_quoted(std::string& text, int words, char punctuation);
    void append_attribution(std::string& text, Person& speaker);
    bool append_person(std::string& text, Person& person, bool with_role);
    void append_role(std::string& text);
    void append_name(std::string& text);
    void append_footer_line(std::string& text, std::string_view pattern);
    Person& pick_person() { return people_[rng_.below(cast_size_)]; }
    std::string_view topic() { return topics_[rng_.pick(topic_choices)]; }

    const ZipfTable& all_words_;
    const ZipfTable& content_words_;
    Rng rng_;
    Article& article_;
    const Section* section_ = nullptr;
    const Source* source_ = nullptr;
    std::array<Person, 4> people_{};
    std::size_t cast_size_ = 0;
    std::array<std::string_view, 3> topics_{};
    bool war_crimes_ = false;
    bool war_crimes_pending_ = false;
};

void ArticleWriter::write(std::uint64_t number) {
    section_ = &pick_section();
    source_ = &rng_.pick(sources());
    war_crimes_ = rng_.percent(war_crimes_percent);
    choose_cast();
    article_.id = fmt::format("gen-{:07}", number);
    article_.title.clear();
    append_headline(article_.title);
    article_.section = section_->name;
    write_published();
    article_.source = source_->name;
    write_author();
    write_body();
    write_url();
}

const Section& ArticleWriter::pick_section() {
    const auto all = sections();
    std::uint64_t total = 0;
    for (const Section& section : all) {
        total += static_cast<std::uint64_t>(section.weight);
    }
    std::uint64_t x = rng_.below(total);
    std::size_t index = 0;
    while (x >= static_cast<std::uint64_t>(all[index].weight)) {
        x -= static_cast<std::uint64_t>(all[index].weight);
        ++index;
    }
    return all[index];
}

void ArticleWriter::choose_cast() {
    cast_size_ = rng_.pick(cast_sizes);
    for (std::size_t i = 0; i < cast_size_; ++i) {
        const std::string_view first = rng_.pick(first_names());
        people_[i] = Person{first, rng_.pick(surnames())};
    }
    for (std::string_view& word : topics_) {
        word = rng_.pick(section_->topics);
    }
}

void ArticleWriter::write_published() {
    const auto span = static_cast<std::uint64_t>((end_day - first_day).count());
    const auto day = first_day + std::chrono::days{static_cast<int>(rng_.below(span))};
    const std::chrono::year_month_day date{day};
    const std::uint64_t minute = rng_.below(minutes_per_day);
    article_.published =
        fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:00Z", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                    minute / 60, minute % 60);
}

void ArticleWriter::write_author() {
    article_.author.clear();
    append_name(article_.author);
    if (rng_.percent(co_author_percent)) {
        article_.author += " and ";
        append_name(article_.author);
    }
}

void ArticleWriter::write_body() {
    std::string& body = article_.body;
    body.clear();
    war_crimes_pending_ = war_crimes_;
    const std::uint64_t target = body_length();
    while (body.size() < target) {
        if (!body.empty()) {
            body += "\n\n";
        }
        write_paragraph(body);
    }
    if (rng_.percent(footer_percent)) {
        write_footer();
    }
}

void ArticleWriter::write_paragraph(std::string& text) {
    if (war_crimes_ && rng_.percent(war_crimes_repeat_percent)) {
        war_crimes_pending_ = true;
    }
    const int sentences = rng_.pick(paragraph_sentences);
    for (int i = 0; i < sentences; ++i) {
        if (i > 0) {
            text += ' ';
        }
        if (rng_.percent(quote_percent)) {
            write_quote(text);
        } else {
            write_sentence(text);
        }
    }
}

void ArticleWriter::write_sentence(std::string& text) {
    const std::size_t start = text.size();
    append_words(text, sentence_length());
    capitalise(text, start);
    text += '.';
}

void ArticleWriter::write_quote(std::string& text) {
    Person& speaker = pick_person();
    const int words = rng_.between(6, 22);
    if (rng_.percent(lead_attribution_percent)) {
        append_person(text, speaker, false);
        text += " said: ";
        append_quoted(text, words, '.');
        return;
    }
    append_quoted(text, words, ',');
    text += ' ';
    append_attribution(text, speaker);
    text += '.';
}

void ArticleWriter::write_footer() {
    const std::uint64_t lines = rng_.below(source_->footer.size()) + 1;
    for (std::size_t i = 0; i < lines; ++i) {
        article_.body += "\n\n";
        append_footer_line(article_.body, footer_templates()[source_->footer.at(i)]);
    }
}

void ArticleWriter::write_url() {
    const std::string_view date = article_.published;
    article_.url = fmt::format("https://{}.example/{}/{}/{}/{}/", source_->host, section_->slug,
                               date.substr(0, 4), date.substr(5, 2), date.substr(8, 2));
    append_slug(article_.url, article_.title);
}

std::uint64_t ArticleWriter::body_length() {
    const std::uint64_t segments = body_length_quantiles.size() - 1;
    const std::uint64_t x = rng_.below(segments * interpolation_steps);
    const std::uint64_t low = body_length_quantiles.at(x / interpolation_steps);
    const std::uint64_t high = body_length_quantiles.at(x / interpolation_steps + 1);
    return low + (high - low) * (x % interpolation_steps) / interpolation_steps;
}

int ArticleWriter::sentence_length() {
    // The sum of two uniform draws peaks in the middle of the 8-35 word range. The draws are
    // separate statements because the operands of + are evaluated in an unspecified order.
    const int base = rng_.between(8, 21);
    return base + rng_.between(0, 14);
}

int ArticleWriter::take_war_crimes_position(int words) {
    if (!war_crimes_pending_ || words < 2) {
        return -1;
    }
    war_crimes_pending_ = false;
    return rng_.between(0, words - 2);
}

void ArticleWriter::append_headline(std::string& text) {
    const std::string_view entity =
        rng_.percent(headline_entity_percent) ? headline_entity() : std::string_view{};
    const std::string_view phrase =
        war_crimes_ && rng_.percent(headline_war_crimes_percent) ? war_crimes : std::string_view{};
    const int fixed = word_count(entity) + word_count(phrase);
    const int ordinary =
        rng_.between(std::max(min_headline_words - fixed, 1), max_headline_words - fixed);
    const int entity_at = rng_.between(0, ordinary);
    const int phrase_at = rng_.between(0, ordinary);
    const int topic_at = rng_.percent(headline_topic_percent) ? rng_.between(0, ordinary - 1) : -1;
    const std::size_t start = text.size();
    for (int i = 0; i <= ordinary; ++i) {
        if (i == entity_at) {
            append_spaced(text, start, entity);
        }
        if (i == phrase_at) {
            append_spaced(text, start, phrase);
        }
        if (i < ordinary) {
            append_spaced(text, start, i == topic_at ? topic() : headline_word());
        }
    }
    capitalise(text, start);
}

std::string_view ArticleWriter::headline_entity() {
    switch (rng_.below(3)) {
    case 0:
        return rng_.pick(places());
    case 1:
        return rng_.pick(organisations());
    default:
        return pick_person().last;
    }
}

std::string_view ArticleWriter::headline_word() {
    if (rng_.percent(headline_function_word_percent)) {
        return all_words_.pick(rng_);
    }
    return content_words_.pick(rng_);
}

void ArticleWriter::append_words(std::string& text, int count) {
    const int phrase_at = take_war_crimes_position(count);
    for (int written = 0; written < count; ++written) {
        const SlotDraw draw{rng_.bits()};
        if (written > 0) {
            if (draw.comma() && text.back() != ',') {
                text += ',';
            }
            text += ' ';
        }
        if (written == phrase_at) {
            text += war_crimes;
            ++written; // the phrase fills two word slots
        } else {
            append_slot(text, draw, written + 1 == count);
        }
    }
}

void ArticleWriter::append_slot(std::string& text, SlotDraw draw, bool last) {
    const std::uint64_t kind = draw.kind();
    if (kind < person_slots) {
        if (append_person(text, pick_person(), !last)) {
            text += ',';
        }
    } else if (kind < place_slots) {
        text += rng_.pick(places());
    } else if (kind < organisation_slots) {
        text += rng_.pick(organisations());
    } else if (kind < number_slots) {
        append_number(text);
    } else if (kind < topic_slots) {
        text += topic();
    } else {
        text += all_words_.pick(draw.word_bits());
    }
}

void ArticleWriter::append_number(std::string& text) {
    auto out = std::back_inserter(text);
    switch (rng_.below(4)) {
    case 0:
        fmt::format_to(out, "{}", rng_.between(2, 99));
        break;
    case 1:
        fmt::format_to(out, "{}", rng_.between(1990, 2025));
        break;
    case 2: {
        // Drawn before the call: the evaluation order of function arguments is unspecified.
        const int thousands = rng_.between(1, 99);
        fmt::format_to(out, "{},{:03}", thousands, rng_.between(0, 999));
        break;
    }
    default: {
        const int whole = rng_.between(0, 60);
        fmt::format_to(out, "{}.{} percent", whole, rng_.between(0, 9));
        break;
    }
    }
}

void ArticleWriter::append_quoted(std::string& text, int words, char punctuation) {
    const QuoteMarks marks = source_->curly_quotes ? curly_quotes : straight_quotes;
    text += marks.open;
    const std::size_t start = text.size();
    append_words(text, words);
    capitalise(text, start);
    text += punctuation;
    text += marks.close;
}

void ArticleWriter::append_attribution(std::string& text, Person& speaker) {
    switch (rng_.below(3)) {
    case 0:
        append_person(text, speaker, false);
        text += " said";
        break;
    case 1:
        text += "said ";
        append_person(text, speaker, true);
        break;
    default:
        append_person(text, speaker, false);
        text += " told reporters";
        break;
    }
}

// A person is introduced by full name, optionally with a role, and referred to by surname
// afterwards. Returns whether a role was appended.
bool ArticleWriter::append_person(std::string& text, Person& person, bool with_role) {
    if (person.mentioned) {
        text += person.last;
        return false;
    }
    person.mentioned = true;
    text += person.first;
    text += ' ';
    text += person.last;
    if (!with_role || !rng_.percent(role_percent)) {
        return false;
    }
    text += ", ";
    append_role(text);
    return true;
}

void ArticleWriter::append_role(std::string& text) {
    const Role& role = rng_.pick(roles());
    text += role.prefix;
    if (role.target == RoleTarget::organisation) {
        text += rng_.pick(organisations());
    } else {
        text += rng_.pick(places());
    }
}

void ArticleWriter::append_name(std::string& text) {
    text += rng_.pick(first_names());
    text += ' ';
    text += rng_.pick(surnames());
}

void ArticleWriter::append_footer_line(std::string& text, std::string_view pattern) {
    std::string headline;
    if (pattern.find("{headline}") != std::string_view::npos) {
        append_headline(headline);
    }
    fmt::format_to(std::back_inserter(text), fmt::runtime(pattern),
                   fmt::arg("source", source_->name),
                   fmt::arg("year", std::string_view{article_.published}.substr(0, 4)),
                   fmt::arg("headline", headline));
}

} // namespace

ArticleGenerator::ArticleGenerator(std::uint64_t seed)
    : seed_(seed)
    , all_words_(ranked_words(), zipf_offset)
    , content_words_({content_words().begin(), content_words().end()}, zipf_offset) {}

void ArticleGenerator::generate(std::uint64_t number, Article& article) const {
    ArticleWriter writer{all_words_, content_words_, splitmix64(splitmix64(seed_) + number),
                         article};
    writer.write(number);
}

} // namespace newsq::gen
