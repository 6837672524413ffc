#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include <newsq/article.hpp>

namespace newsq {

namespace {

// Reads exactly `digits` decimal digits at `pos`, advancing it.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t digits) {
    if (pos + digits > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    const char* first = text.data() + pos;
    const auto [end, ec] = std::from_chars(first, first + digits, value);
    // from_chars also takes a minus sign ("-022"), which is no digit.
    if (ec != std::errc{} || end != first + digits || *first == '-') {
        return std::nullopt;
    }
    pos += digits;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

// Parses "Z", "+HH:MM", "-HHMM" or "+HH" at `pos` into an offset from UTC.
std::optional<std::chrono::minutes> read_offset(std::string_view text, std::size_t& pos) {
    if (expect(text, pos, 'Z') || expect(text, pos, 'z')) {
        return std::chrono::minutes{0};
    }
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) {
        return std::nullopt;
    }
    const int sign = text[pos++] == '-' ? -1 : 1;
    const auto hours = read_number(text, pos, 2);
    int minutes = 0;
    if (pos < text.size()) {
        expect(text, pos, ':');
        const auto m = read_number(text, pos, 2);
        if (!m) {
            return std::nullopt;
        }
        minutes = *m;
    }
    if (!hours || *hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    return std::chrono::minutes{sign * (*hours * 60 + minutes)};
}

// Parses "HH:MM[:SS[.fraction]][offset]" at `pos` into a time of day and an offset.
std::optional<std::chrono::seconds> read_time(std::string_view text, std::size_t& pos) {
    const auto h = read_number(text, pos, 2);
    if (!h || !expect(text, pos, ':')) {
        return std::nullopt;
    }
    const auto m = read_number(text, pos, 2);
    int s = 0;
    if (expect(text, pos, ':')) {
        const auto sec = read_number(text, pos, 2);
        if (!sec) {
            return std::nullopt;
        }
        s = *sec;
        if (expect(text, pos, '.') || expect(text, pos, ',')) {
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                ++pos;
            }
        }
    }
    if (!m || *h > 23 || *m > 59 || s > 60) {
        return std::nullopt;
    }
    std::chrono::minutes offset{0};
    if (pos < text.size()) {
        const auto parsed = read_offset(text, pos);
        if (!parsed) {
            return std::nullopt;
        }
        offset = *parsed;
    }
    return std::chrono::hours{*h} + std::chrono::minutes{*m} + std::chrono::seconds{s} - offset;
}

} // namespace

std::optional<std::string> normalise_published(std::string_view text) {
    using namespace std::chrono;
    std::size_t pos = 0;
    const auto y = read_number(text, pos, 4);
    const bool dashes = y && expect(text, pos, '-');
    const auto m = dashes ? read_number(text, pos, 2) : std::nullopt;
    const auto d = m && expect(text, pos, '-') ? read_number(text, pos, 2) : std::nullopt;
    if (!d) {
        return std::nullopt;
    }
    const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)},
                              day{static_cast<unsigned>(*d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    if (pos == text.size()) {
        return fmt::format("{:04}-{:02}-{:02}", *y, *m, *d);
    }
    if (!expect(text, pos, 'T') && !expect(text, pos, 't') && !expect(text, pos, ' ')) {
        return std::nullopt;
    }
    const auto time = read_time(text, pos);
    if (!time || pos != text.size()) {
        return std::nullopt;
    }
    const sys_seconds utc = sys_days{date} + *time;
    const year_month_day utc_date{floor<days>(utc)};
    if (utc_date.year() < year{0} || utc_date.year() > year{9999}) {
        return std::nullopt; // the offset moved it out of the four-digit years
    }
    const hh_mm_ss clock{utc - floor<days>(utc)};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(utc_date.year()),
                       static_cast<unsigned>(utc_date.month()),
                       static_cast<unsigned>(utc_date.day()), clock.hours().count(),
                       clock.minutes().count(), clock.seconds().count());
}

} // namespace newsq

namespace newsq {

std::string_view to_string(EntityType type) {
    switch (type) {
    case EntityType::person:
        return "person";
    case EntityType::organization:
        return "organization";
    case EntityType::place:
        return "place";
    }
    return "unknown";
}

std::optional<EntityType> entity_type(std::string_view name) {
    if (name == "person") {
        return EntityType::person;
    }
    if (name == "organization" || name == "org") {
        return EntityType::organization;
    }
    if (name == "place") {
        return EntityType::place;
    }
    return std::nullopt;
}

} // namespace newsq
