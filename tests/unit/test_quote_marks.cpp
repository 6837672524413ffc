// The quotation marks of other languages: the analysis finds the direct quotations of German,
// French, Spanish, Russian, Chinese and Japanese articles, and English ones as before.

#include <initializer_list>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include <newsq/analysis.hpp>

namespace {

// An article body and the texts of the quotes its analysis must find, one a line.
struct MarksCase {
    std::string_view name;
    std::string_view body;
    std::string_view quotes;
};

std::string quote_texts(std::string_view body) {
    newsq::Article a;
    a.id = "test";
    a.source = "Valley Post";
    a.body = std::string(body);
    newsq::Analyzer{}.analyze(a);
    std::string result;
    for (const newsq::Quote& q : a.quotes) {
        result += q.text + "\n";
    }
    return result;
}

void check_marks(std::initializer_list<MarksCase> cases) {
    for (const MarksCase& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(quote_texts(c.body) == c.quotes);
    }
}

} // namespace

TEST_CASE("quote marks: German, Czech and Polish „…“ and „…”") {
    check_marks({
        {"„ closes with “",
         "Der Stadtrat hat am Montag über den Hafen beraten.\n\n"
         "„Wir bauen die Brücke im nächsten Jahr neu“, sagte die Bürgermeisterin. "
         "„Das Geld liegt bereit.“",
         "Wir bauen die Brücke im nächsten Jahr neu\nDas Geld liegt bereit.\n"},
        {"„ closes with ”",
         "„Nie zamkniemy portu przed zimą” – powiedział burmistrz na sesji rady.",
         "Nie zamkniemy portu przed zimą\n"},
        {"an English mark inside is text",
         "„Er hat \"nie\" zu den Plänen für den Kai gesagt“, erklärte der Sprecher.",
         "Er hat \"nie\" zu den Plänen für den Kai gesagt\n"},
        {"a quotation over a paragraph break goes on at the next „",
         "„Der erste Teil ist der Hafen.\n\n"
         "„Der zweite Teil ist die Bahnstrecke“, sagte der Planer.",
         "Der erste Teil ist der Hafen. Der zweite Teil ist die Bahnstrecke\n"},
        {"single ‚…‘, which the apostrophe ’ does not end",
         "Auf dem Plakat am Rathaus stand ‚Wie geht’s weiter mit unserem Hafen‘ in Rot.",
         "Wie geht’s weiter mit unserem Hafen\n"},
    });
}

TEST_CASE("quote marks: guillemets, French, Spanish and Russian «…»") {
    check_marks({
        {"French, with spaces inside the marks",
         "« Nous reconstruirons le pont l’an prochain », a déclaré la maire lundi.",
         "Nous reconstruirons le pont l’an prochain\n"},
        {"French, with no-break and narrow no-break spaces",
         "«\u00A0Le port restera ouvert cet hiver\u00A0», a-t-elle dit. "
         "«\u202FLes quais seront réparés avant mars\u202F»",
         "Le port restera ouvert cet hiver\nLes quais seront réparés avant mars\n"},
        {"a French quotation over a paragraph break",
         "« Les travaux commencent en avril.\n\n"
         "« Ils dureront deux ans au moins », a précisé l’ingénieur.",
         "Les travaux commencent en avril. Ils dureront deux ans au moins\n"},
        {"a closing » with no « open before it in its paragraph opens nothing",
         "« Nous partons demain matin de bonne heure.\n\n"
         "Nous reviendrons lundi », a-t-il ajouté. Puis il est parti vers le port.",
         "Nous partons demain matin de bonne heure.\n"},
        {"Spanish, an English quotation inside",
         "«Vamos a reconstruir el puente el año que viene», dijo la alcaldesa. "
         "«El concejal dijo “nunca” a la prensa ayer»",
         "Vamos a reconstruir el puente el año que viene\n"
         "El concejal dijo “nunca” a la prensa ayer\n"},
        {"Russian", "«Мы восстановим мост в следующем году», — заявила мэр города.",
         "Мы восстановим мост в следующем году\n"},
    });
}

TEST_CASE("quote marks: reversed guillemets, German and Danish »…«") {
    check_marks({
        {"German »…«, after a breadcrumb whose lone » quotes nothing",
         "Start » Lokales » Hafen\n\n"
         "»Wir bauen die Brücke im nächsten Jahr neu«, sagte die Bürgermeisterin. "
         "»Das Geld liegt bereit.«",
         "Wir bauen die Brücke im nächsten Jahr neu\nDas Geld liegt bereit.\n"},
        {"Danish", "»Vi bygger broen igen til næste år«, siger borgmesteren.",
         "Vi bygger broen igen til næste år\n"},
        {"Swedish »…»", "»Vi bygger bron igen nästa år», säger borgmästaren. Bygget börjar i maj.",
         "Vi bygger bron igen nästa år\n"},
    });
}

TEST_CASE("quote marks: Chinese and Japanese 「…」 and 『…』, two characters to a word") {
    check_marks({
        {"Japanese, a short answer is no quotation",
         "市長は記者会見で「来年には橋を必ず再建します」と述べた。質問には「はい」と答えた。",
         "来年には橋を必ず再建します\n"},
        {"Japanese, 『…』 inside 「…」 is text",
         "「『港は閉じない』と市長は何度も言った」と漁師は話した。",
         "『港は閉じない』と市長は何度も言った\n"},
        {"Chinese, six characters are three words, eight are four",
         "市长说「我们明天再来」。他又说「我们明天一定再来」。", "我们明天一定再来\n"},
        {"Chinese in “…”", "市长表示：“我们明年一定会重建这座桥。”",
         "我们明年一定会重建这座桥。\n"},
    });
}

TEST_CASE("quote marks: English quotations and apostrophes as ever") {
    check_marks({
        {"curly and straight quotes among apostrophes",
         "It’s the harbour’s last winter, the dockers’ union says.\n\n"
         "“We don’t know if we’ll be paid,” said Tomas Berg. ‘It isn’t fair,’ he added. "
         "\"They've said 'wait' for years,\" Berg said.\n\n"
         "Lena Fischer's office didn't answer. \"The port's future isn't ours to decide.\"",
         "We don’t know if we’ll be paid,\n"
         "They've said 'wait' for years,\n"
         "The port's future isn't ours to decide.\n"},
        {"a straight quote closed by a curly one goes on over a paragraph break",
         "\"The first part is the harbour’s.\n\n"
         "“The second is the railway’s,” Berg said.",
         "The first part is the harbour’s. The second is the railway’s,\n"},
    });
}
