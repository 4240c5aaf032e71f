"""One name for each role a person plays in a call, and a clear error for the other names.

netgraph's rule, documented once (see :class:`netgraph.Network`):

- ``me``: the readers (``read_csv``, ``read_json``, ``read_graphml``, ``read_linkedin``,
  ``read_vcard``) take your own id as ``me=``; that person becomes the network's ego.
- ``ego``: the network's owner as the model holds it: ``Network(..., ego=)``,
  ``Network.from_frames(ego=)``, ``Network.from_graph(ego=)`` and ``net.ego``.
- ``person``: the one person a call is about. Network methods take ``person=`` (first
  positional parameter where there is one) defaulting to the ego; the pure recommendation
  functions take it after the graph.
- ``nodes``: the set of people a per-person table is restricted to
  (``structural_holes(nodes=...)``).

Calling with one of the other names raises a ``TypeError`` that names the right one, instead
of Python's "unexpected keyword argument" or an error about netgraph's internals
(:func:`renamed`). A keyword that was released under another name keeps working for a while
with a ``DeprecationWarning`` naming the new one (:func:`deprecated_names`), such as
``view.plots.ego_map(G, ego=...)`` and ``inference.tie_probabilities(people, ego=...)``, which
now take ``person=``.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["ROLES", "deprecated_names", "renamed"]

F = TypeVar("F", bound=Callable[..., Any])

#: What each name stands for, quoted in the errors.
ROLES = {
    "me": "your own id (it becomes the network's ego)",
    "ego": "the network's owner",
    "person": "the person the call is about (default: the ego)",
    "nodes": "the people to include",
}


def renamed(**right_for_wrong: str) -> Callable[[F], F]:
    """Refuse the keywords ``right_for_wrong`` names, pointing at the right one.

    ``@renamed(ego="me")`` makes ``f(ego="x")`` raise ``TypeError: f() takes me= (your own
    id ...), not ego=``. The wrapped function keeps its signature and docstring, so ``help``
    and editors show the right name only.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for wrong, right in right_for_wrong.items():
                if wrong in kwargs:
                    name = func.__qualname__.replace(".__init__", "")
                    raise TypeError(
                        f"{name}() takes {right}= for {ROLES[right]}, not {wrong}=: "
                        f"call it with {right}={kwargs[wrong]!r}"
                    )
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def deprecated_names(**right_for_old: str) -> Callable[[F], F]:
    """Accept the old keywords ``right_for_old`` names for a while, warning to use the new one.

    ``@deprecated_names(ego="person")`` makes ``f(G, ego="x")`` call ``f(G, person="x")``
    with a ``DeprecationWarning`` (attributed to the caller); passing both names is a
    ``TypeError``. The wrapped function keeps its signature and docstring, so ``help`` and
    editors show the new name only.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, right in right_for_old.items():
                if old not in kwargs:
                    continue
                name = func.__qualname__
                if right in kwargs:
                    raise TypeError(f"{name}() got both {right}= and its old name {old}=")
                warnings.warn(
                    f"{name}(): {old}= is now called {right}= ({ROLES[right]}); {old}= will "
                    f"stop working in a future release: call it with {right}={kwargs[old]!r}",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[right] = kwargs.pop(old)
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
