// Sections, sources, roles and boilerplate of the invented publications.

#include <array>
#include <string_view>

#include "lexicon.hpp"

namespace newsq::gen {
namespace {

constexpr auto role_list = std::to_array<Role>({
    {"a spokesperson for ", RoleTarget::organisation},
    {"the chief executive of ", RoleTarget::organisation},
    {"a senior official at ", RoleTarget::organisation},
    {"an analyst at ", RoleTarget::organisation},
    {"the director of ", RoleTarget::organisation},
    {"a researcher at ", RoleTarget::organisation},
    {"a former adviser to ", RoleTarget::organisation},
    {"the mayor of ", RoleTarget::place},
    {"the ambassador to ", RoleTarget::place},
    {"a lawmaker from ", RoleTarget::place},
    {"a resident of ", RoleTarget::place},
    {"a correspondent in ", RoleTarget::place},
});

constexpr auto world_topics = std::to_array<std::string_view>(
    {"ceasefire",    "refugees",    "embassy",    "diplomats",  "sanctions",    "border",
     "humanitarian", "troops",      "rebels",     "summit",     "envoy",        "coalition",
     "treaty",       "asylum",      "militia",    "insurgents", "peacekeepers", "occupation",
     "hostages",     "airstrikes",  "evacuation", "displaced",  "negotiations", "diplomacy",
     "bilateral",    "sovereignty", "annexation", "regime",     "protesters",   "junta"});

constexpr auto politics_topics = std::to_array<std::string_view>(
    {"parliament", "senate",     "legislation",  "ballot",    "lawmakers",   "opposition",
     "coalition",  "referendum", "constituency", "caucus",    "amendment",   "filibuster",
     "incumbent",  "polling",    "manifesto",    "cabinet",   "impeachment", "governor",
     "mayor",      "bill",       "veto",         "primaries", "electorate",  "candidates",
     "nominee",    "lobbying",   "bipartisan",   "reform",    "scandal",     "inquiry"});

constexpr auto business_topics = std::to_array<std::string_view>(
    {"earnings",     "revenue",     "shares",     "investors", "profits",  "quarterly",
     "merger",       "acquisition", "inflation",  "dividend",  "stocks",   "bonds",
     "shareholders", "startup",     "retailers",  "supply",    "exports",  "tariffs",
     "layoffs",      "valuation",   "forecast",   "lenders",   "mortgage", "currency",
     "commodities",  "oil",         "bankruptcy", "consumers", "wages",    "productivity"});

constexpr auto technology_topics = std::to_array<std::string_view>(
    {"software", "smartphone", "algorithm",     "artificial", "intelligence", "cybersecurity",
     "hackers",  "encryption", "semiconductor", "chips",      "cloud",        "data",
     "privacy",  "platform",   "app",           "startup",    "broadband",    "satellite",
     "robotics", "automation", "browser",       "developers", "servers",      "outage",
     "breach",   "blockchain", "gadgets",       "firmware",   "processors",   "networks"});

constexpr auto science_topics = std::to_array<std::string_view>(
    {"researchers", "study",     "scientists", "experiment", "telescope",  "species",
     "climate",     "genome",    "particles",  "laboratory", "fossils",    "asteroid",
     "orbit",       "galaxy",    "molecules",  "physics",    "chemistry",  "biology",
     "evolution",   "ecosystem", "glacier",    "emissions",  "vaccine",    "journal",
     "hypothesis",  "specimens", "volcano",    "quantum",    "spacecraft", "findings"});

constexpr auto sport_topics = std::to_array<std::string_view>(
    {"goal",        "league",   "championship", "coach",      "striker",   "tournament",
     "stadium",     "fans",     "midfielder",   "penalty",    "semifinal", "final",
     "victory",     "defeat",   "squad",        "transfer",   "referee",   "innings",
     "wicket",      "marathon", "medal",        "olympic",    "cup",       "playoff",
     "quarterback", "rally",    "sprint",       "goalkeeper", "season",    "injury"});

constexpr auto health_topics = std::to_array<std::string_view>(
    {"patients",  "hospital",  "vaccine",      "doctors",  "nurses",    "disease",
     "outbreak",  "infection", "treatment",    "clinical", "trial",     "symptoms",
     "virus",     "pandemic",  "diabetes",     "cancer",   "obesity",   "mental",
     "therapy",   "surgery",   "prescription", "drugs",    "dementia",  "pharmacy",
     "diagnosis", "epidemic",  "immunity",     "cardiac",  "wellbeing", "nutrition"});

constexpr auto culture_topics = std::to_array<std::string_view>(
    {"film",        "album",    "novel",     "festival", "museum",     "exhibition",
     "director",    "actor",    "actress",   "theatre",  "gallery",    "concert",
     "orchestra",   "painting", "author",    "poetry",   "opera",      "premiere",
     "documentary", "artist",   "sculpture", "ballet",   "literature", "songwriter",
     "designer",    "fashion",  "heritage",  "memoir",   "streaming",  "cinema"});

constexpr auto section_list = std::to_array<Section>({
    {"World", "world", 22, world_topics},
    {"Politics", "politics", 18, politics_topics},
    {"Business", "business", 16, business_topics},
    {"Sport", "sport", 15, sport_topics},
    {"Technology", "technology", 10, technology_topics},
    {"Culture", "culture", 8, culture_topics},
    {"Health", "health", 7, health_topics},
    {"Science", "science", 4, science_topics},
});

constexpr auto footer_list = std::to_array<std::string_view>({
    "Leave a Reply",
    "Read more: {headline}",
    "Sign up for our newsletter",
    "Exit mobile version",
    "Sign up for the {source} newsletter to get the day's top stories in your inbox.",
    "© {year} {source}. All rights reserved.",
    "Share this article: Facebook, Twitter, LinkedIn, Email",
    "Subscribe to {source} for unlimited access to our journalism.",
    "This story was first published by {source}.",
    "Comments are closed.",
    "Related: {headline}",
    "Advertisement",
    "Follow {source} on Facebook and X for the latest updates.",
    "Click here to get {source} news alerts on your phone.",
    "Copyright {year} {source}. This material may not be published, broadcast, rewritten or "
    "redistributed.",
    "Have a news tip? Contact the {source} newsroom.",
});

constexpr auto source_list = std::to_array<Source>({
    {"The Daily Ledger", "dailyledger", true, {1, 4, 5}},
    {"Morning Courier", "morningcourier", false, {0, 9, 3}},
    {"The Harbour Times", "harbourtimes", true, {10, 7, 14}},
    {"Capital Dispatch", "capitaldispatch", true, {2, 12, 5}},
    {"The Evening Sentinel", "eveningsentinel", false, {1, 6, 15}},
    {"Northern Gazette", "northerngazette", true, {0, 1, 3}},
    {"Global Wire Service", "globalwire", false, {14, 8, 13}},
    {"The Metro Herald", "metroherald", true, {11, 4, 6}},
    {"Riverside Post", "riversidepost", false, {6, 0, 9}},
    {"The Continental Review", "continentalreview", true, {7, 10, 5}},
    {"Pacific Tribune", "pacifictribune", true, {13, 1, 14}},
    {"The Civic Observer", "civicobserver", false, {15, 2, 3}},
    {"Lakeside Chronicle", "lakesidechronicle", true, {0, 12, 5}},
    {"Atlas News Network", "atlasnews", false, {13, 11, 8}},
    {"The Union Journal", "unionjournal", true, {10, 4, 9}},
    {"Summit Daily", "summitdaily", false, {3, 6, 0}},
    {"The Frontier Standard", "frontierstandard", true, {1, 15, 14}},
    {"Meridian Times", "meridiantimes", true, {4, 10, 5}},
    {"Coastal Mail", "coastalmail", false, {12, 2, 3}},
    {"The Weekly Beacon", "weeklybeacon", true, {7, 1, 0}},
});

} // namespace

std::span<const Role> roles() {
    return role_list;
}

std::span<const Section> sections() {
    return section_list;
}

std::span<const Source> sources() {
    return source_list;
}

std::span<const std::string_view> footer_templates() {
    return footer_list;
}

} // namespace newsq::gen
