"""Small helpers shared by the course notebooks.

Modules (each one job, each readable in a minute; every public function names
the lesson that introduces it):
- course: setup(), pick(full=..., quick=...), report(...) — 00_setup;
- errors: the course's error types and the argument checks every public helper
  runs first, so a mistake gets one Russian message (argument, what came in,
  what is expected, how to fix it) — 00_setup;
- russian: plural(n, one, few, many) — numbers with words that agree («4 раза») — 04_optimizers;
- data: load_mnist(), load_fashion_mnist() that also work offline — 00_setup;
- plots: training curves, image grids, model diagrams, confusion matrices,
  decision boundaries, optimizer trajectories — 00_setup and later lessons;
- scratch: the NumPy-from-scratch framework (Operation … Trainer) — 02_numpy_from_scratch;
- images: image-folder datasets (demo build, scan, quarantine, one image as a batch) — 12_own_dataset;
- tfds_data: tensorflow_datasets loading that says clearly when it is offline — 12_own_dataset;
- checks: homework self-checks, `checks.homework("hw01").check(1, answer)` — the homework;
- homework/: the tasks of each homework (hw01.py … hw05.py), loaded by checks.homework().
"""
