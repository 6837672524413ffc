#include "conll.hpp"
#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <fmt/core.h>

#include "analysis/gazetteer.hpp"

namespace newsq::eval::conll {

namespace {

using detail::ner::Label;
using detail::ner::NameType;

NameType type_named(std::string_view name) {
    for (std::size_t t = 1; t < detail::ner::kTypes; ++t) {
        if (detail::ner::kTypeNames[t] == name) {
            return static_cast<NameType>(t);
        }
    }
    return NameType::none;
}

NameType type_of_tag(std::string_view tag) {
    return tag.size() > 2 ? type_named(tag.substr(2)) : NameType::none;
}

bool lower_equal(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// Tokens written against the word before them: punctuation that closes, clitics ("'s", "n't").
bool attaches_left(std::string_view word) {
    constexpr std::array<std::string_view, 14> left = {",", ".", ";", ":",  "!",   "?",   ")",
                                                       "]", "}", "%", "'s", "n't", "'re", "'ve"};
    return std::any_of(left.begin(), left.end(),
                       [&](std::string_view w) { return lower_equal(w, word); }) ||
           lower_equal(word, "'ll") || lower_equal(word, "'d") || lower_equal(word, "'m");
}

bool attaches_right(std::string_view word) {
    return word == "(" || word == "[" || word == "{" || word == "$";
}

// The sentence as running text: tokens joined by spaces, except where punctuation closes up.
void write_sentence(Document& doc, const std::vector<Token>& sentence, bool& open_quote) {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> offsets;
    bool glue = true;
    for (const Token& t : sentence) {
        const bool quote = t.word == "\"";
        const bool closing = quote && open_quote;
        if (!glue && !closing && !attaches_left(t.word)) {
            text += ' ';
        }
        offsets.emplace_back(text.size(), text.size() + t.word.size());
        text += t.word;
        open_quote = quote ? !open_quote : open_quote;
        glue = attaches_right(t.word) || (quote && open_quote);
    }
    doc.paragraphs.push_back(std::move(text));
    doc.offsets.push_back(std::move(offsets));
}

Token parse_line(const std::string& line) {
    const std::size_t first = line.find(' ');
    const std::size_t last = line.rfind(' ');
    if (first == std::string::npos || first == 0 || last + 1 >= line.size()) {
        throw std::runtime_error("not a CoNLL line: " + line);
    }
    return {line.substr(0, first), line.substr(last + 1)};
}

void finish(std::vector<Document>& docs) {
    const detail::Gazetteer& gazetteer = detail::Gazetteer::built_in();
    for (Document& doc : docs) {
        bool open_quote = false; // a quotation may go on over sentences
        for (const std::vector<Token>& sentence : doc.sentences) {
            write_sentence(doc, sentence, open_quote);
        }
        for (const std::string& p : doc.paragraphs) {
            doc.tokens.push_back(detail::tokenize(p, gazetteer));
        }
    }
}

} // namespace

std::vector<std::string_view> Document::paragraph_views() const {
    return {paragraphs.begin(), paragraphs.end()};
}

std::vector<Document> read(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        throw std::runtime_error(fmt::format("cannot read {}", file.string()));
    }
    std::vector<Document> docs;
    std::vector<Token> sentence;
    const auto end_sentence = [&] {
        if (!sentence.empty() && !docs.empty()) {
            docs.back().sentences.push_back(std::move(sentence));
        }
        sentence.clear();
    };
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("-DOCSTART-")) {
            end_sentence();
            docs.emplace_back();
        } else if (line.empty()) {
            end_sentence();
        } else {
            sentence.push_back(parse_line(line));
        }
    }
    end_sentence();
    finish(docs);
    return docs;
}

std::vector<Mention> gold_mentions(const Document& doc) {
    std::vector<Mention> found;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        const std::vector<Token>& tokens = doc.sentences[s];
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const NameType type = type_of_tag(tokens[i].tag);
            if (type == NameType::none) {
                continue;
            }
            const bool continues =
                !tokens[i].tag.starts_with("B-") && i > 0 && type_of_tag(tokens[i - 1].tag) == type;
            if (continues) {
                found.back().end = i + 1;
            } else {
                found.push_back({s, i, i + 1, type});
            }
        }
    }
    return found;
}

Mention mention_at(const Document& doc, std::size_t paragraph, std::size_t begin, std::size_t end,
                   NameType type) {
    const auto& offsets = doc.offsets[paragraph];
    const auto& tokens = doc.sentences[paragraph];
    Mention m{paragraph, offsets.size(), 0, type};
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        if (offsets[i].first >= begin && offsets[i].second <= end) {
            m.begin = std::min(m.begin, i);
            m.end = i + 1;
        }
    }
    while (m.end > m.begin &&
           (lower_equal(tokens[m.end - 1].word, "'s") || tokens[m.end - 1].word == "'")) {
        --m.end;
    }
    const auto open = std::find_if(tokens.begin() + static_cast<std::ptrdiff_t>(m.begin),
                                   tokens.begin() + static_cast<std::ptrdiff_t>(m.end),
                                   [](const Token& t) { return t.word == "("; });
    const bool closed = std::any_of(open, tokens.begin() + static_cast<std::ptrdiff_t>(m.end),
                                    [](const Token& t) { return t.word == ")"; });
    if (open != tokens.begin() + static_cast<std::ptrdiff_t>(m.end) && !closed &&
        m.end < tokens.size() && tokens[m.end].word == ")") {
        ++m.end; // "Mladost ( L )"
    }
    if (m.end <= m.begin) {
        m.type = NameType::none;
    }
    return m;
}

std::vector<Label> gold_labels(const Document& doc) {
    std::vector<Label> labels;
    for (std::size_t p = 0; p < doc.tokens.size(); ++p) {
        NameType previous = NameType::none;
        for (const detail::Token& word : doc.tokens[p]) {
            const auto& offsets = doc.offsets[p];
            const auto it = std::find_if(offsets.begin(), offsets.end(),
                                         [&](const auto& o) { return o.second > word.begin; });
            const std::string& tag =
                doc.sentences[p][static_cast<std::size_t>(it - offsets.begin())].tag;
            const NameType type = type_of_tag(tag);
            const bool begins = tag.starts_with("B-") || previous != type;
            labels.push_back(begins ? detail::ner::begin_label(type)
                                    : detail::ner::inside_label(type));
            previous = type;
        }
    }
    return labels;
}

double Score::Counts::precision() const {
    return found == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(found);
}

double Score::Counts::recall() const {
    return gold == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(gold);
}

double Score::Counts::f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

void Score::add(std::span<const Mention> gold, std::span<const Mention> found) {
    std::vector<Mention> g(gold.begin(), gold.end()), f(found.begin(), found.end());
    std::sort(g.begin(), g.end());
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
    std::vector<Mention> both;
    std::set_intersection(g.begin(), g.end(), f.begin(), f.end(), std::back_inserter(both));
    const auto count = [&](const std::vector<Mention>& list, std::size_t Counts::*field) {
        for (const Mention& m : list) {
            ++(types[static_cast<std::size_t>(m.type)].*field);
            ++(types[0].*field);
        }
    };
    count(g, &Counts::gold);
    count(f, &Counts::found);
    count(both, &Counts::correct);
}

std::string Score::table() const {
    std::string out = fmt::format("{:<8} {:>6} {:>6} {:>8} {:>10} {:>7} {:>7}\n", "type", "gold",
                                  "found", "correct", "precision", "recall", "F1");
    for (std::size_t t = 1; t <= types.size(); ++t) {
        const std::size_t i = t % types.size();
        const Counts& c = types[i];
        if (c.gold + c.found == 0) {
            continue;
        }
        out += fmt::format("{:<8} {:>6} {:>6} {:>8} {:>10.4f} {:>7.4f} {:>7.4f}\n",
                           i == 0 ? "all" : detail::ner::kTypeNames[i], c.gold, c.found, c.correct,
                           c.precision(), c.recall(), c.f1());
    }
    return out;
}

std::string describe(const Document& doc, const Mention& m) {
    std::string words;
    for (std::size_t i = m.begin; i < m.end; ++i) {
        words += (words.empty() ? "" : " ") + doc.sentences[m.sentence][i].word;
    }
    return fmt::format("{} {}", detail::ner::kTypeNames[static_cast<std::size_t>(m.type)], words);
}

} // namespace newsq::eval::conll
