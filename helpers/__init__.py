"""Small helpers shared by the course notebooks.

Modules (each one job, each readable in a minute):
- course: setup(), pick(full=..., quick=...), report(...) — introduced in 00_setup;
- data: load_mnist(), load_fashion_mnist() that also work offline — 00_setup;
- plots: plot_history(), show_images(), show_model() with Russian labels — 00_setup.
"""
