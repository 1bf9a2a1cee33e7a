"""Sphinx configuration of the course website: `make site` -> build/site.

Sources are staged copies in build/site-src (python -m tools.site): README's Russian part as
the home page, the lessons, the student versions of the homework, the glossary. The notebooks
are never executed; their committed outputs are the content. Everything the pages load
(theme, search, MathJax) is served from the site itself: no CDN, builds and works offline.
"""

import importlib.util
import shutil
import tomllib
from pathlib import Path

# The repository's address, as everywhere in the course: [tool.course] in pyproject.toml.
COURSE = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))
COURSE = COURSE["tool"]["course"]

project = "Нейронные сети на Keras и TensorFlow"
author = "keras-course-ru"
copyright = "keras-course-ru"
language = "ru"  # Russian UI strings and the Russian (snowball) stemmer in search

extensions = ["myst_nb"]
nb_execution_mode = "off"       # never execute: the committed outputs are the content
nb_merge_streams = True         # one block per cell for training logs
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3        # links like README.md#домашние-задания keep working
exclude_patterns = ["order.json", "**/.ipynb_checkpoints"]

html_title = project
html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_copy_source = False        # no _sources/ copies: the notebooks live on GitHub
html_show_sourcelink = False
html_context = {"default_mode": "auto"}  # else pydata-sphinx-theme 0.20 logs a console error
html_theme_options = {
    "repository_url": f"https://github.com/{COURSE['repository']}",
    "repository_branch": COURSE.get("branch", "main"),
    "path_to_docs": "",         # staged paths mirror the repository: notebooks/…
    "use_repository_button": True,
    "use_download_button": False,
    "launch_buttons": {"colab_url": "https://colab.research.google.com"},
    "show_toc_level": 2,
}

# MathJax 3 from the site itself. The files come from the PyPI package sphinx-mathjax-offline
# (MathJax 3.2.2); it is not used as an extension (that would copy all 24 MB), only the
# component tex-chtml and its fonts are copied (1.6 MB).
mathjax_path = "mathjax/tex-chtml.js"
MATHJAX_FILES = ["tex-chtml.js", "output/chtml/fonts/woff-v2"]


def copy_mathjax(app, exc):
    if exc is not None or app.builder.format != "html":
        return
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    src = Path(spec.origin).parent / "static" / "mathjax"
    dst = Path(app.outdir) / "_static" / "mathjax"
    for name in MATHJAX_FILES:
        if (src / name).is_dir():
            shutil.copytree(src / name, dst / name, dirs_exist_ok=True)
        else:
            (dst / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / name, dst / name)


def setup(app):
    app.connect("build-finished", copy_mathjax)
