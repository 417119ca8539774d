"""LaTeX helpers: matrices and formulas as strings for ``IPython.display.Math``.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array

__all__ = ["latex_matrix", "latex_weight_symbols", "linear_formula"]


def _latex_entry(value, fmt):
    """One matrix entry: a number formatted with ``fmt``, or a string as it is."""
    if isinstance(value, str):
        return value
    text = fmt.format(float(value))
    return "0" if text in ("-0", "-0.0", "-0.00", "-0.000") else text


def latex_matrix(A, fmt="{:.4g}"):
    r"""A matrix (or vector) as a LaTeX ``pmatrix``, for printing what the slides show.

    Parameters
    ----------
    A : array of shape (r, c), or (r,) for a column vector; numbers, or strings of
        LaTeX (e.g. from :func:`latex_weight_symbols`), which are inserted as they are
    fmt : str, the format of each number

    Returns
    -------
    str, e.g. ``\begin{pmatrix} 5 & 7 \\ -2 & -3 \end{pmatrix}``

    Notes
    -----
    Chapter 7 prints the weight matrices of the slides with their numbers filled in:
    ``IPython.display.Math("W^{(1)} = " + latex_matrix(W1))``.

    Examples
    --------
    >>> latex_matrix([[5, 7], [-2, -3]])
    '\\begin{pmatrix} 5 & 7 \\\\ -2 & -3 \\end{pmatrix}'
    >>> latex_matrix([1.5, 1])
    '\\begin{pmatrix} 1.5 \\\\ 1 \\end{pmatrix}'
    """
    if not isinstance(fmt, str):
        raise TypeError(f"fmt must be a format string like '{{:.3g}}', got {fmt!r}")
    arr = np.asarray(A, dtype=object)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(
            f"latex_matrix needs a non-empty 1-D or 2-D array, got shape {arr.shape}")
    rows = []
    for row in arr:
        try:
            rows.append(" & ".join(_latex_entry(v, fmt) for v in row))
        except (TypeError, ValueError) as exc:
            raise TypeError(
                f"latex_matrix entries must be numbers or LaTeX strings: {exc}"
            ) from None
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def latex_weight_symbols(shape, layer, name="W"):
    r"""The slides' symbols :math:`W_{ij}^{(k)}` for a weight matrix of ``shape``.

    Parameters
    ----------
    shape : (rows, cols), e.g. ``W1.shape == (3, 2)``
    layer : int, the :math:`k` of :math:`W^{(k)}`
    name : str

    Returns
    -------
    array of str of that shape: entry ``[i, j]`` is ``"W_{i+1,j+1}^{(k)}"`` (row i,
    column j of the array is the slide's :math:`W_{i+1,j+1}`; the last row is the bias).

    Examples
    --------
    >>> latex_weight_symbols((3, 1), 2)[:, 0].tolist()
    ['W_{11}^{(2)}', 'W_{21}^{(2)}', 'W_{31}^{(2)}']
    """
    if (not isinstance(shape, (tuple, list)) or len(shape) != 2
            or not all(isinstance(n, (int, np.integer)) and n > 0 for n in shape)):
        raise ValueError(f"shape must be (rows, cols) of positive ints, got {shape!r}")
    if not isinstance(layer, (int, np.integer)) or isinstance(layer, bool):
        raise TypeError(f"layer must be an int, got {type(layer).__name__}")
    out = np.empty(tuple(shape), dtype=object)
    for i, j in np.ndindex(*shape):
        sep = "," if max(shape) > 9 else ""
        out[i, j] = f"{name}_{{{i + 1}{sep}{j + 1}}}^{{({layer})}}"
    return out


def linear_formula(w, names=("x_1", "x_2"), fmt="{:g}"):
    r"""A linear model as LaTeX (without the dollars): ``(5, -2, 8)`` gives
    ``"5x_1 - 2x_2 + 8"``.

    Parameters
    ----------
    w : array of shape (n + 1,) or (n + 1, 1): the weights, then the bias (the
        slides' order, as in a column of a weight matrix)
    names : sequence of n str, the LaTeX names of the inputs
    fmt : format of each number's size

    Returns
    -------
    str

    Examples
    --------
    >>> linear_formula([7, 5, -6], names=(r"\sigma_1", r"\sigma_2"))
    '7\\sigma_1 + 5\\sigma_2 - 6'
    """
    w = as_float_array(w, "w").ravel()
    if w.size != len(names) + 1:
        raise ValueError(
            f"w must hold {len(names)} weights and a bias ({len(names) + 1} numbers), "
            f"got {w.size}"
        )
    terms = []
    for value, name in zip(w, list(names) + [None]):
        if value == 0:
            continue
        size = fmt.format(abs(value))
        if name is not None:
            size = "" if size == "1" else size
        sign = "-" if value < 0 else "+"
        terms.append((sign, size + (name or "")))
    if not terms:
        return "0"
    first_sign, first = terms[0]
    text = ("-" if first_sign == "-" else "") + first
    return text + "".join(f" {sign} {term}" for sign, term in terms[1:])
