"""Figures for the course, one module per concept.

Every function draws on the ``ax`` it is given (or a new one) and returns it; none calls
``plt.show()``. Colours: class 0 blue, class 1 red, class 2 green, everywhere. Importing
the package changes nothing in matplotlib (no backend switch, no display hook).

- :mod:`~mlp.plotting.base`: the class colours, a colour as it shows over white; the
  Axes a figure draws on.
- :mod:`~mlp.plotting.regions`: data and regions: scatter plots, a unit's line and
  half-plane, the probability and decision regions of a network (chapters 1-5).
- :mod:`~mlp.plotting.diagram`: the network diagram with its weights (chapters 3-7).
- :mod:`~mlp.plotting.curves`: learning curves, gradient checks, animations of
  training (chapters 9-13).
- :mod:`~mlp.plotting.surfaces`: the sigmoid over the plane, a plane in 3-D.
- :mod:`~mlp.plotting.descent`: the error over two weights and gradient descent's path
  on it; a point pulling the line (chapter 9).
- :mod:`~mlp.plotting.graph`: backpropagation as a graph (chapter 11).
- :mod:`~mlp.plotting.latex`: matrices and formulas as LaTeX strings.
- :mod:`~mlp.plotting.arrays`: a matrix product's shapes (chapter 0), images (14).

``from mlp import plotting`` then ``plotting.<name>`` works for every name below, as
it did when this was one module, except the pieces only the live demos use
(``probability_bands``, ``level_lines``, ``set_live_title``): they are in
:mod:`mlp.widgets.render`.
"""

from . import arrays, base, curves, descent, diagram, graph, latex, regions
from . import surfaces
from .base import (
    CLASS_COLORS,
    LABELS_ADMISSIONS,
    REGION_CMAP,
    axes_or_new,
    check_extent,
    over_white,
)
from .regions import (
    best_line,
    grid_for,
    half_plane,
    hidden_and_output,
    line_points,
    plot_data,
    plot_decision_regions,
    plot_hidden_lines,
    plot_line,
    plot_probability,
    plot_region_map,
    plot_unit_regions,
    region_grid,
)

from .diagram import (
    layer_sizes,
    network_key,
    network_node_positions,
    plot_network,
    redraw_network,
    reserve_network,
    update_network,
)
from .curves import (
    animate_line,
    animate_training,
    animation_html,
    plot_activation_spreads,
    plot_activations,
    plot_derivative_check,
    plot_gradient_check,
    plot_gradient_sizes,
    plot_loss,
    plot_training_snapshots,
    predicted_labels,
)
from .surfaces import (
    plot_plane,
    plot_probability_surface,
)
from .latex import (
    latex_matrix,
    latex_weight_symbols,
    linear_formula,
)
from .arrays import (
    plot_images,
    plot_matmul_shapes,
)

__all__ = [
    "best_line",
    "CLASS_COLORS",
    "LABELS_ADMISSIONS",
    "REGION_CMAP",
    "animate_line",
    "animate_training",
    "animation_html",
    "axes_or_new",
    "check_extent",
    "grid_for",
    "half_plane",
    "hidden_and_output",
    "latex_matrix",
    "latex_weight_symbols",
    "layer_sizes",
    "line_points",
    "linear_formula",
    "network_key",
    "network_node_positions",
    "over_white",
    "plot_activation_spreads",
    "plot_activations",
    "plot_data",
    "plot_decision_regions",
    "plot_derivative_check",
    "plot_gradient_check",
    "plot_gradient_sizes",
    "plot_hidden_lines",
    "plot_images",
    "plot_line",
    "plot_loss",
    "plot_matmul_shapes",
    "plot_network",
    "plot_plane",
    "plot_probability",
    "plot_probability_surface",
    "plot_region_map",
    "plot_training_snapshots",
    "plot_unit_regions",
    "predicted_labels",
    "redraw_network",
    "region_grid",
    "reserve_network",
    "update_network",
]
