// The analysis stage on small hand-written articles: boilerplate, entities, quotes with speakers.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include <newsq/analysis.hpp>

using newsq::Article;
using newsq::Entity;
using newsq::EntityType;
using newsq::Quote;

namespace {

Article article(std::string body, std::string source = "Valley Post") {
    Article a;
    a.id = "test";
    a.source = std::move(source);
    a.body = std::move(body);
    return a;
}

Article analysed(std::string body) {
    Article a = article(std::move(body));
    newsq::Analyzer{}.analyze(a);
    return a;
}

std::string paragraphs(std::initializer_list<std::string_view> list) {
    std::string text;
    for (const std::string_view p : list) {
        text += text.empty() ? "" : "\n\n";
        text += p;
    }
    return text;
}

// The article's entities of `type`, as "name | name", so a failure shows them.
std::string names(const Article& a, EntityType type) {
    std::string result;
    for (const Entity& e : a.entities) {
        if (e.type == type) {
            result += result.empty() ? "" : " | ";
            result += e.name;
        }
    }
    return result;
}

// Quotes as "[speaker] text" lines, so a failure shows them.
std::string describe(const std::vector<Quote>& quotes) {
    std::string result;
    for (const Quote& q : quotes) {
        result += "[" + q.speaker + "] " + q.text + "\n";
    }
    return result;
}

// An article body and the quotes, with speakers, its analysis must find.
struct QuoteCase {
    std::string_view name;
    std::string_view body;
    std::vector<Quote> quotes;
};

void check_quotes(std::initializer_list<QuoteCase> cases) {
    for (const QuoteCase& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(describe(analysed(std::string(c.body)).quotes) == describe(c.quotes));
    }
}

constexpr std::string_view kFirst = "The city council approved the harbour budget on Monday.";
constexpr std::string_view kLast = "Work on the quay is due to start in the spring.";

} // namespace

TEST_CASE("analysis: fixed-pattern web boilerplate paragraphs are removed from the body") {
    const std::string_view lines[] = {
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Trending",
        "Exit mobile version",
        "For the latest headlines, follow our Google News channel online or via the app.",
        "Read more: Harbour levy splits the council after a late-night session",
    };
    for (const std::string_view line : lines) {
        CAPTURE(std::string(line));
        CHECK(analysed(paragraphs({kFirst, line, kLast})).body == paragraphs({kFirst, kLast}));
    }
}

TEST_CASE("analysis: a line repeated across one source's articles is learned as boilerplate") {
    constexpr std::string_view promo =
        "Get the Harbour Times briefing in your inbox every morning.";
    std::vector<Article> articles;
    for (const std::string_view story :
         {"The ferry strike ended on Friday.", "Fishing quotas were cut again this year.",
          "A new bridge opened to cyclists."}) {
        articles.push_back(article(paragraphs({story, promo}), "Harbour Times"));
    }
    articles.push_back(article(paragraphs({kFirst, promo}), "Valley Post"));
    newsq::BoilerplateModel model;
    for (const Article& a : articles) {
        model.observe(a);
    }
    const newsq::Analyzer analyzer;
    for (Article& a : articles) {
        analyzer.analyze(a, &model);
    }
    CHECK(articles[0].body == "The ferry strike ended on Friday.");
    CHECK(articles[2].body == "A new bridge opened to cyclists.");
    CHECK(articles[3].body == paragraphs({kFirst, promo}));
}

TEST_CASE("analysis: a person has one canonical name: the fullest, without title or possessive") {
    const Article a = analysed(
        "US Secretary of State Antony Blinken arrived in Warsaw on Monday. Blinken's visit "
        "follows talks in Brussels.\n\n"
        "President Joe Biden will travel next month, officials said. Biden is expected to meet "
        "Chinese President Xi Jinping later in the year, and President Biden has said the "
        "meeting will be frank.");
    CHECK(names(a, EntityType::person) == "Antony Blinken | Joe Biden | Xi Jinping");
}

TEST_CASE("analysis: sentence-initial capitals are not entities") {
    const Article a = analysed(
        "Despite the rain, hundreds of people queued outside the town hall. Yesterday the mayor "
        "opened the doors early.\n\n"
        "Intentionally or not, the timing helped. \u201CIntentionally closing the doors would "
        "have been cruel,\u201D one volunteer said.");
    for (const Entity& e : a.entities) {
        CHECK(e.name != "Despite");
        CHECK(e.name != "Yesterday");
        CHECK(e.name != "Intentionally");
    }
}

TEST_CASE("analysis: places and organisations are found with their types") {
    const Article a = analysed(
        "The United Nations and the World Health Organization sent medical teams to Mariupol "
        "and Kharkiv in Ukraine on Tuesday, after Russia agreed to a pause in the shelling.");
    CHECK(names(a, EntityType::place) == "Kharkiv | Mariupol | Russia | Ukraine");
    CHECK(names(a, EntityType::organization) == "United Nations | World Health Organization");
    CHECK(names(a, EntityType::person).empty());
}

TEST_CASE("analysis: quotes and their speakers") {
    check_quotes({
        {"straight quotes, X said",
         "Mayor Lena Fischer opened the session.\n\n"
         "\"We will rebuild the bridge,\" Fischer said.",
         {{"We will rebuild the bridge,", "Lena Fischer"}}},
        {"curly quotes, said X",
         "\u201CThe money is there,\u201D said Lena Fischer, the mayor.",
         {{"The money is there,", "Lena Fischer"}}},
        {"a quote split around its attribution is two quotes",
         "Lena Fischer spoke first.\n\n"
         "\u201CThe port is open,\u201D she said. \u201CThe ships are not.\u201D",
         {{"The port is open,", "Lena Fischer"}, {"The ships are not.", "Lena Fischer"}}},
        {"a quote over a paragraph break is one quote, its parts joined by a space",
         "Tomas Berg presented the plan.\n\n"
         "\u201CThe first part is the harbour.\n\n"
         "\u201CThe second part is the railway,\u201D Berg said.",
         {{"The first part is the harbour. The second part is the railway,", "Tomas Berg"}}},
        {"X told reporters",
         "\u201CWe expect a decision by June,\u201D Tomas Berg told reporters in the lobby.",
         {{"We expect a decision by June,", "Tomas Berg"}}},
        {"according to X",
         "\u201CRepairs will take a year,\u201D according to Tomas Berg, the city engineer.",
         {{"Repairs will take a year,", "Tomas Berg"}}},
        {"X added",
         "Tomas Berg said the work had begun. \u201CIt will not be cheap,\u201D Berg added.",
         {{"It will not be cheap,", "Tomas Berg"}}},
        {"a pronoun is the last named person",
         "Lena Fischer opened the meeting. Then Tomas Berg presented the report.\n\n"
         "\u201CWe have started,\u201D he said.",
         {{"We have started,", "Tomas Berg"}}},
        {"the speaker of a quote that reports someone else's words is the one quoting",
         "Secretary of State Antony Blinken spoke in Brussels on Tuesday.\n\n"
         "\u201CYesterday, President Biden said that in his view war crimes have been "
         "committed in Ukraine,\u201D Blinken told reporters after the meeting.",
         {{"Yesterday, President Biden said that in his view war crimes have been committed in "
           "Ukraine,",
           "Antony Blinken"}}},
    });
}

TEST_CASE("analysis: who said it, as real news writes it") {
    check_quotes({
        {"\"he said\" after a quote is its speaker, not a person named inside it",
         "\u201CYesterday, President Joe Biden said that war crimes were committed,\u201D "
         "Antony Blinken told reporters. \u201CPersonally, I agree,\u201D he said.",
         {{"Yesterday, President Joe Biden said that war crimes were committed,", "Antony Blinken"},
          {"Personally, I agree,", "Antony Blinken"}}},
        {"the pronoun next to the verb, not an earlier word of the sentence",
         "Antony Blinken met Joe Biden on Thursday.\n\n"
         "In the talks Friday, he said, Biden \u201Cwill make clear that there will be costs "
         "for any support.\u201D",
         {{"will make clear that there will be costs for any support.", "Antony Blinken"}}},
        {"she is the woman spoken of, not the man quoted last",
         "\u201CThe vote is close,\u201D said Tomas Berg. Hillary Mendes leads the count.\n\n"
         "\u201CWe will win the district,\u201D she said.",
         {{"The vote is close,", "Tomas Berg"}, {"We will win the district,", "Hillary Mendes"}}},
        {"X, a spokeswoman for Y, said",
         "\u201CThe plant will reopen in May,\u201D Lena Fischer, a spokeswoman for Acme Widget "
         "Corp, said on Monday.",
         {{"The plant will reopen in May,", "Lena Fischer"}}},
        {"a colon after the name",
         "Tomas Berg put it plainly: \u201CThe harbour is not for sale.\u201D",
         {{"The harbour is not for sale.", "Tomas Berg"}}},
        {"an anonymous source names no one, not the last person named",
         "Tomas Berg chaired the meeting.\n\n"
         "\u201CThe budget was never going to pass,\u201D a senior official said.",
         {{"The budget was never going to pass,", ""}}},
        {"a surname the entity finder does not know",
         "\u201CThe count will be over by Friday,\u201D Mr. Woolson said.",
         {{"The count will be over by Friday,", "Woolson"}}},
        {"a quote signed after a dash, in its paragraph or the next",
         "\u201CThe ships are late and the cranes are broken.\u201D \u2014 Lena Fischer\n\n"
         "\u201CNobody told us the harbour would close.\u201D\n\n"
         "- Tomas Berg, Oslo",
         {{"The ships are late and the cranes are broken.", "Lena Fischer"},
          {"Nobody told us the harbour would close.", "Tomas Berg"}}},
        {"a name with an aside, even one the entity finder does not know",
         "\u201CThe count is over,\u201D Woolson, a clerk who worked for Lena Fischer, said.",
         {{"The count is over,", "Woolson"}}},
        {"a quote with no cue goes on from the one before",
         "\u201CThe ships are late,\u201D said Lena Fischer.\n\n"
         "\u201CThe cranes are broken and the crews have gone home.\u201D",
         {{"The ships are late,", "Lena Fischer"},
          {"The cranes are broken and the crews have gone home.", "Lena Fischer"}}},
    });
}

TEST_CASE("analysis: organisations named by the words inside them") {
    struct Case {
        std::string_view name;
        std::string_view body;
        std::string_view organizations;
    };
    const Case cases[] = {
        {"a plural possessive inside the name",
         "Tom Ridley, an organiser with the Federated Dockers\u2019 Union, joined the picket.",
         "Federated Dockers' Union"},
        {"an organisation word before \"for\"",
         "Mara Ekdal, a geologist at the Baltic Institute for Coastal Research, took samples.",
         "Baltic Institute for Coastal Research"},
        {"a title inside the name is no title when an organisation word follows",
         "Petra Lind of the Civic Justice Network said the rules were weak.",
         "Civic Justice Network"},
        {"a title in the possessive before an organisation word",
         "The Auditor General's Office opened a review of the contract.",
         "Auditor General's Office"},
        {"a whole name in the possessive owns the next name",
         "A study by Harwick University's Energy Institute found demand rising.",
         "Energy Institute | Harwick University"},
        {"an ampersand inside the name",
         "Fenwick & Dorne said its sales rose, and Fenwick & Dorne shares gained.",
         "Fenwick & Dorne"},
        {"legal forms dropped, whichever stage found the name",
         "Acme Widget Corp said it would cut 200 jobs. Later, Acme Widget Inc. shares fell.",
         "Acme Widget"},
        {"\"Executive\", \"Survey\", \"Workers\" and \"Ferries\" end names",
         "The Road Safety Executive, the Coastal Survey, the United Harbour Workers and Fjord "
         "Ferries signed the charter.",
         "Coastal Survey | Fjord Ferries | Road Safety Executive | United Harbour Workers"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(names(analysed(std::string(c.body)), EntityType::organization) == c.organizations);
    }
}

TEST_CASE("analysis: organisations named by the words around them") {
    struct Case {
        std::string_view name;
        std::string_view body;
        std::string_view organizations;
    };
    const Case cases[] = {
        {"a role at the organisation",
         "Ines Moreau, a curator at the Velmont, chose the paintings.", "Velmont"},
        {"a kind of organisation before the name",
         "The battery maker Trelvik opened a plant on Monday.", "Trelvik"},
        {"a description of an organisation after a comma",
         "The warning came from Norrvik, the regional water authority, on Friday.", "Norrvik"},
        {"a club abbreviation before the name", "KS Olsza Wolbrom won the cup final on Sunday.",
         "KS Olsza Wolbrom"},
        {"several words before a score", "The hosts lost to Olsza Wolbrom 31-27 in the final.",
         "Olsza Wolbrom"},
        {"a name with commas the gazetteer knows",
         "The Department for Environment, Food and Rural Affairs published the figures.",
         "Department for Environment, Food and Rural Affairs"},
        {"a name ending in a question mark the gazetteer knows",
         "Consumer group Which? called for a ban.", "Which?"},
        {"an organisation and a place the gazetteer knows as one name",
         "Figures from NHS Scotland showed a rise in admissions.", "NHS Scotland"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(names(analysed(std::string(c.body)), EntityType::organization) == c.organizations);
    }
}

TEST_CASE("analysis: one name, one kind, across an article") {
    SUBCASE("a lone word first named as an organisation is not a person when it speaks") {
        const Article a = analysed("The chip maker Trelvik opened a plant in Dresden.\n\n"
                                   "\u201CWe are hiring,\u201D Trelvik said in a statement.");
        CHECK(names(a, EntityType::organization) == "Trelvik");
        CHECK(names(a, EntityType::person).empty());
    }
    SUBCASE("a company is not also a person where one mention looks like a name") {
        const Article a = analysed("Shares of Acme Widget Inc. fell 5 percent on Tuesday.\n\n"
                                   "The Ohio manufacturer blamed weak demand. Acme Widget said "
                                   "it would cut costs.");
        CHECK(names(a, EntityType::organization) == "Acme Widget");
        CHECK(names(a, EntityType::person).empty());
    }
    SUBCASE("a lone word that speaks is the short form of an organisation's name") {
        const Article a = analysed("Dunmore Logistics lost a contract on Monday.\n\n"
                                   "\u201CWe will appeal,\u201D Dunmore said.");
        CHECK(names(a, EntityType::organization) == "Dunmore Logistics");
        CHECK(names(a, EntityType::person).empty());
    }
}

TEST_CASE("analysis: a name with particles is one person's name") {
    const Article a = analysed("Karim bin Saleh al-Harbi met Ursula von der Leyen in Riyadh. "
                               "Von der Leyen said the talks went well.");
    CHECK(names(a, EntityType::person) == "Karim bin Saleh al-Harbi | Ursula von der Leyen");
}

TEST_CASE("analysis: words that look like organisations but are not") {
    SUBCASE("abbreviations of common nouns") {
        const Article a = analysed("DNA laboratory expands as energy M&A deals slow");
        CHECK(names(a, EntityType::organization).empty());
    }
    SUBCASE("a legal form that is also an English word is no kind of organisation") {
        const Article a = analysed("The bend, known as Tarrow, is where the race is won.");
        CHECK(names(a, EntityType::organization).empty());
    }
}
