#include "polnear.hpp"
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace newsq::eval::polnear {
namespace {

namespace fs = std::filesystem;

// A span of the text in code points, [begin, end).
struct Range {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct TextBound {
    std::string label;
    std::vector<Range> ranges;
};

struct Annotation {
    std::map<std::string, TextBound> spans;                    // by T id
    std::vector<std::map<std::string, std::string>> relations; // E lines: role → T id
};

// The text as code points (UTF-8 sequences kept whole), which BRAT offsets count.
class CodePoints {
public:
    explicit CodePoints(std::string text)
        : text_(std::move(text)) {
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
                starts_.push_back(i);
            }
        }
        starts_.push_back(text_.size());
    }

    std::size_t size() const { return starts_.size() - 1; }
    std::string_view at(std::size_t cp) const {
        return std::string_view(text_).substr(starts_[cp], starts_[cp + 1] - starts_[cp]);
    }
    std::string slice(Range r) const {
        const std::size_t end = std::min(r.end, size());
        const std::size_t begin = std::min(r.begin, end);
        return text_.substr(starts_[begin], starts_[end] - starts_[begin]);
    }
    const std::string& text() const { return text_; }

private:
    std::string text_;
    std::vector<std::size_t> starts_;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        parts.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// "Content 803 833;834 898" → label and ranges.
TextBound parse_bound(const std::string& field, const fs::path& file) {
    TextBound bound;
    const std::size_t space = field.find(' ');
    bound.label = field.substr(0, space);
    for (const std::string& piece : split(field.substr(space + 1), ';')) {
        std::istringstream numbers(piece);
        Range r;
        if (!(numbers >> r.begin >> r.end) || r.end < r.begin) {
            throw std::runtime_error(file.string() + ": bad span \"" + field + "\"");
        }
        bound.ranges.push_back(r);
    }
    return bound;
}

Annotation read_annotation(const fs::path& file) {
    Annotation a;
    std::istringstream lines(read_file(file));
    for (std::string line; std::getline(lines, line);) {
        const std::vector<std::string> fields = split(line, '\t');
        if (line.starts_with('T') && fields.size() >= 2) {
            a.spans[fields[0]] = parse_bound(fields[1], file);
        } else if (line.starts_with('E') && fields.size() >= 2) {
            std::map<std::string, std::string> roles;
            for (const std::string& role : split(fields[1], ' ')) {
                const std::size_t colon = role.find(':');
                if (colon != std::string::npos) {
                    roles[role.substr(0, colon)] = role.substr(colon + 1);
                }
            }
            a.relations.push_back(std::move(roles));
        }
    }
    return a;
}

bool is_line_break(std::string_view cp) {
    return cp == "\n" || cp == "\r";
}

bool is_space(std::string_view cp) {
    return cp == " " || cp == "\t" || is_line_break(cp) || cp == "\u00A0";
}

// Whether the code point is a double quotation mark, and which ways it can face.
struct Mark {
    bool opens = false;
    bool closes = false;
};

Mark mark_of(std::string_view cp) {
    if (cp == "\"") {
        return {true, true};
    }
    if (cp == "\u201C" || cp == "\u201E") {
        return {true, false};
    }
    return {false, cp == "\u201D"};
}

// A quoted stretch: from its opening mark to just after its closing one.
struct Stretch {
    Range range;
    std::string text; // the words between the marks, paragraphs joined by a space
};

// The quoted stretches, paired per line; one left open at a line's end goes on when the next
// non-empty line opens with a mark (a quotation over several paragraphs), else ends there.
std::vector<Stretch> quoted_stretches(const CodePoints& text) {
    std::vector<Stretch> stretches;
    bool open = false;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view cp = text.at(i);
        if (is_line_break(cp)) {
            line_start = true;
            continue;
        }
        const Mark m = mark_of(cp);
        if (line_start && !is_space(cp)) {
            if (open && m.opens) {
                stretches.back().text += ' ';
                line_start = false;
                continue;
            }
            if (open) {
                open = false;
            }
            line_start = false;
        }
        if (!open && m.opens) {
            stretches.push_back({{i, i + 1}, {}});
            open = true;
        } else if (open && m.closes) {
            stretches.back().range.end = i + 1;
            open = false;
        } else if (open) {
            stretches.back().text += cp;
            stretches.back().range.end = i + 1;
        }
    }
    return stretches;
}

bool near(std::size_t a, std::size_t b) {
    constexpr std::size_t kSlip = 3; // letters of annotation slip allowed
    return (a > b ? a - b : b - a) <= kSlip;
}

bool inside(Range inner, Range outer) {
    return inner.begin >= outer.begin && inner.end <= outer.end;
}

std::string lower(std::string_view word) {
    std::string out(word);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Words that make a source a description or an anonymous or plural source, not a name.
bool is_description_start(std::string_view first) {
    static const std::vector<std::string_view> words = {
        "the",     "a",       "an",       "one",       "two",   "three",   "some",       "many",
        "several", "his",     "her",      "their",     "its",   "our",     "my",         "your",
        "this",    "that",    "these",    "those",     "both",  "all",     "other",      "another",
        "most",    "few",     "critics",  "officials", "aides", "sources", "supporters", "people",
        "voters",  "experts", "analysts", "they",      "we",    "i",       "you",        "it",
        "none",    "neither", "nobody",   "someone",   "us",    "them"};
    return std::find(words.begin(), words.end(), first) != words.end();
}

enum class SourceKind { name, person_pronoun, other };

SourceKind kind_of(std::string_view source) {
    const std::vector<std::string> words = split(source, ' ');
    const std::string first = lower(words.empty() ? "" : words.front());
    if (first == "he" || first == "she" || first == "him" || first == "her") {
        return words.size() == 1 ? SourceKind::person_pronoun : SourceKind::other;
    }
    if (first.empty() || is_description_start(first)) {
        return SourceKind::other;
    }
    const bool capitalised = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return !w.empty() && std::isupper(static_cast<unsigned char>(w.front())) != 0;
    });
    return capitalised ? SourceKind::name : SourceKind::other;
}

// The span's text on one line, no-break spaces made plain, without spaces or commas around it.
std::string one_line(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool no_break = text.substr(i, 2) == "\u00A0";
        out += no_break || text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
        i += no_break ? 1 : 0;
    }
    const std::size_t first = out.find_first_not_of(" ,");
    const std::size_t last = out.find_last_not_of(" ,");
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

struct Source {
    std::size_t begin = 0;
    std::string text;
    SourceKind kind = SourceKind::other;
};

// The named speaker of a source: its text, or for "he"/"she" the nearest named source that
// starts before it (the README's rule, without the gender check: sources carry no gender).
std::string speaker_of(const Source& s, const std::vector<Source>& all) {
    if (s.kind == SourceKind::name) {
        return s.text;
    }
    if (s.kind != SourceKind::person_pronoun) {
        return {};
    }
    const Source* nearest = nullptr;
    for (const Source& other : all) {
        if (other.kind == SourceKind::name && other.begin < s.begin &&
            (nearest == nullptr || other.begin > nearest->begin)) {
            nearest = &other;
        }
    }
    return nearest == nullptr ? std::string() : nearest->text;
}

std::optional<Source> source_of(const std::map<std::string, std::string>& relation,
                                const Annotation& a, const CodePoints& text) {
    const auto role = relation.find("Source");
    if (role == relation.end() || !a.spans.contains(role->second)) {
        return std::nullopt;
    }
    const TextBound& bound = a.spans.at(role->second);
    std::string joined;
    for (const Range& r : bound.ranges) {
        if (!joined.empty()) {
            joined += ' ';
        }
        joined += one_line(text.slice(r));
    }
    return Source{bound.ranges.front().begin, joined, kind_of(joined)};
}

std::vector<Range> contents_of(const std::map<std::string, std::string>& relation,
                               const Annotation& a) {
    std::vector<Range> ranges;
    for (const char* role : {"Content", "Content2"}) {
        const auto found = relation.find(role);
        if (found != relation.end() && a.spans.contains(found->second)) {
            const std::vector<Range>& parts = a.spans.at(found->second).ranges;
            ranges.insert(ranges.end(), parts.begin(), parts.end());
        }
    }
    return ranges;
}

// The headline is the first line; every other non-empty line is a paragraph.
Article article_of(const std::string& name, const std::string& text) {
    Article article;
    article.id = name;
    for (std::string line : split(text, '\n')) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        if (article.title.empty()) {
            article.title = line;
        } else {
            article.body += (article.body.empty() ? "" : "\n\n") + line;
        }
    }
    return article;
}

Document read_document(const fs::path& text_file, const fs::path& ann_file) {
    const CodePoints text(read_file(text_file));
    const Annotation a = read_annotation(ann_file);
    const std::vector<Stretch> stretches = quoted_stretches(text);
    std::vector<Source> sources;
    for (const auto& relation : a.relations) {
        if (auto s = source_of(relation, a, text)) {
            sources.push_back(*s);
        }
    }
    Document doc{
        text_file.stem().string(), article_of(text_file.stem().string(), text.text()), {}, {}};
    std::vector<bool> direct(stretches.size(), false);
    std::vector<Range> contents;
    for (const auto& relation : a.relations) {
        const std::optional<Source> source = source_of(relation, a, text);
        for (const Range& part : contents_of(relation, a)) {
            contents.push_back(part);
            for (std::size_t k = 0; k < stretches.size(); ++k) {
                const Range s = stretches[k].range;
                if (!direct[k] && near(s.begin, part.begin) && near(s.end, part.end)) {
                    direct[k] = true;
                    doc.quotes.push_back(
                        {stretches[k].text, source ? speaker_of(*source, sources) : ""});
                }
            }
        }
    }
    for (const auto& [id, bound] : a.spans) {
        if (bound.label == "Discard") {
            contents.insert(contents.end(), bound.ranges.begin(), bound.ranges.end());
        }
    }
    for (std::size_t k = 0; k < stretches.size(); ++k) {
        const bool nested = std::any_of(contents.begin(), contents.end(), [&](const Range& c) {
            return inside(stretches[k].range, c);
        });
        if (!direct[k] && nested) {
            doc.unscored.push_back(stretches[k].text);
        }
    }
    return doc;
}

} // namespace

std::vector<Document> read_split(const fs::path& dir) {
    std::map<std::string, fs::path> annotations; // article → its first annotation file
    for (const auto& entry : fs::directory_iterator(dir / "attributions")) {
        const std::string file = entry.path().stem().string();
        const std::string article = file.substr(0, file.rfind('_'));
        auto [it, added] = annotations.emplace(article, entry.path());
        if (!added && entry.path().filename() < it->second.filename()) {
            it->second = entry.path();
        }
    }
    std::vector<Document> docs;
    for (const auto& [article, ann] : annotations) {
        const fs::path text = dir / "text" / (article + ".txt");
        if (fs::exists(text)) {
            docs.push_back(read_document(text, ann));
        }
    }
    return docs;
}

} // namespace newsq::eval::polnear
