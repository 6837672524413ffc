#include "store/fields.hpp"

#include "text.hpp"

namespace newsq::detail {

namespace {

std::vector<std::string> entity_names(const Article& a, const Field& f) {
    std::vector<std::string> names;
    for (const Entity& e : a.entities) {
        if (!f.entity || e.type == *f.entity) {
            names.push_back(e.name);
        }
    }
    return names;
}

std::vector<std::string> quote_parts(const Article& a, std::string Quote::*part) {
    std::vector<std::string> values;
    for (const Quote& q : a.quotes) {
        if (part == &Quote::text || !(q.*part).empty()) {
            values.push_back(q.*part);
        }
    }
    return values;
}

std::vector<std::string> unless_empty(std::string value) {
    if (value.empty()) {
        return {};
    }
    return {std::move(value)};
}

} // namespace

std::vector<std::string> field_values(const Article& article, const Field& f) {
    switch (f.source) {
    case FieldSource::member:
        return unless_empty(article.*f.member);
    case FieldSource::url_host:
        return unless_empty(url_host(article.url));
    case FieldSource::entities:
        return entity_names(article, f);
    case FieldSource::quotes:
        return quote_parts(article, &Quote::text);
    case FieldSource::speakers:
        return quote_parts(article, &Quote::speaker);
    }
    return {};
}

std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    url = url.substr(url.find('@') == std::string_view::npos ? 0 : url.find('@') + 1);
    url = url.substr(0, url.find(':'));
    return fold_case(url);
}

} // namespace newsq::detail
