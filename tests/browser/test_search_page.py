#!/usr/bin/env python3
"""browser.search_page: the search page of `newsq serve`, driven in headless Chromium.

Builds a fresh index of the given articles, starts `newsq serve --port 0`, searches from the
page as a person would and checks what the page shows against what /api/search answers for
the same request: the hits and their order, the total, the highlighted snippet words, the
duplicate clusters, every facet list, the timeline bars; then a section facet (URL, chip, every
hit's section), an organisation facet (the query text), the Back button, and a malformed query
(the API's error message). Saves a screenshot.

Exit status: 0 passed, 1 failed, 77 skipped (Chromium, chromedriver or selenium missing).
Standard library and selenium only.
"""

import argparse
import json
import os
import queue
import re
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

SKIP = 77
# Seconds for one wait. Waits end as soon as their condition holds, so this only matters when
# something is wrong; the AddressSanitizer build of the server needs the headroom.
WAIT = float(os.environ.get("NEWSQ_BROWSER_WAIT", "20"))
WINDOW = (1280, 1000)
DONE = ("ready", "empty", "error")  # the page's data-status once a search has been shown
QUERY = "war crimes"
BAD_QUERY = "title:("
# What the page asks the API for (app.js): the test asks the same, independently.
PAGE_PARAMS = {"sort": "relevance", "limit": "10", "facets": "8", "timeline": "month"}
FACET_KEYS = ("section", "source", "person", "organization", "place", "speaker")
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")  # the first found on PATH

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    webdriver = None


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


# ---------------------------------------------------------------------------------------------
# The server

class Server:
    """`newsq serve` on a free port; its first stdout line gives the URL."""

    def __init__(self, newsq, index, log_path):
        self.log_path = log_path
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(
            [newsq, "serve", "--index", index, "--bind", "127.0.0.1", "--port", "0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self.url = self._wait_for_url()

    def _read_stdout(self):
        for line in self.proc.stdout:  # keeps draining, so the server never blocks on stdout
            self.lines.put(line)
        self.lines.put(None)

    def _wait_for_url(self):
        try:
            line = self.lines.get(timeout=WAIT)
        except queue.Empty:
            raise Failure(f"newsq serve printed nothing within {WAIT:.0f} s{self.stderr_tail()}")
        if line is None:
            raise Failure(f"newsq serve exited with status {self.proc.wait()} before printing "
                          f"its URL{self.stderr_tail()}")
        match = re.search(r"serving .* on (http://\S+)", line)
        check(match, f"newsq serve's first line names no URL: {line!r}{self.stderr_tail()}")
        return match.group(1).rstrip("/") + "/"

    def stderr_tail(self):
        with open(self.log_path) as log:
            text = log.read()[-6000:]
        return f"\n--- newsq serve stderr ---\n{text}" if text.strip() else ""

    def stop(self):
        """Stops the server with SIGTERM; returns its exit status (None if it had to be killed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.log.close()
                return None
        self.log.close()
        return self.proc.returncode

    def api(self, path, params):
        """(status, JSON body) of GET path?params; params is a dict of str or list of str."""
        url = self.url + path + "?" + urllib.parse.urlencode(params, doseq=True)
        try:
            with urllib.request.urlopen(url, timeout=WAIT) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def search(self, **params):
        status, body = self.api("api/search", {**PAGE_PARAMS, **params})
        check(status == 200, f"/api/search {params} answered {status}: {body}")
        return body


# ---------------------------------------------------------------------------------------------
# The page

class Page:
    def __init__(self, driver):
        self.driver = driver

    def one(self, css, within=None):
        return (within or self.driver).find_element(By.CSS_SELECTOR, css)

    def all(self, css, within=None):
        return (within or self.driver).find_elements(By.CSS_SELECTOR, css)

    def text(self, css, within=None):
        return self.one(css, within).get_attribute("textContent")

    def texts(self, css):
        """The text of every node matching `css`, in one round trip."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]), n => n.textContent)", css)

    def status(self):
        return self.one("#main").get_attribute("data-status")

    def params(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)

    def describe(self):
        try:
            console = [entry["message"] for entry in self.driver.get_log("browser")
                       if entry["level"] == "SEVERE"]
            return (f"URL {self.driver.current_url}, status {self.status()!r}, "
                    f"summary {self.text('#summary')!r}, error {self.text('#error')!r}"
                    + "".join(f"\n  console: {message}" for message in console))
        except WebDriverException as error:
            return f"(page unreadable: {error.msg})"

    def wait(self, what, condition):
        try:
            WebDriverWait(self.driver, WAIT, poll_frequency=0.05).until(lambda _: condition())
        except TimeoutException:
            raise Failure(f"timed out after {WAIT:.0f} s waiting for {what}; {self.describe()}")

    def wait_shown(self, what, condition=lambda: True):
        """Waits until a search is shown (not loading) and `condition` holds, or an error is."""
        self.wait(what, lambda: self.status() == "error" or (self.status() in DONE and condition()))

    def search_from_box(self, query):
        box = self.one("#q")
        box.clear()
        box.send_keys(query, Keys.RETURN)

    def total(self):
        digits = re.sub(r"\D", "", self.text("#summary .total"))
        check(digits, f"no total in the summary {self.text('#summary')!r}")
        return int(digits)

    def facet_values(self, key):
        """[(value, count)] as the facet list `key` shows them."""
        css = f'#facets section[data-facet="{key}"] .facet-value'
        values, counts = self.texts(f"{css} .value"), self.texts(f"{css} .count")
        return list(zip(values, (int(count.replace(",", "")) for count in counts)))


# ---------------------------------------------------------------------------------------------
# Checks of the page against the API

def check_hits(page, expected, what):
    titles = page.texts("#results .hit .hit-title")
    want = [hit["title"] or "(no headline)" for hit in expected["hits"]]
    check(titles == want,
          f"{what}: the page shows the titles\n  {titles}\nthe API answers\n  {want}")
    check(page.total() == expected["total_estimate"],
          f"{what}: the page's total is {page.total()}, the API's {expected['total_estimate']}")
    for node, hit in zip(page.all("#results .hit"), expected["hits"]):
        link = page.all(".hit-title a", node)
        if hit["url"].startswith(("http://", "https://")):
            check(link and link[0].get_attribute("href") == hit["url"],
                  f"{what}: hit {hit['rank']}'s title does not link to {hit['url']}")
        clusters = page.all("details.cluster summary", node)
        if hit.get("cluster"):
            similar = f"+{hit['cluster']['size'] - 1} similar"
            check([c.get_attribute("textContent") for c in clusters] == [similar],
                  f"{what}: hit {hit['rank']} should say {similar!r}")
        else:
            check(not clusters, f"{what}: hit {hit['rank']} shows a cluster the API does not give")


def check_snippet_marks(page, expected):
    """The first hit's <mark>s are its highlight ranges, taken in code points."""
    hit = expected["hits"][0]
    chars = list(hit["snippet"])  # a Python str indexes code points, as the API's offsets do
    want = ["".join(chars[begin:end]) for begin, end in hit["highlights"]]
    marks = page.texts("#results .hit:first-child .snippet mark")
    check(marks == want, f"the first snippet marks {marks}, the API's highlights give {want}")
    words = {word.lower() for mark in page.texts("#results .snippet mark") for word in mark.split()}
    check("war" in words and any(word.startswith("crime") for word in words),
          f"no snippet marks 'war' and 'crimes': the marked words are {sorted(words)}")


def check_facets(page, expected, what):
    facets = expected.get("facets")
    check(facets is not None, f"{what}: the API gave no facets for facets=8")
    for key in FACET_KEYS:
        want = [(entry["value"], entry["count"]) for entry in facets.get(key, [])]
        shown = page.facet_values(key)
        check(shown == want, f"{what}: the {key} facet shows {shown}, the API gives {want}")
    check(page.facet_values("section"), f"{what}: no section facet values shown")


def check_timeline(page, expected):
    timeline = expected.get("timeline")
    check(timeline and timeline["buckets"], "the API gave no timeline buckets for timeline=month")
    buckets = timeline["buckets"]
    bars = page.all("#timeline svg rect.bar-fill")
    check(len(bars) == len(buckets),
          f"the timeline draws {len(bars)} bars for {len(buckets)} periods")
    for bar, bucket in zip(bars, buckets):
        height = float(bar.get_attribute("height"))
        check((height > 0) == (bucket["count"] > 0),
              f"the bar of {bucket['period']} ({bucket['count']} articles) is {height} high")
    titles = page.texts("#timeline svg g.bar title")
    first = buckets[0]
    check(titles and first["period"] in titles[0] and bucket_count(titles[0]) == first["count"],
          f"the first bar's tooltip {titles[:1]} does not give {first}")
    axis = page.texts("#timeline .axis span")
    check(axis == [buckets[0]["period"], buckets[-1]["period"]],
          f"the timeline's axis labels are {axis}")
    check(timeline["unit"] in page.text("#timeline figcaption"),
          f"the timeline's caption does not name the unit {timeline['unit']!r}")


def bucket_count(title):
    match = re.search(r":\s*([\d,]+)", title)
    return int(match.group(1).replace(",", "")) if match else None


def first_facet_value(page, key):
    links = page.all(f'#facets section[data-facet="{key}"] .facet-value')
    check(links, f"no {key} facet values to click; {page.describe()}")
    return links[0]


def check_section_filter(page, server, unfiltered):
    link = first_facet_value(page, "section")
    section = page.text(".value", link)
    link.click()
    page.wait_shown(f"the results filtered by section {section!r}",
                    lambda: page.params().get("section") == [section] and page.all("#chips .chip"))
    check(page.status() == "ready", f"the filtered search shows no results; {page.describe()}")
    check(page.params().get("q") == [QUERY], f"the facet changed the query: {page.params()}")
    chips = page.texts("#chips .chip b")
    check(chips == [section], f"the filter chips are {chips}, not [{section!r}]")
    sections = page.texts("#results .hit .meta .section")
    check(len(sections) == len(page.all("#results .hit"))
          and all(s.lower() == section.lower() for s in sections),
          f"filtered by {section!r}, the hits' sections are {sections}")
    expected = server.search(q=QUERY, section=section)
    check_hits(page, expected, f"section {section!r}")
    check_facets(page, expected, f"section {section!r}")
    before = unfiltered["total_estimate"]
    check(page.total() <= before,
          f"filtering by {section!r} raised the total from {before} to {page.total()}")
    return section


def check_back_button(page, unfiltered):
    page.driver.back()
    page.wait_shown("Back to the unfiltered results",
                    lambda: "section" not in page.params() and not page.all("#chips .chip"))
    check_hits(page, unfiltered, "after Back")


def check_entity_facet(page, server):
    link = first_facet_value(page, "organization")
    name = page.text(".value", link)
    want_q = f'{QUERY} org:"{name}"'
    link.click()
    page.wait_shown(f"the results for {want_q!r}", lambda: page.params().get("q") == [want_q])
    check(page.one("#q").get_attribute("value") == want_q,
          f"the search box holds {page.one('#q').get_attribute('value')!r}, not {want_q!r}")
    check(page.status() == "ready", f"{want_q!r} shows no results; {page.describe()}")
    check_hits(page, server.search(q=want_q), repr(want_q))


def check_query_error(page, server):
    status, body = server.api("api/search", {**PAGE_PARAMS, "q": BAD_QUERY})
    check(status == 400 and "error" in body, f"/api/search?q={BAD_QUERY} answered {status}: {body}")
    message = body["error"]["message"]
    page.search_from_box(BAD_QUERY)
    page.wait_shown(f"the error for {BAD_QUERY!r}", lambda: page.params().get("q") == [BAD_QUERY])
    check(page.status() == "error", f"{BAD_QUERY!r} shows no error; {page.describe()}")
    error = page.one("#error")
    check(error.is_displayed() and message in error.text,
          f"the error box says {error.text!r}, not the API's message {message!r}")
    check(not page.all("#results .hit"), "results are still shown under the error")


def check_console(page):
    """No JavaScript error; failed requests are the 400 of the malformed query only."""
    for entry in page.driver.get_log("browser"):
        if entry["level"] != "SEVERE":
            continue
        expected_400 = entry.get("source") == "network" and "status of 400" in entry["message"]
        check(expected_400, f"the browser console reports: {entry['message']}")


def save_screenshot(driver, path):
    check(driver.save_screenshot(path), f"could not save the screenshot {path}")
    with open(path, "rb") as png:
        head = png.read(24)
    size = os.path.getsize(path)
    check(head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG")
    width, height = struct.unpack(">II", head[16:24])
    check(width >= 400 and height >= 300 and size > 20_000,
          f"{path} looks empty: {width}x{height}, {size} bytes")


# ---------------------------------------------------------------------------------------------

def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = find_tool("CHROME_BIN", *CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--lang=en-GB"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(find_tool("CHROMEDRIVER", "chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT)
    return driver


def find_tool(variable, *names):
    if os.environ.get(variable):
        return os.environ[variable]
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def build_index(newsindex, articles, index):
    result = subprocess.run([newsindex, "add", "--quiet", "--index", index, articles],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
    check(result.returncode == 0,
          f"newsindex add exited {result.returncode}:\n{result.stdout}{result.stderr}")


def run(args):
    shutil.rmtree(args.work_dir, ignore_errors=True)
    os.makedirs(args.work_dir)
    if os.path.exists(args.screenshot):
        os.remove(args.screenshot)
    index = os.path.join(args.work_dir, "index")
    started = time.monotonic()
    build_index(args.newsindex, args.articles, index)
    indexed = time.monotonic()

    server = driver = None
    try:
        server = Server(args.newsq, index, os.path.join(args.work_dir, "serve.log"))
        driver = start_browser()
        browsing = time.monotonic()
        page = Page(driver)
        try:
            driver.get(server.url)
            page.wait("the empty search page", lambda: page.status() == "idle")
            page.search_from_box(QUERY)
            page.wait_shown(f"the results for {QUERY!r}", lambda: page.params().get("q") == [QUERY])
            check(page.status() == "ready", f"{QUERY!r} shows no results; {page.describe()}")

            expected = server.search(q=QUERY)
            found = len(expected["hits"])
            check(found >= 3, f"the API finds only {found} hits for {QUERY!r} in {args.articles}")
            check_hits(page, expected, repr(QUERY))
            check_snippet_marks(page, expected)
            check_facets(page, expected, repr(QUERY))
            check_timeline(page, expected)

            section = check_section_filter(page, server, expected)
            save_screenshot(driver, args.screenshot)
            check_back_button(page, expected)
            check_entity_facet(page, server)
            check_query_error(page, server)
            check_console(page)
            print(f"search page OK: {found} hits of {expected['total_estimate']} for {QUERY!r}, "
                  f"section {section!r}; screenshot {args.screenshot}")
            print(f"seconds: index {indexed - started:.1f}, server and browser start "
                  f"{browsing - indexed:.1f}, page {time.monotonic() - browsing:.1f}")
        except Failure:
            try:
                driver.save_screenshot(os.path.join(args.work_dir, "failure.png"))
            except WebDriverException:
                pass  # the failure says what went wrong
            raise
    except Failure as failure:
        if server:
            failure.args = (failure.args[0] + server.stderr_tail(),)
        raise
    finally:
        if driver:
            driver.quit()
        stop_status = server.stop() if server else None
    # Reached only when every check passed: then the server must also stop cleanly.
    check(stop_status is not None, f"newsq serve did not stop within {WAIT:.0f} s of SIGTERM")
    check(stop_status == 0, f"newsq serve exited {stop_status} after SIGTERM{server.stderr_tail()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newsindex", required=True)
    parser.add_argument("--newsq", required=True)
    parser.add_argument("--articles", required=True, help="the files or directory to index")
    parser.add_argument("--work-dir", required=True, help="for the index and the server's log")
    parser.add_argument("--screenshot", required=True, help="the PNG to write")
    args = parser.parse_args()

    missing = [what for what, found in (
        ("python3-selenium", webdriver is not None),
        ("chromium", find_tool("CHROME_BIN", *CHROMIUM)),
        ("chromium-driver", find_tool("CHROMEDRIVER", "chromedriver"))) if not found]
    if missing:
        print(f"SKIP: {', '.join(missing)} not installed ({sys.executable})")
        return SKIP
    try:
        run(args)
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
