"""Stage the sources of the course website for Sphinx (`make site`).

    python -m tools.site [--out build/site-src]

Copies, never executes and never modifies the repository:
  index.md                      README's Russian part (everything before "## English summary")
  notebooks/NN_*.ipynb          the lessons
  notebooks/homework/hwNN_*.ipynb  the student versions only (solutions/ is never read)
  notebooks/glossary.md
and orders them as a student meets them: lessons by number, each homework right after
the last lesson its README row names ("После уроков").

Changes made to the copies (the site must work offline):
  * the Colab badge image (an https:// image) -> a local SVG; the link to Colab stays;
  * links to README.md -> index.md (the home page);
  * links to repository files that are not on the site -> GitHub;
  * an ipywidgets output -> the figure its Output widget stored (a static image) and the
    note the notebook already stores as text/plain; the notebook-level widget state is
    dropped, so no generator pulls the widget JavaScript from a CDN.
"""

import argparse
import copy
import json
import re
import shutil
import sys
import tomllib
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
BADGE_URL = "https://colab.research.google.com/assets/colab-badge.svg"
BADGE_SVG = (Path(__file__).resolve().parent.parent / "site" / "colab-badge.svg").read_text(encoding="utf-8")


def russian_readme(text):
    part = text.split("\n## English summary", 1)[0].rstrip()
    if part.endswith("---"):
        part = part[:-3].rstrip()
    return part + "\n"


def homework_after(readme):
    """{'hw01': '02', ...}: the last lesson each homework follows, from README's table."""
    after = {}
    for row in readme.split("<!-- homework:start -->")[1].split("<!-- homework:end -->")[0].splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.fullmatch(r"hw\d\d", cells[0]) and re.findall(r"\d\d", cells[2]):
            after[cells[0]] = max(re.findall(r"\d\d", cells[2]))
    return after


def widget_outputs(state, model_id, seen=None):
    """Outputs stored in the Output widgets under model_id (depth first)."""
    seen = seen if seen is not None else set()
    model = state.get(model_id)
    if model is None or model_id in seen:
        return []
    seen.add(model_id)
    found = []
    if model.get("model_name") == "OutputModel":
        found.extend(copy.deepcopy(model["state"].get("outputs", [])))
    for child in model.get("state", {}).get("children", []) or []:
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            found.extend(widget_outputs(state, child[len("IPY_MODEL_"):], seen))
    return found


def static_widgets(nb):
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb["cells"]:
        new = []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW not in data:
                new.append(out)
                continue
            for inner in widget_outputs(state, data[WIDGET_VIEW]["model_id"]):
                if inner.get("output_type") in ("display_data", "execute_result"):
                    inner = {"output_type": "display_data", "data": inner["data"],
                             "metadata": inner.get("metadata", {})}
                new.append(inner)
            note = "".join(data.get("text/plain", "")).strip().strip("[]")
            if note:  # markdown, so that the long line wraps
                new.append({"output_type": "display_data", "metadata": {},
                            "data": {"text/markdown": f"*{note}*", "text/plain": note}})
        if "outputs" in cell:
            cell["outputs"] = new
    nb.get("metadata", {}).pop("widgets", None)


def rewrite_markdown(text, depth, github):  # github: "https://github.com/OWNER/NAME/blob/BRANCH"
    """Fix links in markdown (of a notebook cell or a page) at `depth` below the site root."""
    up = "../" * depth
    text = text.replace(f"]({BADGE_URL})", f"]({up}notebooks/img/colab-badge.svg)")
    text = re.sub(r"\]\(((?:\.\./)*)README\.md", lambda m: f"]({m.group(1)}index.md", text)
    # files of the repository that are not pages of the site
    text = re.sub(r"\]\((?:\.\./)*(datasets/README\.md)\)", rf"]({github}/\1)", text)
    return text


def stage_notebook(src, dst, depth, github, keep_widgets):
    nb = json.loads(src.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = rewrite_markdown("".join(cell["source"]), depth, github)
    if not keep_widgets:
        static_widgets(nb)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    title = "".join(nb["cells"][0]["source"]).splitlines()[0].lstrip("# ").strip()
    return title


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--out", type=Path, default=Path("build/site-src"))
    parser.add_argument("--keep-widgets", action="store_true",
                        help="leave ipywidgets outputs and state as they are (to see what a generator does)")
    args = parser.parse_args(argv)
    repo, out = args.repo.resolve(), args.out
    pyproject = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    course = pyproject["tool"]["course"]
    github = f"https://github.com/{course['repository']}/blob/{course.get('branch', 'main')}"

    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks" / "img").mkdir(parents=True)
    (out / "notebooks" / "img" / "colab-badge.svg").write_text(BADGE_SVG, encoding="utf-8")

    readme = (repo / "README.md").read_text(encoding="utf-8")
    home = rewrite_markdown(russian_readme(readme), 0, github)
    after = homework_after(readme)

    lessons = sorted((repo / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    homework = sorted((repo / "notebooks" / "homework").glob("hw[0-9][0-9]_*.ipynb"))  # not solutions/
    pages = []  # (path relative to out without suffix, title), in course order
    for lesson in lessons:
        rel = Path("notebooks") / lesson.name
        pages.append((rel, stage_notebook(lesson, out / rel, 1, github, args.keep_widgets)))
        for hw in homework:
            if after.get(hw.name[:4]) == lesson.name[:2]:
                rel = Path("notebooks/homework") / hw.name
                pages.append((rel, stage_notebook(hw, out / rel, 2, github, args.keep_widgets)))
    placed = {p for p, _ in pages}
    for hw in homework:  # a homework README does not place goes last, never missing
        rel = Path("notebooks/homework") / hw.name
        if rel not in placed:
            pages.append((rel, stage_notebook(hw, out / rel, 2, github, args.keep_widgets)))
    glossary = (repo / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    (out / "notebooks" / "glossary.md").write_text(rewrite_markdown(glossary, 1, github), encoding="utf-8")

    toc = "\n".join(str(p.with_suffix("")) for p, _ in pages)  # sidebar and previous/next follow it
    home += (f"\n```{{toctree}}\n:hidden:\n:caption: Уроки и домашние задания\n\n{toc}\n```\n"
             "\n```{toctree}\n:hidden:\n:caption: Справочник\n\nnotebooks/glossary\n```\n")
    (out / "index.md").write_text(home, encoding="utf-8")
    assert not any("solutions" in p.parts for p, _ in pages), "solutions must never be on the site"
    order = [{"path": str(p), "title": t} for p, t in pages]
    order.append({"path": "notebooks/glossary.md", "title": "Словарь курса"})
    (out / "order.json").write_text(json.dumps(order, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"staged {len(pages)} notebooks + glossary + home page in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
