"""Run All in a real browser: every lesson and homework, in JupyterLab started by `make lab`.

`make browser-test` (maintainers, CI; not part of `make test`). Steps:

1. copy the working tree into a temporary folder (the runs save the notebooks
   there, never in the repository) and link the course's `.venv` into it;
2. start JupyterLab there with the course's own command, `make lab`, in quick
   mode (COURSE_QUICK=1 reaches the kernels through the environment);
3. in headless Chromium (Debian's `chromium`, driven by Playwright) open each
   lesson and each homework (student version), choose Run → Run All Cells,
   wait until every code cell has its execution number, save (Ctrl+S);
4. read the saved notebook: every code cell must have run, in order, and no
   output may be an error; a screenshot of the first figure or widget goes to
   build/browser/<notebook>.png.

Prints one line per notebook and a summary; exits with 1 on any failure.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat

from tools import nbmeta

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = nbmeta.ROOT / "build" / "browser"
NOTEBOOK_TIMEOUT_S = 600


def notebooks():
    """The lessons, then the student versions of the homework: what a student opens."""
    return nbmeta.lessons() + nbmeta.student_versions()


def copy_tree(target):
    """Tracked and untracked (not ignored) files of the working tree, mtimes kept (make won't reinstall)."""
    command = ["git", "ls-files", "-co", "--exclude-standard", "-z"]
    listed = subprocess.run(command, cwd=nbmeta.ROOT, check=True, capture_output=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = nbmeta.ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(nbmeta.ROOT / ".venv")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(root, port, token):
    env = {**os.environ, "COURSE_QUICK": "1", **nbmeta.KERNEL_ENV}
    args = (
        f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token} "
        f"--LabApp.workspaces_dir={root / '.workspaces'}"  # never the student's own saved layout
    )
    process = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"ARGS={args}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2)
            return process
        except OSError:
            time.sleep(1)
    os.killpg(process.pid, signal.SIGTERM)
    sys.exit("JupyterLab did not start within 120 s (make lab)")


def shut_down_kernels(port, token):
    """Stop every kernel the server runs, so the next notebook starts with the memory free."""
    import json

    base = f"http://127.0.0.1:{port}/api/kernels"
    with urllib.request.urlopen(f"{base}?token={token}", timeout=10) as answer:
        kernels = json.load(answer)
    for kernel in kernels:
        request = urllib.request.Request(f"{base}/{kernel['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


PROMPTS_JS = """() => Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt'))
    .map(p => p.textContent.trim())"""


def run_all(page, url):
    """Open the notebook, Run All, wait for every prompt to get its number; return the seconds.

    Run All marks every queued cell «[*]» at once: the click is retried until that
    is seen (the first notebook of a fresh JupyterLab can miss it while it loads).
    Run All that stops at a raising cell leaves «[ ]» prompts and an idle kernel.
    """
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    start = time.monotonic()
    for _ in range(3):
        page.click("li.lm-MenuBar-item:has-text('Run')")
        page.click(".lm-Menu-item:has-text('Run All Cells')")
        try:
            page.wait_for_function(
                "() => Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt'))"
                ".some(p => p.textContent.includes('*'))",
                timeout=20_000,
            )
            break
        except Exception:  # noqa: BLE001 (Playwright's TimeoutError): the click did not take, try again
            page.keyboard.press("Escape")
    deadline, quiet = start + NOTEBOOK_TIMEOUT_S, 0
    while time.monotonic() < deadline:
        prompts = page.evaluate(PROMPTS_JS)
        if prompts and all(p.startswith("[") and p[1:-2].isdigit() for p in prompts):
            break
        idle = page.query_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
        quiet = quiet + 1 if idle and not any("*" in p for p in prompts) else 0
        if quiet >= 5:
            break
        time.sleep(1)
    return time.monotonic() - start


def save(page, path):
    """Ctrl+S in the notebook; True once the file on disk has changed."""
    before = path.stat().st_mtime
    page.click(".jp-Notebook .jp-Cell")  # focus the notebook, not the menu bar
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while path.stat().st_mtime == before and time.monotonic() < deadline:
        time.sleep(0.5)
    return path.stat().st_mtime != before


def screenshot(page, name):
    """The first widget or figure of the notebook, as build/browser/<name>.png; None if it has none.

    JupyterLab skips rendering cells outside the viewport (content-visibility), so
    the element is scrolled to with the DOM's own scrollIntoView first.
    """
    from playwright.sync_api import Error as PlaywrightError

    for selector in (".jp-OutputArea-output .widget-interact", ".jp-OutputArea-output img"):
        elements = page.query_selector_all(selector)
        for element in elements[:3]:
            try:
                element.evaluate("e => e.scrollIntoView({block: 'center'})")
                page.wait_for_timeout(500)
                target = SCREENSHOTS / f"{name}.png"
                element.screenshot(path=str(target), timeout=15_000)
                return target
            except PlaywrightError:
                continue
    return None


def problems(path):
    """What the saved notebook shows: code cells that did not run and error outputs."""
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    found = [
        f"code cell {i}: {output.ename}: {output.evalue[:200]}"
        for i, cell in enumerate(code, 1)
        for output in cell.outputs
        if output.output_type == "error"
    ]
    found += [f"code cell {i} did not run" for i, cell in enumerate(code, 1) if cell.execution_count is None]
    return len(code), found


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook name prefixes (default: all)")
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chosen = [p for p in notebooks() if not options.names or any(p.name.startswith(n) for n in options.names)]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    started, failures, cells_run, shots = time.monotonic(), [], 0, []
    with tempfile.TemporaryDirectory(prefix="course-browser-") as tmp:
        root = Path(tmp)
        copy_tree(root)
        port, token = free_port(), secrets.token_hex(16)
        lab = start_lab(root, port, token)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.on("dialog", lambda dialog: dialog.accept())  # "leave the page?" when moving on
                for path in chosen:
                    relative = path.relative_to(nbmeta.ROOT).as_posix()
                    # a workspace of its own, reset: only this notebook is open
                    url = f"http://127.0.0.1:{port}/lab/workspaces/{path.stem}/tree/{relative}?reset&token={token}"
                    seconds = run_all(page, url)
                    saved = save(page, root / relative)
                    count, found = problems(root / relative)
                    found += [] if saved else ["Ctrl+S did not save the notebook"]
                    shot = screenshot(page, path.stem)
                    shots += [shot.name] if shot else []
                    cells_run += count - sum(f.endswith("did not run") for f in found)
                    status = "ok" if not found else "FAILED: " + "; ".join(found[:5])
                    print(f"{relative}: {count} code cells, {seconds:.0f} s, {status}", flush=True)
                    failures += [relative] if found else []
                    page.goto("about:blank")
                    shut_down_kernels(port, token)
                browser.close()
        finally:
            os.killpg(lab.pid, signal.SIGTERM)
            lab.wait(timeout=30)
    print(
        f"{len(chosen)} notebooks, {cells_run} code cells executed by Run All in Chromium, "
        f"{time.monotonic() - started:.0f} s; screenshots in build/browser/: {', '.join(shots) or 'none'}"
    )
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
