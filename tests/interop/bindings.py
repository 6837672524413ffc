"""CTest interop.python: Xapian's Python bindings search an index built by newsindex from
tests/fixtures/articles, knowing only what README.md ("The index") documents: the index
directory opens as it is (XAPIANDB stub), the term prefixes, value slot 0 and the document data
(the article as JSON).

Usage: python3 bindings.py INDEX_DIR
"""
import json
import sys

try:
    import xapian
except ImportError:
    sys.exit("FAILED: no Python bindings for Xapian (Debian: apt-get install python3-xapian)")

TRIBUNAL = "hh-2022-0317-tribunal"
TITLE = "Tribunal opens inquiry into shelling of river towns"

db = xapian.Database(sys.argv[1])
parser = xapian.QueryParser()
parser.set_database(db)
parser.set_stemmer(xapian.Stem("en"))
parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
parser.add_prefix("title", "S")
parser.add_prefix("headline", "S")
parser.add_boolean_prefix("section", "XSECTION")
parser.add_boolean_prefix("source", "XSOURCE")
parser.add_boolean_prefix("id", "Q")

failures = []
if db.get_metadata("newsq.schema") != b"6":
    failures.append(f"metadata newsq.schema: got {db.get_metadata('newsq.schema')!r}")


def articles(query, filter_term=None):
    """The stored articles (decoded document data) matching `query`, by id."""
    if filter_term:
        query = xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(filter_term))
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    found = {}
    for match in enquire.get_mset(0, db.get_doccount()):
        article = json.loads(match.document.get_data().decode("utf-8"))
        found[article["id"]] = (article, match.document)
    return found


def expect(what, found, ids):
    if sorted(found) != sorted(ids):
        failures.append(f"{what}: expected {sorted(ids)}, got {sorted(found)}")


def parse(text):
    return parser.parse_query(text, xapian.QueryParser.FLAG_DEFAULT)


# A phrase of body words (the spun copy says "forensic specialists").
found = articles(parse('"forensic experts"'))
expect('"forensic experts"', found, [TRIBUNAL])
if TRIBUNAL in found:
    article, document = found[TRIBUNAL]
    for key, value in [("title", TITLE), ("section", "World"), ("source", "Harbor Herald"),
                       ("author", "Mira Castellanos"), ("published", "2022-03-17T09:30:00Z"),
                       ("language", "en")]:
        if article.get(key) != value:
            failures.append(f"data {key}: expected {value!r}, got {article.get(key)!r}")
    if not any(q["speaker"] == "Ilse Marten" for q in article.get("quotes", [])):
        failures.append(f"data quotes: none by Ilse Marten in {article.get('quotes')}")
    if document.get_value(0) != b"20220317093000":
        failures.append(f"value slot 0: got {document.get_value(0)!r}")
    terms = [t.term for t in document.termlist()]
    if f"Q{TRIBUNAL}".encode() not in terms:
        failures.append(f"no id term Q{TRIBUNAL}")
    if b"Len" not in terms:
        failures.append("no language term Len")

# Another phrase, with the section's filter term built by hand, then through the parser.
expect('"war crimes" + XSECTIONworld', articles(parse('"war crimes"'), "XSECTIONworld"),
       ["hh-2022-0305-awkward", TRIBUNAL, "hh-explainer-war-crimes"])
expect('"war crimes" section:politics', articles(parse('"war crimes" section:politics')),
       ["cw-2023-0112-committee"])
# Headline words (the spun copy has no headline), a source with a space, a day.
expect("headline:tribunal", articles(parse("headline:tribunal")), [TRIBUNAL])
expect('title:"opens inquiry"', articles(parse('title:"opens inquiry"')), [TRIBUNAL])
expect('source:"harbor herald"', articles(parse('source:"harbor herald"')),
       ["hh-2022-0305-awkward", TRIBUNAL, "hh-explainer-war-crimes"])
expect("crimes + D20220317", articles(parse("crimes"), "D20220317"), [TRIBUNAL])
expect("crimes + Lde (no German article)", articles(parse("crimes"), "Lde"), [])

for failure in failures:
    print("FAILED:", failure)
if failures:
    sys.exit(1)
print("all binding checks passed")
