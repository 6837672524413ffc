// Proper names for people, places and organisations.

#include <array>
#include <string_view>

#include "lexicon.hpp"

namespace newsq::gen {
namespace {

// clang-format off
constexpr auto first_name_list = std::to_array<std::string_view>({
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony",
    "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
    "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Dorothy", "Kevin", "Carol", "Brian",
    "Amanda", "George", "Melissa", "Edward", "Deborah", "Ronald", "Stephanie", "Timothy", "Rebecca",
    "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy",
    "Nicholas", "Shirley", "Eric", "Angela", "Jonathan", "Helen", "Stephen", "Anna", "Larry",
    "Brenda", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Emma", "Benjamin", "Samantha",
    "Samuel", "Katherine", "Gregory", "Christine", "Frank", "Debra", "Alexander", "Rachel",
    "Raymond", "Catherine", "Patrick", "Carolyn", "Jack", "Janet", "Dennis", "Ruth", "Jerry",
    "Maria", "Tyler", "Heather", "Aaron", "Diane", "Adam", "Julie", "Henry", "Joyce", "Nathan",
    "Victoria", "Douglas", "Olivia", "Peter", "Christina", "Kyle", "Lauren", "Walter", "Joan",
    "Ethan", "Evelyn", "Jeremy", "Judith", "Harold", "Megan", "Keith", "Cheryl", "Roger", "Hannah",
    "Noah", "Martha", "Carl", "Frances", "Sean", "Teresa", "Arthur", "Kathryn", "Lawrence", "Sara",
    "Alice", "Jordan", "Grace", "Gabriel", "Julia", "Alan", "Marilyn", "Juan", "Beverly", "Natalie",
    "Elijah", "Isabella", "Louis", "Charlotte", "Philip", "Rose", "Ahmed", "Fatima", "Mohammed",
    "Aisha", "Wei", "Hiroshi", "Yuki", "Olga", "Dmitri", "Sergei", "Anya", "Priya", "Rahul",
    "Arjun", "Ananya", "Kwame", "Amara", "Chidi", "Ngozi", "Lars", "Ingrid", "Sven", "Astrid",
    "Pierre", "Camille", "Luca", "Giulia", "Carlos", "Lucia", "Diego", "Sofia", "Mateo",
    "Valentina", "Hans", "Greta", "Katarzyna", "Tomasz", "Miguel", "Ines", "Omar", "Leila", "Yusuf",
    "Zainab", "Kenji", "Mei", "Hana", "Min", "Tariq", "Nadia", "Mustafa", "Layla", "Ravi", "Deepa",
    "Kofi", "Abena", "Thabo", "Lerato", "José", "Zoë", "Chloé", "Björn", "Søren", "Renée", "Andrés",
    "Mónica"
});
// clang-format on

// clang-format off
constexpr auto surname_list = std::to_array<std::string_view>({
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
    "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
    "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
    "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
    "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
    "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook",
    "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
    "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood",
    "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo",
    "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry",
    "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Fisher", "Vasquez",
    "Simmons", "Romero", "Patterson", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace",
    "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina",
    "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez",
    "McDonald", "Woods", "Kennedy", "Wells", "Vargas", "Chen", "Freeman", "Webb", "Tucker",
    "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez",
    "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner",
    "Black", "Robertson", "Boyd", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
    "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Gardner",
    "Payne", "Grant", "Dunn", "Spencer", "Hawkins", "Arnold", "Pierce", "Hansen", "Peters",
    "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson",
    "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Delgado", "Berry", "Perkins", "Hoffman",
    "Johnston", "Matthews", "Richards", "Willis", "Carpenter", "Sandoval", "Müller", "Schneider",
    "Fischer", "Weber", "Becker", "Dubois", "Laurent", "Moreau", "Lefebvre", "Rossi", "Russo",
    "Ferrari", "Bianchi", "Esposito", "Kowalski", "Nowak", "Wiśniewski", "Ivanov", "Petrov",
    "Smirnov", "Popescu", "Novak", "Horvat", "Jensen", "Nielsen", "Larsen", "Andersson",
    "Johansson", "Karlsson", "Eriksson", "Virtanen", "Korhonen", "Tanaka", "Suzuki", "Takahashi",
    "Watanabe", "Yamamoto", "Sato", "Wang", "Zhang", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou",
    "Park", "Choi", "Jung", "Kang", "Singh", "Kumar", "Sharma", "Gupta", "Khan", "Ali", "Hussain",
    "Rahman", "Hassan", "Ibrahim", "Mahmoud", "Okafor", "Okonkwo", "Mensah", "Osei", "Mwangi",
    "Otieno", "Kamau", "Dlamini", "Nkosi", "Cohen", "Levi", "Friedman", "Pereira", "Oliveira",
    "Costa", "Almeida", "Carvalho", "Rocha", "Papadopoulos", "Yilmaz", "Kaya", "Demir", "Nasser",
    "Haddad", "Farah", "Abdi", "O'Brien", "Byrne", "Walsh", "Doyle", "MacLeod", "Fraser", "Núñez",
    "Gómez", "Peña", "Kovač", "Jovanović", "Åberg"
});
// clang-format on

// clang-format off
constexpr auto place_list = std::to_array<std::string_view>({
    "United States", "China", "Russia", "Ukraine", "Germany", "France", "Britain", "Japan", "India",
    "Brazil", "Canada", "Mexico", "Australia", "Italy", "Spain", "Poland", "Turkey", "Iran", "Iraq",
    "Syria", "Israel", "Egypt", "Saudi Arabia", "South Africa", "Nigeria", "Kenya", "Ethiopia",
    "Pakistan", "Afghanistan", "Indonesia", "Vietnam", "Thailand", "Philippines", "South Korea",
    "North Korea", "Argentina", "Chile", "Colombia", "Peru", "Venezuela", "Sweden", "Norway",
    "Finland", "Denmark", "Netherlands", "Belgium", "Switzerland", "Austria", "Greece", "Portugal",
    "Ireland", "Hungary", "Romania", "Serbia", "Lebanon", "Jordan", "Qatar", "Morocco", "Algeria",
    "Sudan", "Ghana", "Bangladesh", "Sri Lanka", "New Zealand", "Cuba", "Haiti", "Washington",
    "Beijing", "Moscow", "Kyiv", "Berlin", "Paris", "London", "Tokyo", "New Delhi", "Brasília",
    "Ottawa", "Mexico City", "Canberra", "Rome", "Madrid", "Warsaw", "Ankara", "Tehran", "Baghdad",
    "Damascus", "Jerusalem", "Cairo", "Riyadh", "Pretoria", "Abuja", "Nairobi", "Addis Ababa",
    "Islamabad", "Kabul", "Jakarta", "Hanoi", "Bangkok", "Manila", "Seoul", "Buenos Aires",
    "Santiago", "Bogotá", "Lima", "Caracas", "Stockholm", "Oslo", "Helsinki", "Copenhagen",
    "Amsterdam", "Brussels", "Vienna", "Athens", "Lisbon", "Dublin", "Budapest", "Bucharest",
    "Belgrade", "Beirut", "Amman", "Doha", "Rabat", "Khartoum", "Accra", "Dhaka", "New York",
    "Los Angeles", "Chicago", "Houston", "San Francisco", "Boston", "Seattle", "Miami", "Toronto",
    "Vancouver", "Montreal", "Shanghai", "Hong Kong", "Mumbai", "Bangalore", "Karachi", "Lagos",
    "Johannesburg", "Cape Town", "Istanbul", "Dubai", "Sydney", "Melbourne", "Osaka", "São Paulo",
    "Rio de Janeiro", "Barcelona", "Munich", "Hamburg", "Frankfurt", "Milan", "Naples", "Lyon",
    "Marseille", "Manchester", "Birmingham", "Glasgow", "Edinburgh", "Zürich", "Geneva", "Kraków",
    "Gdańsk", "Odesa", "Kharkiv", "Singapore", "Kuala Lumpur", "Taipei"
});
// clang-format on

// clang-format off
constexpr auto organisation_list = std::to_array<std::string_view>({
    "United Nations", "World Health Organization", "European Union", "NATO", "World Bank",
    "International Monetary Fund", "Red Cross", "Amnesty International", "Human Rights Watch",
    "International Criminal Court", "UNICEF", "World Trade Organization", "African Union", "OPEC",
    "Interpol", "European Central Bank", "Federal Reserve", "Bank of England",
    "International Atomic Energy Agency", "Doctors Without Borders", "Greenpeace", "Oxfam",
    "Save the Children", "World Food Programme", "UN Security Council", "Arab League",
    "International Olympic Committee", "FIFA", "UEFA", "European Commission", "European Parliament",
    "International Energy Agency", "Council of Europe", "Transparency International",
    "Reporters Without Borders", "Committee to Protect Journalists", "G20", "Northwind Energy",
    "Halcyon Motors", "Bluepeak Systems", "Meridian Capital", "Crestline Pharmaceuticals",
    "Silverline Telecom", "Quantix Labs", "Orion Aerospace", "Evergreen Foods",
    "Atlas Mining Group", "Pioneer Steel", "Summit Health Partners", "Brightwave Media",
    "Ironbridge Bank", "Lakeshore Insurance", "Vantage Robotics", "Cobalt Networks",
    "Solstice Airlines", "Redwood Analytics", "Keystone Logistics", "Aurora Biotech",
    "Helios Solar", "Sterling Retail Group", "Institute for Fiscal Research",
    "Centre for Strategic Studies", "Ministry of Finance", "Ministry of Defence",
    "Ministry of Health", "Supreme Court"
});
// clang-format on

} // namespace

std::span<const std::string_view> first_names() {
    return first_name_list;
}

std::span<const std::string_view> surnames() {
    return surname_list;
}

std::span<const std::string_view> places() {
    return place_list;
}

std::span<const std::string_view> organisations() {
    return organisation_list;
}

} // namespace newsq::gen
