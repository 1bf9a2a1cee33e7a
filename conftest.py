"""pytest settings shared by the unit tests and nbval.

Notebooks run in quick mode (COURSE_QUICK=1) with the same kernel environment
as `make full`, so checked outputs such as model.summary() match.
"""

import os

from tools.nbmeta import KERNEL_ENV

os.environ.update(KERNEL_ENV)
os.environ["COURSE_QUICK"] = "1"

# Student versions of the homework have no stored outputs to compare:
# tests/test_homework.py runs them and checks that they print only ⏳.
collect_ignore_glob = ["notebooks/homework/hw*.ipynb"]


def pytest_collectstart(collector):
    """TF writes timestamped C++ log lines to stderr: never compare stderr."""
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("stderr", "application/vnd.jupyter.widget-view+json")
