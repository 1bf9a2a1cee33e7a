"""Unit tests of helpers.plots.plot_decision_boundary (introduced in 06_bias_neuron)."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.contour import ContourSet

from helpers.errors import CourseError
from helpers.plots import plot_decision_boundary

POINTS = np.array([[0.0, 1.0], [1.0, 2.5], [0.5, 3.0], [2.0, 0.5], [3.0, 1.0], [2.5, 0.0]])
LABELS = np.array([0, 0, 0, 1, 1, 1])


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def through_origin(points):
    """Boundary x1 = x2: a line through the origin, as a neuron without bias draws."""
    return sigmoid(4.0 * (points[:, 0] - points[:, 1]))


def shifted(points):
    """Boundary x1 + x2 = 3: the same kind of line moved by a bias of -3."""
    return sigmoid(4.0 * (points[:, 0] + points[:, 1] - 3.0))


@pytest.fixture
def ax():
    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


def boundary_vertices(ax):
    lines = [c for c in ax.collections if isinstance(c, ContourSet) and not c.filled]
    assert len(lines) == 1, "exactly one boundary line is expected"
    return np.concatenate([path.vertices for path in lines[0].get_paths()])


def test_boundary_through_origin_lies_on_x1_equals_x2(ax):
    plot_decision_boundary(through_origin, POINTS, LABELS, ax=ax, xlim=(-1, 4), ylim=(-1, 4))
    vertices = boundary_vertices(ax)
    assert len(vertices) > 10
    np.testing.assert_allclose(vertices[:, 0], vertices[:, 1], atol=0.05)
    # the line spans the whole picture, including the origin
    assert vertices[:, 0].min() < 0 < vertices[:, 0].max()


def test_bias_moves_the_boundary(ax):
    plot_decision_boundary(shifted, POINTS, LABELS, ax=ax, xlim=(-1, 4), ylim=(-1, 4))
    vertices = boundary_vertices(ax)
    np.testing.assert_allclose(vertices.sum(axis=1), 3.0, atol=0.05)


def test_points_legend_labels_and_limits(ax):
    plot_decision_boundary(
        shifted,
        POINTS,
        LABELS,
        class_names=("кошки", "собаки"),
        ax=ax,
        xlabel="рост, см",
        ylabel="вес, кг",
        xlim=(-1, 4),
        ylim=(-2, 5),
        title="Граница",
    )
    scatters = [c for c in ax.collections if not isinstance(c, ContourSet)]
    assert [len(c.get_offsets()) for c in scatters] == [3, 3]
    np.testing.assert_allclose(scatters[1].get_offsets(), POINTS[LABELS == 1])
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["кошки", "собаки", "граница решений"]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("рост, см", "вес, кг", "Граница")
    assert ax.get_xlim() == (-1, 4) and ax.get_ylim() == (-2, 5)


def test_default_limits_contain_all_points(ax):
    plot_decision_boundary(shifted, POINTS, LABELS, ax=ax)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < POINTS[:, 0].min() and x1 > POINTS[:, 0].max()
    assert y0 < POINTS[:, 1].min() and y1 > POINTS[:, 1].max()


def test_keras_like_model_is_called_quietly_in_big_batches(ax):
    class FakeModel:
        calls = []

        def predict(self, points, batch_size=None, verbose="auto"):
            self.calls.append((len(points), batch_size, verbose))
            return shifted(points).reshape(-1, 1)  # Keras returns shape (n, 1)

    model = FakeModel()
    plot_decision_boundary(model, POINTS, LABELS, ax=ax, xlim=(-1, 4), ylim=(-1, 4))
    [(n_points, batch_size, verbose)] = model.calls  # one call for the whole grid
    assert n_points == 200 * 200  # the default resolution
    assert verbose == 0
    assert batch_size >= 1024, "the default batch of 32 makes a 200×200 grid slow"
    np.testing.assert_allclose(boundary_vertices(ax).sum(axis=1), 3.0, atol=0.05)


def test_no_line_and_no_warning_when_boundary_is_outside(ax):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot_decision_boundary(
            lambda points: np.full(len(points), 0.9), POINTS, LABELS, ax=ax
        )
    assert not [c for c in ax.collections if isinstance(c, ContourSet) and not c.filled]
    assert "граница решений" not in [t.get_text() for t in ax.get_legend().get_texts()]


def test_without_ax_draws_a_new_figure():
    before = plt.get_fignums()
    ax = plot_decision_boundary(shifted, POINTS, LABELS)
    try:
        assert ax.figure.number not in before
        boundary_vertices(ax)
    finally:
        plt.close(ax.figure)


@pytest.mark.parametrize(
    ("x", "y", "predict", "message"),
    [
        (np.zeros((6, 3)), LABELS, shifted, r"форму \(n, 2\)"),
        (POINTS, LABELS[:4], shifted, "меток y 4, а точек 6"),
        (POINTS, np.array([0, 1, 2, 0, 1, 1]), shifted, "0 или 1"),
        (POINTS, LABELS, lambda p: shifted(p)[:10], "одна вероятность"),
        (POINTS, LABELS, lambda p: 4.0 * (p[:, 0] - p[:, 1]), "логиты"),
        (np.where(POINTS == 3.0, np.nan, POINTS), LABELS, shifted, "без NaN"),
        (POINTS, np.eye(2)[LABELS], shifted, "argmax"),
        (POINTS, LABELS, lambda p: np.full(len(p), np.nan), "NaN или inf"),
    ],
)
def test_clear_russian_errors(ax, x, y, predict, message):
    with pytest.raises(CourseError, match=message):
        plot_decision_boundary(predict, x, y, ax=ax)
    assert not ax.collections, "nothing is drawn before the arguments are checked"


def test_float_labels_and_a_column_of_labels_are_fine(ax):
    plot_decision_boundary(shifted, POINTS, LABELS.astype("float32").reshape(-1, 1), ax=ax)
    assert len(ax.get_legend().get_texts()) == 3
