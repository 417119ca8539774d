"""The playground: train a network live, in the spirit of TensorFlow Playground.

Everything it runs is ``mlp``: the data come from :mod:`mlp.datasets`, the weights from
:func:`mlp.init_weights`, and every epoch of training is one call of :func:`mlp.train`
(feedforward, backpropagation, ``W <- W - alpha dE/dW``). This module only keeps the
state between calls and draws it.

The core is plain methods that a test (or a notebook cell) can call directly:

- ``reset()`` draws new weights and clears the history;
- ``step(epochs)`` trains that many more epochs with ``mlp.train`` and extends the
  history (never past ``max_epochs``; a divergence becomes a message);
- ``draw()`` updates the figure's artists and the status line, ``status``;
- ``tick()`` is one frame of the live loop: ``step`` then ``draw``;
- ``code()`` is the ``mlp`` code that reproduces the current run, to paste in a cell.

The data set is cut once per setting (``mlp.datasets.split``, seeded) into training
points, on which ``mlp.train`` runs, and test points, which it never sees: the error
panel draws both errors, so overfitting shows. Optional input features
(``mlp.datasets.features``: x1^2, x2^2, x1*x2, sin(x1), sin(x2)) are extra inputs
beside x1 and x2. In the network diagram each input and hidden unit is drawn as a
small map of its output over the input plane, as in TensorFlow Playground.

``widget()`` wraps this in buttons (start, pause, step, reset): the live loop is an
asyncio task in the kernel's event loop that calls ``tick()`` and then
``await asyncio.sleep(...)``, so button clicks are handled between frames and the
notebook never freezes. ``record()`` returns an animation of a run for the HTML book.

The package, one module per concept:

- ``settings``: the settings' names, checks and the inputs' labels;
- ``core``: :class:`Playground` itself, the data, ``reset``, ``step``, ``update``;
- ``code``: the ``mlp`` code that reproduces a run (``Playground.code``);
- ``figure``: the figure's panels, built once and updated by ``draw``;
- ``maps``: the unit maps painted over the network diagram;
- ``views``: the live loop, the widget with its controls, and ``record``.
"""

from .core import Playground
from .figure import region_colors

__all__ = ["Playground", "region_colors"]
