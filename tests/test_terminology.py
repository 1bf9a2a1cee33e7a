"""One term per concept: the rejected variants of notebooks/glossary.md appear nowhere students read.

Checked: every markdown and code cell of the lessons and homework solutions
(student versions are derived from them), and the string literals of
helpers/ (their messages are printed in the lessons). The glossary itself may
name the rejected variants.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "notebooks" / "homework" / "solutions").glob("hw*.ipynb")
)
HELPERS = sorted((ROOT / "helpers").rglob("*.py"))

# (rejected pattern, the term to use instead, words that make a match legitimate when near it)
REJECTED = [
    (r"\bпачк\w*", "батч", None),
    (r"\bпакет\w*", "батч (а «пакет» — только для пакетов Python)",
     r"helpers|курса|pydot|tensorflow|pip|установ|Python|библиотек|import"),
    (r"\bшаг\w* обучения", "скорость обучения (или «шаг оптимизатора» для одного обновления весов)", None),
    (r"перекр[её]стн\w* энтроп\w*", "кросс-энтропия", None),
    (r"\bобратн\w* вызов\w*", "колбэк", None),
    (r"\bфункци\w* ошибк\w*", "функция потерь", None),
    (r"\bошибк\w* (на|по) (обучени|проверк|обучающ|проверочн|тест|валидац)\w*",
     "потери на обучающей/проверочной выборке", None),
    (r"\bОшибка \(loss\)", "Потери (loss)", None),
    (r"\bзерн(о|а|ом|у)\b", "seed", None),
    (r"\bконспект\w*", "урок (а старый код — цитатой: «в старом коде для Keras 2 писали …»)", None),
    (r"\bлекци\w*", "урок", None),
    (r"\bсеминар\w*", "урок", None),
    (r"\bпредвзят\w*", "смещение", None),
    (r"\bботильон\w*", "ботинки", None),
]


def notebook_texts():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells, 1):
            yield f"{path.relative_to(ROOT)}, cell {number}", cell.source


def helper_texts():
    for path in HELPERS:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def violations(texts):
    found = []
    for where, text in texts:
        for pattern, preferred, allowed_near in REJECTED:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                near = text[max(0, match.start() - 40) : match.end() + 40]
                if allowed_near and re.search(allowed_near, near, re.IGNORECASE):
                    continue
                found.append(f"{where}: «{match.group(0)}» → {preferred}")
    return found


def test_the_glossary_exists_and_names_each_preferred_term():
    glossary = (ROOT / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    terms = ("батч", "скорость обучения", "кросс-энтропия", "колбэк", "функция потерь", "seed", "смещение")
    for term in terms:
        assert f"| {term}" in glossary, term


@pytest.mark.parametrize("source", ["notebooks", "helpers"])
def test_no_rejected_variant(source):
    found = violations(notebook_texts() if source == "notebooks" else helper_texts())
    assert not found, f"{len(found)} rejected variants:\n" + "\n".join(found[:80])


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Обучаем сеть пакетами по 32 примера.", True),
        ("Ставим пакет helpers из репозитория курса.", False),
        ("Шаг обучения равен 0.01.", True),
        ("Как было в конспекте, …", True),
        ("ошибка на проверочной выборке растёт", True),
        ("потери на проверочной выборке растут", False),
        ("Ошибок: 127 из 10000", False),
    ],
)
def test_the_rules_catch_what_they_should(text, bad):
    assert bool(violations([("example", text)])) is bad
