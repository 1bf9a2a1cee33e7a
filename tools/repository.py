"""Point every Colab badge, Colab bootstrap cell and README link at `[tool.course] repository`.

Publishing the course under its real GitHub name is one edit plus one command:

    # pyproject.toml: [tool.course] repository = "owner/name"  (and branch)
    python -m tools.repository          # rewrite notebooks and README
    python -m tools.repository --check  # exit 1 if anything still points elsewhere

Rewritten: the Colab badge in the first cell of every lesson and homework
solution, the `%pip install git+https://github.com/…` line of each bootstrap
cell, the student versions of the homework (regenerated from the solutions)
and the generated tables of README.md. Outputs are not touched, and the
stamps stay valid: the code hash counts the address as `<repository>`
(tools.nbmeta.source_sha256).
"""

import re
import sys

import nbformat

from tools import homework, nbmeta, readme

BADGE_URL = re.compile(r"https://colab\.research\.google\.com/github/[^)\s]+")
INSTALL_URL = re.compile(r"git\+https://github\.com/[\w.-]+/[\w.-]+")


def rewritten(path):
    """The canonical text of notebook ``path`` with its badge and bootstrap address from the config."""
    nb = nbformat.read(path, as_version=4)
    if nb.cells and nb.cells[0].cell_type == "markdown":
        nb.cells[0].source = BADGE_URL.sub(nbmeta.colab_url(path), nb.cells[0].source)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = INSTALL_URL.sub(nbmeta.install_url(), cell.source)
    return nbmeta.canonical_text(nb)


def changes():
    """{path: new text} of every stamped notebook whose address differs from the config."""
    found = {}
    for path in nbmeta.stamped():
        text = rewritten(path)
        if text != path.read_text(encoding="utf-8"):
            found[path] = text
    return found


def main(argv):
    pending = changes()
    readme_current = readme.README.read_text(encoding="utf-8")
    if "--check" in argv:
        stale = [nbmeta.rel(p) for p in pending]
        if readme.render(readme_current) != readme_current:
            stale.append("README.md")
        if stale:
            sys.exit(f"not pointing at {nbmeta.config()['repository']}: {', '.join(stale)} "
                     "(fix: python -m tools.repository)")
        print(f"Every badge, bootstrap cell and README link points at {nbmeta.config()['repository']}.")
        return
    for path, text in pending.items():
        path.write_text(text, encoding="utf-8")
        print(f"rewritten: {nbmeta.rel(path)}")
    homework.main([])  # student versions follow their solutions
    readme.write()
    print(f"Colab address: {nbmeta.config()['repository']} ({len(pending)} notebooks rewritten).")


if __name__ == "__main__":
    main(sys.argv[1:])
