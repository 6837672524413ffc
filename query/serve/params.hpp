#pragma once

#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <newsq/search.hpp>

namespace newsq::serve {

/// A request the API refuses, with the HTTP status to answer (400 unless said otherwise) and a
/// message naming the parameter at fault.
class BadRequest : public std::runtime_error {
public:
    explicit BadRequest(const std::string& message, int status = 400)
        : std::runtime_error(message)
        , status_(status) {}

    int status() const { return status_; }

private:
    int status_;
};

/// Largest page of hits or quotes one request may ask for.
inline constexpr std::size_t kMaxLimit = 100;

/// Request parameters by name, each with its values in the order given. Repeating a parameter
/// is allowed only where it means a list (section, source).
class Params {
public:
    Params() = default;
    explicit Params(std::multimap<std::string, std::string> values);

    /// Refuses any parameter not in `known`.
    void only(std::initializer_list<std::string_view> known) const;

    /// The value of a parameter given at most once.
    std::optional<std::string> text(std::string_view name) const;
    /// The value, which must be given.
    std::string required(std::string_view name) const;
    /// Every value of a list parameter.
    std::vector<std::string> list(std::string_view name) const;
    /// A whole number in [0, max]; `fallback` when absent.
    std::size_t number(std::string_view name, std::size_t fallback, std::size_t max) const;
    /// true/false (also 1/0, yes/no); `fallback` when absent.
    bool flag(std::string_view name, bool fallback) const;

private:
    std::multimap<std::string, std::string, std::less<>> values_;
};

/// GET /api/search: q, sort, offset, limit, since, until, section, source, facets, timeline,
/// collapse.
SearchRequest search_request(const Params& params);

/// GET /api/quotes: q, speaker, sort, offset, limit, since, until, section, source.
QuoteRequest quote_request(const Params& params);

} // namespace newsq::serve
