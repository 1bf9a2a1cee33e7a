"""pytest settings shared by the unit tests and nbval.

Notebooks run in quick mode (COURSE_QUICK=1) with the same kernel environment
as `make full`, so checked outputs such as model.summary() match.
"""

import os

from tools.nbmeta import KERNEL_ENV

os.environ.update(KERNEL_ENV)
os.environ["COURSE_QUICK"] = "1"


def pytest_collectstart(collector):
    """TF writes timestamped C++ log lines to stderr: never compare stderr."""
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += ("stderr", "application/vnd.jupyter.widget-view+json")
