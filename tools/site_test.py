"""The built website in a real browser, offline (`make browser-test`, after `make site`).

Serves build/site on 127.0.0.1 and, in headless Chromium (every request to any
other host is aborted and counted), checks:

- every page of the site, reached by crawling from the home page: it loads, no
  internal link leads to a missing page or file, no image is broken;
- the home page and lessons 00, 07 and 12 open and are screenshot into
  build/browser/site-*.png; formulas on lesson 04 are rendered by MathJax
  (no raw `$$`, no MathJax error);
- the site's search finds lesson 08 for «переобучение» and «переобучения»;
- no solution code: no line between `### BEGIN SOLUTION` and `### END SOLUTION`
  of any homework solution appears in any built file.

Prints the counts and exits with 1 on any failure.
"""

import functools
import http.server
import os
import re
import sys
import threading
import urllib.parse

import nbformat

from tools import nbmeta

SITE = nbmeta.ROOT / "build" / "site"
SHOTS = nbmeta.ROOT / "build" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SEARCH_WORDS = ("переобучение", "переобучения")


def solution_lines():
    """Solution lines that give something away: inside a solution block and nowhere a student reads.

    Lines of a solution block (``tools.homework.solution_lines``) minus the lines that also stand
    outside the blocks of that solution, in its student version or in any lesson (``model.summary()``
    gives nothing away). Stripped; comments and lines under 8 characters are left out.
    """
    from tools import homework

    readable = set()
    for path in nbmeta.lessons() + nbmeta.student_versions():
        for cell in nbformat.read(path, as_version=4).cells:
            outs = cell.get("outputs", [])
            outputs = [out.get("text") or out.get("data", {}).get("text/plain", "") for out in outs]
            readable |= {line.strip() for text in [cell.source, *outputs] for line in text.splitlines()}
    secret = set()
    for path in nbmeta.solutions():
        nb = nbformat.read(path, as_version=4)
        inside = {line.strip() for line in homework.solution_lines(nb)}
        outside = set()
        for cell in nb.cells:
            spans = homework.solution_blocks(cell.source)
            blocks = {n for start, end in spans for n in range(start, end + 1)}
            outside |= {line.strip() for n, line in enumerate(cell.source.splitlines()) if n not in blocks}
        secret |= inside - outside
    return {line for line in secret - readable if len(line) >= 8 and not line.startswith("#")}


def leaked_solutions():
    """(file, line) for each solution line that stands as a whole line in a built page or file."""
    import html

    wanted = solution_lines()
    found = []
    for path in SITE.rglob("*"):
        if path.suffix in (".html", ".js", ".txt", ".ipynb", ".json") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            plain = html.unescape(re.sub(r"<[^>]+>", "", text))
            lines = {line.strip() for line in (text + "\n" + plain).replace("\\n", "\n").splitlines()}
            found += [(nbmeta.rel(path), line) for line in sorted(wanted & lines)]
    return found, len(wanted)


def serve():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # no line per request
            pass

    handler = functools.partial(Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def crawl(page, base):
    """Visit every internal page from the home page; return (pages, links checked, problems)."""
    todo, seen, pages, problems, links = [base], set(), [], [], 0
    while todo:
        url = todo.pop().split("#")[0]
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url, wait_until="load")
        if response is None or response.status >= 400:
            problems.append(f"broken link: {url}")
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        pages.append(url)
        broken = page.evaluate(
            "() => [...document.images]"
            ".filter(i => i.complete && i.naturalWidth === 0 && i.getAttribute('src'))"
            ".map(i => i.currentSrc || i.src)"
        )
        problems += [f"broken image on {url}: {src}" for src in broken]
        for href in page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)"):
            if not href.startswith(base):
                continue
            links += 1
            target = href.split("#")[0]
            last = urllib.parse.urlparse(target).path.rsplit("/", 1)[-1]
            if "." in last and not last.endswith((".html", ".htm")):  # a file: it must exist
                if target not in seen:
                    seen.add(target)
                    if page.request.get(target).status >= 400:
                        problems.append(f"broken link on {url}: {target}")
                continue
            todo.append(target)
    return pages, links, problems


def search_hits(page, base, word):
    page.goto(f"{base}search.html?q={urllib.parse.quote(word)}", wait_until="load")
    try:
        page.wait_for_selector("ul.search li a", timeout=20_000)
    except Exception:  # noqa: BLE001 (Playwright's TimeoutError): no result at all
        return []
    page.wait_for_timeout(1000)
    return page.evaluate("() => [...document.querySelectorAll('ul.search li a')].map(a => a.href)")


def main():
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").is_file():
        sys.exit("build/site is missing: run `make site` first")
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    leaked, solution_count = leaked_solutions()
    failures += [f"solution code in {where}: {line}" for where, line in leaked]
    server, base = serve()
    external = []

    def route(route_):
        url = route_.request.url
        if url.startswith(base) or url.startswith(("data:", "blob:")):
            return route_.continue_()
        external.append(url)
        return route_.abort()

    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ru-RU")
        context.route("**/*", route)
        page = context.new_page()
        pages, links, problems = crawl(page, base)
        failures += problems
        for prefix, name in (("", "home"), ("00_", "00"), ("07_", "07"), ("12_", "12")):
            url = base if not prefix else next((u for u in pages if f"/{prefix}" in u), None)
            if url is None:
                failures.append(f"no page for lesson {name}")
                continue
            page.goto(url, wait_until="load")
            page.wait_for_timeout(800)
            target = SHOTS / f"site-{name}.png"
            page.screenshot(path=str(target))
            shots.append(target.name)
        lesson04 = next((u for u in pages if "/04_" in u), None)
        page.goto(lesson04, wait_until="load")
        page.wait_for_timeout(4000)
        math = page.evaluate(
            "() => ({rendered: document.querySelectorAll('mjx-container').length,"
            " errors: document.querySelectorAll('mjx-merror, merror').length,"
            " raw: (document.querySelector('main') || document.body).innerText.split('$$').length - 1})"
        )
        if not math["rendered"] or math["errors"] or math["raw"]:
            failures.append(f"formulas on lesson 04 not rendered: {math}")
        found = {}
        for word in SEARCH_WORDS:
            hits = search_hits(page, base, word)
            found[word] = len(hits)
            if not any("08_overfitting" in hit for hit in hits):
                failures.append(f"search «{word}» does not find lesson 08 ({len(hits)} results)")
        browser.close()
    server.shutdown()
    failures += [f"external request: {url}" for url in sorted(set(external))]
    print(
        f"site: {len(pages)} pages crawled, {links} internal links checked, "
        f"{math['rendered']} formulas rendered on lesson 04, search {found}, "
        f"{solution_count} solution lines looked for (found {len(leaked)}), "
        f"{len(set(external))} external requests; screenshots in build/browser/: {', '.join(shots)}"
    )
    for failure in failures:
        print(f"  FAILED: {failure}")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
