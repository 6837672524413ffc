// What the fuzz harnesses share. Each harness defines LLVMFuzzerTestOneInput: linked with
// libFuzzer in the fuzz build (NEWSQ_FUZZ), with replay_main.cpp otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <utility>

#include <newsq/article.hpp>
#include <newsq/error.hpp>

namespace newsq::fuzz {

/// A fixed "today" for relative dates, so that every run of an input does the same.
inline constexpr std::chrono::sys_days kToday{std::chrono::year{2024} / 3 / 31};

/// The fuzz input as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Whether `text` is valid UTF-8, as everything is that the readers pass on.
bool valid_utf8(std::string_view text);

/// `text` cut at its first newline: the line and the rest (empty without a newline).
std::pair<std::string_view, std::string_view> split_line(std::string_view text);

/// Aborts, naming `what`, unless `ok`: a broken promise of the code under test is a crash.
void require(bool ok, std::string_view what);

/// Aborts unless `e` is what a bad query or request may fail with: a syntax error or an
/// invalid argument, never an index or internal error (HTTP 500).
void require_client_error(const Error& e);

/// Checks what the readers promise of an article they give: a body, a normalised date and
/// UTF-8 text.
void check_article(const Article& article);

/// A directory of this process's own, removed at exit.
const std::filesystem::path& scratch_dir();

/// Writes `bytes` to the file `name` in scratch_dir() and returns its path.
std::filesystem::path write_file(std::string_view name, std::string_view bytes);

/// The index of tests/fixtures/articles, built in scratch_dir() on first use.
const std::filesystem::path& fixture_index();

} // namespace newsq::fuzz
