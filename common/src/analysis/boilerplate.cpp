#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <newsq/analysis.hpp>
#include <newsq/error.hpp>

#include "analysis/boilerplate.hpp"
#include "analysis/gazetteer.hpp"
#include "analysis/paragraphs.hpp"
#include "text.hpp"

namespace newsq {

namespace {

// What a paragraph is compared by: trimmed, lower case, straight apostrophes.
std::string paragraph_key(std::string_view paragraph) {
    return detail::fold_case(detail::straight_apostrophes(detail::trim(paragraph)));
}

} // namespace

void BoilerplateModel::observe(const Article& article) {
    if (article.source.empty()) {
        return;
    }
    auto it = sources_.find(article.source);
    if (it == sources_.end()) {
        it = sources_.emplace(article.source, Source{}).first;
    }
    Source& source = it->second;
    ++source.articles;
    std::unordered_set<std::uint64_t> counted;
    for (std::string_view p : detail::split_paragraphs(article.body)) {
        if (p.size() <= kMaxBytes) {
            if (const std::uint64_t h = detail::hash64(paragraph_key(p));
                counted.insert(h).second) {
                ++source.seen[h];
            }
        }
    }
}

bool BoilerplateModel::learned(const Source& source, std::uint64_t hash) const {
    if (source.learned.contains(hash)) {
        return true;
    }
    const auto it = source.seen.find(hash);
    const double needed = std::max(static_cast<double>(kMinArticles),
                                   kMinShare * static_cast<double>(source.articles));
    return it != source.seen.end() && static_cast<double>(it->second) >= needed;
}

bool BoilerplateModel::is_boilerplate(std::string_view source, std::string_view paragraph) const {
    const auto it = sources_.find(source);
    return paragraph.size() <= kMaxBytes && it != sources_.end() &&
           learned(it->second, detail::hash64(paragraph_key(paragraph)));
}

std::string BoilerplateModel::save() const {
    nlohmann::json saved = nlohmann::json::object();
    for (const auto& [name, source] : sources_) {
        std::vector<std::string> hashes;
        for (const auto& [hash, count] : source.seen) {
            if (learned(source, hash)) {
                hashes.push_back(fmt::format("{:016x}", hash));
            }
        }
        for (const std::uint64_t hash : source.learned) {
            if (!source.seen.contains(hash)) {
                hashes.push_back(fmt::format("{:016x}", hash));
            }
        }
        if (!hashes.empty()) {
            std::sort(hashes.begin(), hashes.end());
            saved[name] = hashes;
        }
    }
    return saved.dump();
}

void BoilerplateModel::load(std::string_view saved) {
    try {
        const nlohmann::json parsed = nlohmann::json::parse(saved); // items() does not own it
        for (const auto& [name, hashes] : parsed.items()) {
            Source& source = sources_[name];
            for (const auto& hash : hashes) {
                source.learned.insert(std::stoull(hash.get<std::string>(), nullptr, 16));
            }
        }
    } catch (const std::exception& e) {
        throw Error(ErrorCode::index_corrupt,
                    fmt::format("learned boilerplate in the index is damaged: {}", e.what()),
                    "rebuild the index");
    }
}

namespace detail {

bool is_fixed_boilerplate(std::string_view paragraph) {
    if (paragraph.size() > BoilerplateModel::kMaxBytes) {
        return false;
    }
    std::string key = paragraph_key(paragraph);
    while (!key.empty() && std::string_view(".!:").find(key.back()) != std::string_view::npos) {
        key.pop_back();
    }
    const Gazetteer& g = Gazetteer::built_in();
    return g.boilerplate_lines.contains(key) ||
           std::any_of(g.boilerplate_prefixes.begin(), g.boilerplate_prefixes.end(),
                       [&](const std::string& prefix) { return key.starts_with(prefix); });
}

std::string remove_boilerplate(std::string_view body, std::string_view source,
                               const BoilerplateModel* learned) {
    std::vector<std::string_view> kept;
    for (std::string_view p : split_paragraphs(body)) {
        const bool boilerplate =
            is_fixed_boilerplate(p) || (learned != nullptr && learned->is_boilerplate(source, p));
        if (!boilerplate) {
            kept.push_back(p);
        }
    }
    return join_paragraphs(kept);
}

} // namespace detail

} // namespace newsq
