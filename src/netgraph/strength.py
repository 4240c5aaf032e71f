"""Tie strength: one number in [0, 1] per relationship, from what was said and what was done.

The model follows Granovetter's definition of tie strength as a combination of time, intensity,
intimacy and reciprocity [1]_, measured the way Gilbert and Karahalios measured it from
communication logs (intensity, days since last contact, duration, reciprocity, multiplexity) [2]_,
with Burt's observation that ties decay unless they are kept up [3]_ and Marsden and Campbell's
finding that stated closeness is the best single indicator [4]_.

References
----------
.. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78, no. 6
   (1973): 1360-1380.
.. [2] Gilbert, Eric, and Karrie Karahalios. "Predicting Tie Strength with Social Media."
   *Proceedings of CHI 2009*, 211-220. ACM, 2009.
.. [3] Burt, Ronald S. "Decay Functions." *Social Networks* 22, no. 1 (2000): 1-28.
.. [4] Marsden, Peter V., and Karen E. Campbell. "Measuring Tie Strength." *Social Forces* 63,
   no. 2 (1984): 482-501.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netgraph._dates import timestamp
from netgraph.errors import InputError, NetgraphWarning

__all__ = [
    "COMPONENTS",
    "EVIDENCE",
    "TIE_COLUMNS",
    "StrengthModel",
    "reference_date",
    "tie_strength",
]

#: The behavioural components of tie strength, each in [0, 1].
COMPONENTS = ("frequency", "recency", "duration", "reciprocity", "multiplexity")

#: The columns of the tie table, in order.
TIE_COLUMNS = (
    "kind",
    "since",
    "closeness",
    "n_interactions",
    "first_contact",
    "last_contact",
    "usual_interval_days",
    *COMPONENTS,
    "strength",
    "evidence",
    "probability",
)

#: What a tie rests on, strongest first: said by the user, seen in interactions, or inferred.
EVIDENCE = ("stated", "observed", "inferred")

_DATETIME = "datetime64[us]"
_US_PER_DAY = 86_400 * 1_000_000
_NAT = np.iinfo(np.int64).min  # the int64 view of NaT


@dataclass(frozen=True, kw_only=True)
class StrengthModel:
    r"""Parameters of the tie-strength model.

    The defaults are chosen so that the numbers read naturally: a pair in touch both ways every
    month for three years scores about 0.85, a pair that met four times two years ago about 0.35,
    and a tie that is merely stated to exist scores 0.5 (``stated_closeness``). See
    :func:`tie_strength` for the formulas.

    Parameters
    ----------
    half_life_days : float, default 180
        Days after which an interaction counts half as much (frequency), and after which a pair's
        recency halves. Burt found ties between colleagues decay on a scale of months to a few
        years [1]_.
    frequency_scale : float, default 5
        Saturation constant :math:`c_f` of frequency, in decayed interactions: with the default
        half-life, contact once a quarter gives 0.49, once a month 0.84, once a week 0.999.
    duration_scale_days : float, default 730
        Saturation constant :math:`\tau` of duration, in days: known for one year gives 0.39,
        two years 0.63, five years 0.92.
    reciprocity_scale : float, default 2
        Saturation constant :math:`c_r` of reciprocity, in returned contacts: one returned contact
        gives 0.39, two 0.63, five 0.92.
    multiplexity_scale : float, default 2
        Saturation constant :math:`c_m` of multiplexity, in channels plus stated kinds: one gives
        0.39, two 0.63, three 0.78.
    frequency_weight, recency_weight, duration_weight : float, default 0.30, 0.25, 0.15
        Weights of the behavioural components in the mean (with the next two they sum to 1).
    reciprocity_weight, multiplexity_weight : float, default 0.15, 0.15
        Weights of reciprocity and multiplexity.
    closeness_weight : float, default 1
        Weight of the stated closeness where it is given: by default as much as all the behavioural
        components together, since stated closeness is the best single indicator of strength [2]_.
    floor : float, default 0.05
        The lowest strength of a tie with interactions (a single contact long ago).
    stated_closeness : float, default 0.5
        The strength of a tie with no interactions and no stated closeness (a stated tie from a
        ties file or an answer, or an inferred one). Ego-network surveys ask how well two
        contacts know each other on Burt's General Social Survey scale [3]_: "total strangers"
        0, "know each other" 0.5, "especially close" 1; a tie merely said to exist is the
        middle of it. A stated ``closeness`` replaces it (never the floor).

    References
    ----------
    .. [1] Burt, Ronald S. "Decay Functions." *Social Networks* 22, no. 1 (2000): 1-28.
    .. [2] Marsden, Peter V., and Karen E. Campbell. "Measuring Tie Strength." *Social Forces* 63,
       no. 2 (1984): 482-501.
    .. [3] Burt, Ronald S. "Network Items and the General Social Survey." *Social Networks* 6
       (1984): 293-339.

    Examples
    --------
    >>> model = StrengthModel(half_life_days=90)
    >>> model.half_life_days, model.floor
    (90, 0.05)
    """

    half_life_days: float = 180.0
    frequency_scale: float = 5.0
    duration_scale_days: float = 730.0
    reciprocity_scale: float = 2.0
    multiplexity_scale: float = 2.0
    frequency_weight: float = 0.30
    recency_weight: float = 0.25
    duration_weight: float = 0.15
    reciprocity_weight: float = 0.15
    multiplexity_weight: float = 0.15
    closeness_weight: float = 1.0
    floor: float = 0.05
    stated_closeness: float = 0.5

    def __post_init__(self) -> None:
        for name in (
            "half_life_days",
            "frequency_scale",
            "duration_scale_days",
            "reciprocity_scale",
            "multiplexity_scale",
        ):
            value = _number(self, name)
            if not np.isfinite(value) or value <= 0:
                raise InputError(
                    f"StrengthModel.{name} must be a positive number, not {value!r}",
                    column=name,
                )
        for name in (*(f"{c}_weight" for c in COMPONENTS), "closeness_weight", "floor"):
            _number(self, name)
        weights = self.weights()
        for name, value in weights.items():
            if not np.isfinite(value) or value < 0:
                raise InputError(
                    f"StrengthModel.{name}_weight must be zero or positive, not {value!r}",
                    column=f"{name}_weight",
                )
        if sum(weights[c] for c in COMPONENTS) <= 0:
            raise InputError("At least one component weight of StrengthModel must be positive")
        if not 0 <= self.floor < 1:
            raise InputError(
                f"StrengthModel.floor must be in [0, 1), not {self.floor!r}", column="floor"
            )
        _number(self, "stated_closeness")
        if not 0 < self.stated_closeness <= 1:
            raise InputError(
                f"StrengthModel.stated_closeness must be in (0, 1], not {self.stated_closeness!r}",
                column="stated_closeness",
            )

    def weights(self) -> dict[str, float]:
        """Return the weights by component name, closeness last.

        Examples
        --------
        >>> StrengthModel().weights()["closeness"]
        1.0
        """
        names = (*COMPONENTS, "closeness")
        return {name: getattr(self, f"{name}_weight") for name in names}


def _number(model: StrengthModel, name: str) -> float:
    """The parameter `name` of `model` as a float, or an InputError naming it."""
    value = getattr(model, name)
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise InputError(
            f"StrengthModel.{name} must be a number, not {value!r}",
            column=name,
            fix="Pass a number, such as StrengthModel(half_life_days=90).",
        )
    return float(value)


def reference_date(interactions: pd.DataFrame | None = None) -> pd.Timestamp:
    """Return the date that ``today=None`` stands for: the latest interaction date.

    With no dated interaction it is the current date (midnight), so results computed from an
    interaction log are reproducible and results without one are as of now.

    Parameters
    ----------
    interactions : pandas.DataFrame, optional
        The interaction log, with a ``date`` column.

    Returns
    -------
    pandas.Timestamp
        A tz-naive timestamp.

    Examples
    --------
    >>> log = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"],
    ...                     "date": pd.to_datetime(["2024-03-01", "2025-06-30"])})
    >>> reference_date(log)
    Timestamp('2025-06-30 00:00:00')
    """
    if interactions is not None and "date" in interactions.columns and len(interactions):
        dates = _as_dates(interactions["date"], table="interactions", column="date")
        latest = dates.max()
        if pd.notna(latest):
            return pd.Timestamp(latest)
    return pd.Timestamp.today().normalize()


def tie_strength(
    ties: pd.DataFrame | None = None,
    interactions: pd.DataFrame | None = None,
    *,
    today: object = None,
    model: StrengthModel | None = None,
) -> pd.DataFrame:
    r"""Compute the tie table: one row per related pair, with the strength of the tie.

    Pairs come from the stated ties and from the interaction log, undirected: ``(a, b)`` and
    ``(b, a)`` are one tie, indexed ``(source, target)`` with ``source < target``. Each of five
    behavioural components lies in [0, 1] and is 0 where nothing is known; the stated closeness is
    averaged in only where it is given. For a pair with interactions :math:`i` at ages
    :math:`a_i = T - t_i` days before ``today`` :math:`T`, half-life :math:`H`:

    .. math::

        \text{frequency} &= 1 - e^{-x / c_f}, \qquad x = \sum_i 2^{-a_i / H} \\
        \text{recency} &= 2^{-(T - t_\text{last}) / H} \\
        \text{duration} &= 1 - e^{-(T - t_0) / \tau},
            \qquad t_0 = \min(\text{since}, t_\text{first}) \\
        \text{reciprocity} &= 1 - e^{-\min(n_{ab}, n_{ba}) / c_r} \\
        \text{multiplexity} &= 1 - e^{-(k_\text{channel} + k_\text{kind}) / c_m} \\
        S &= \frac{\sum_j w_j \, \text{component}_j + w_\kappa \kappa}
                  {\sum_j w_j + w_\kappa}
            \quad (\kappa \text{ terms only where closeness } \kappa \text{ is stated}) \\
        \text{strength} &= \varphi + (1 - \varphi) \, S

    Frequency is Gilbert and Karahalios' intensity with Burt's exponential decay [2]_ [3]_;
    recency their "days since last communication"; duration their "days since first
    communication" and Granovetter's "amount of time" [1]_; reciprocity counts returned contact
    (:math:`n_{ab}` interactions initiated by ``a``), Granovetter's reciprocal services;
    multiplexity counts the distinct channels used (at least one for a pair with interactions)
    and the distinct stated kinds of tie (colleague, friend, ...). Closeness is the stated
    closeness, the best single indicator [4]_. The floor :math:`\varphi` makes every tie with
    interactions weak but not zero. A tie with no interactions (stated in a ties file, answered
    by the user, or inferred) has no behaviour to measure: its strength is its stated closeness,
    else ``model.stated_closeness`` (0.5, "know each other" on Burt's survey scale), never the
    floor.

    Interactions may carry a ``weight`` (> 0, default 1): a row counts by its weight in
    frequency and reciprocity. Readers give a co-attendance or co-recipient row among the
    :math:`n` participants of one event the weight :math:`1/(n-1)`, after Newman's
    collaboration networks [5]_, so a meeting of twenty ties its attendees less than a lunch
    of three.

    Evidence: each pair says what it rests on, ``"stated"`` (a row of the ties with
    ``evidence`` "stated", the default) beats ``"observed"`` (it has interactions) beats
    ``"inferred"`` (only rows with ``evidence`` "inferred"), and its ``probability``: 1 unless
    inferred, else the largest ``probability`` given. Analyses weigh an inferred tie by
    strength x probability (its expected strength); see :attr:`netgraph.Network.graph`.

    Reciprocity counts returned contact rather than balance (such as
    :math:`1 - |n_{ab} - n_{ba}| / (n_{ab} + n_{ba})`) so that strength is monotone: one more
    interaction, in either direction, never lowers a tie's strength, and neither does moving an
    interaction later in time, as long as it stays on or after the pair's first contact (moving
    the first contact later shortens the known history, the duration, by design). This holds
    at a fixed ``today``: left to default, ``today`` is the latest interaction in the log, so a
    new interaction that moves it later ages every other interaction, and can lower the
    strength of a tie it does not touch (or even of its own tie, if it comes long after the
    rest). Pass ``today`` to compare strengths across versions of a log.

    Parameters
    ----------
    ties : pandas.DataFrame, optional
        Stated ties: ``source``, ``target`` and optionally ``kind`` (``"friend;neighbour"``
        states two kinds), ``since`` (dates), ``closeness`` (in [0, 1]), ``evidence`` (one of
        :data:`EVIDENCE`, default "stated") and ``probability`` (in (0, 1], default 1). Several
        rows for one pair are merged: the distinct kinds are kept (sorted, ``";"``-joined), the
        earliest ``since``, the mean ``closeness``, the strongest evidence and the largest
        probability.
    interactions : pandas.DataFrame, optional
        Interaction log: ``source`` (who initiated), ``target``, ``date`` and optionally
        ``channel`` and ``weight`` (> 0, default 1). Interactions after ``today`` are left out.
    today : date-like, optional
        The date the strengths are computed at; default the latest interaction date (see
        :func:`reference_date`).
    model : StrengthModel, optional
        The parameters; default ``StrengthModel()``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``(source, target)`` with ``source < target``, sorted, with the columns
        ``kind`` (str), ``since`` (datetime), ``closeness`` (float), ``n_interactions`` (int),
        ``first_contact``, ``last_contact`` (datetime), ``usual_interval_days`` (float: the median
        gap between consecutive distinct days of contact, NaN with fewer than two such days), the
        components ``frequency``, ``recency``, ``duration``, ``reciprocity``, ``multiplexity`` and
        ``strength``, all in [0, 1], ``evidence`` (str) and ``probability`` (float).

    Raises
    ------
    InputError
        If a required column is missing, an id or an interaction date is missing, a date cannot be
        read, a closeness is outside [0, 1], an evidence is not one of :data:`EVIDENCE`, a
        probability is outside (0, 1] or an interaction weight is not a positive number.

    Warns
    -----
    NetgraphWarning
        When rows that tie a person to themself are left out (the message counts them).

    References
    ----------
    .. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
       no. 6 (1973): 1360-1380.
    .. [2] Gilbert, Eric, and Karrie Karahalios. "Predicting Tie Strength with Social Media."
       *Proceedings of CHI 2009*, 211-220. ACM, 2009.
    .. [3] Burt, Ronald S. "Decay Functions." *Social Networks* 22, no. 1 (2000): 1-28.
    .. [4] Marsden, Peter V., and Karen E. Campbell. "Measuring Tie Strength." *Social Forces*
       63, no. 2 (1984): 482-501.
    .. [5] Newman, M. E. J. "Scientific Collaboration Networks. II. Shortest Paths, Weighted
       Networks, and Centrality." *Physical Review E* 64 (2001): 016132.

    Examples
    --------
    Ana and Bo wrote to each other twice in June; Ana once told Cy about a job a year earlier;
    Ana states that Dee is a close friend.

    >>> log = pd.DataFrame({
    ...     "source": ["ana", "bo", "ana"],
    ...     "target": ["bo", "ana", "cy"],
    ...     "date": pd.to_datetime(["2025-06-01", "2025-06-30", "2024-06-30"]),
    ...     "channel": ["email", "call", "email"],
    ... })
    >>> stated = pd.DataFrame({"source": ["dee"], "target": ["ana"], "kind": ["friend"],
    ...                        "closeness": [0.9]})
    >>> table = tie_strength(stated, log)
    >>> columns = ["n_interactions", "recency", "reciprocity", "strength"]
    >>> print(table[columns + ["evidence"]].round(3))  # doctest: +NORMALIZE_WHITESPACE
                   n_interactions  recency  reciprocity  strength  evidence
    source target
    ana    bo                   2    1.000        0.393     0.529  observed
           cy                   1    0.245        0.000     0.234  observed
           dee                  0    0.000        0.000     0.900    stated
    """
    model = StrengthModel() if model is None else model
    ties = _clean_ties(ties)
    log = _clean_interactions(interactions)
    today_us = _latest_us(log["date"]) if today is None else _to_us(timestamp(today, "today"))

    # One id space for both tables, numbered in string order so that code order is id order.
    labels, (tie_source, tie_target, log_source, log_target) = _encode_ids(
        ties["source"], ties["target"], log["source"], log["target"]
    )
    n_people = max(len(labels), 1)
    keep_tie = _drop_self_pairs(tie_source, tie_target, "ties")
    keep_log = _drop_self_pairs(log_source, log_target, "interactions") & (log["date"] <= today_us)
    stated = _aggregate_ties(
        {
            name: values[keep_tie]
            for name, values in ties.items()
            if name not in ("source", "target")
        },
        tie_source[keep_tie],
        tie_target[keep_tie],
        n_people,
    )
    logged = _aggregate_interactions(
        log["date"][keep_log],
        log["weight"][keep_log],
        None if log["channel"] is None else log["channel"][keep_log],
        log_source[keep_log],
        log_target[keep_log],
        n_people,
        today_us,
        model,
    )

    # Every pair, in (source, target) order; each column filled from the table that knows it.
    keys = np.sort(np.concatenate([stated["key"], logged["key"]]))  # both sorted and unique
    keys = keys[np.diff(keys, prepend=-1) != 0]
    n = len(keys)
    in_stated = np.searchsorted(keys, stated["key"])
    in_logged = np.searchsorted(keys, logged["key"])

    def column(table, at, name, fill, dtype):
        values = np.full(n, fill, dtype=dtype)
        values[at] = table[name]
        return values

    kind = column(stated, in_stated, "kind", np.nan, object)
    n_kinds = column(stated, in_stated, "n_kinds", 0.0, np.float64)
    since = column(stated, in_stated, "since", _NAT, np.int64)
    closeness = column(stated, in_stated, "closeness", np.nan, np.float64)
    count = column(logged, in_logged, "n", 0, np.int64)
    first = column(logged, in_logged, "first", _NAT, np.int64)
    last = column(logged, in_logged, "last", _NAT, np.int64)
    interval = column(logged, in_logged, "interval", np.nan, np.float64)
    decayed = column(logged, in_logged, "decayed", 0.0, np.float64)
    returned = column(logged, in_logged, "returned", 0.0, np.float64)
    n_channels = column(logged, in_logged, "n_channels", 0.0, np.float64)
    rank = column(stated, in_stated, "rank", len(EVIDENCE) - 1, np.int64)
    rank = np.where(count > 0, np.minimum(rank, 1), rank)  # interactions: at least observed
    given = column(stated, in_stated, "probability", 1.0, np.float64)
    probability = np.where(rank == EVIDENCE.index("inferred"), given, 1.0)

    components = {}
    components["frequency"] = -np.expm1(-decayed / model.frequency_scale)
    last_age = np.where(count > 0, (today_us - last) / _US_PER_DAY, np.inf)
    components["recency"] = np.exp2(-last_age / model.half_life_days)
    # Known since the earlier of the stated `since` and the first contact (NaT is unknown).
    start = np.where(since == _NAT, first, np.where(first == _NAT, since, np.minimum(since, first)))
    known_days = np.where(start == _NAT, 0.0, (today_us - start) / _US_PER_DAY)
    components["duration"] = -np.expm1(-np.maximum(known_days, 0.0) / model.duration_scale_days)
    components["reciprocity"] = -np.expm1(-returned / model.reciprocity_scale)
    components["multiplexity"] = -np.expm1(-(n_channels + n_kinds) / model.multiplexity_scale)

    weights = model.weights()
    total = sum(weights[c] * components[c] for c in COMPONENTS)
    norm = sum(weights[c] for c in COMPONENTS)
    has_closeness = ~np.isnan(closeness)
    total = total + np.where(has_closeness, weights["closeness"] * closeness, 0.0)
    norm = norm + np.where(has_closeness, weights["closeness"], 0.0)
    strength = model.floor + (1.0 - model.floor) * np.clip(total / norm, 0.0, 1.0)
    # No behaviour to measure: the stated closeness, else the survey's "know each other".
    said = np.maximum(np.where(has_closeness, closeness, model.stated_closeness), model.floor)
    strength = np.where(count > 0, strength, said)

    index = pd.MultiIndex(
        levels=[labels, labels],
        codes=[keys // n_people, keys % n_people],
        names=["source", "target"],
        verify_integrity=False,
    ).remove_unused_levels()  # ids seen only in left-out rows
    return pd.DataFrame(
        {
            "kind": pd.array(kind, dtype="str"),
            "since": since.view(_DATETIME),
            "closeness": closeness,
            "n_interactions": count,
            "first_contact": first.view(_DATETIME),
            "last_contact": last.view(_DATETIME),
            "usual_interval_days": interval,
            **components,
            "strength": strength,
            "evidence": pd.array(np.array(EVIDENCE, dtype=object)[rank], dtype="str"),
            "probability": probability,
        },
        index=index,
    )


# --- input checks ----------------------------------------------------------------------------


def _to_us(stamp: pd.Timestamp) -> int:
    return int(stamp.to_datetime64().astype("datetime64[us]").astype(np.int64))


def _latest_us(dates: np.ndarray) -> int:
    """Return the `today` rule as int64 microseconds: the latest date, or now."""
    if len(dates):
        return int(dates.max())
    return _to_us(pd.Timestamp.today().normalize())


def _as_dates(values: pd.Series, *, table: str, column: str) -> pd.Series:
    """Return `values` as tz-naive datetime64[us]; tz-aware dates are converted to UTC."""
    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        converted = pd.to_datetime(values, errors="coerce", format="mixed")
        bad = converted.isna() & values.notna()
        if bad.any():
            row = bad.idxmax()
            raise InputError(
                f"{values[row]!r} is not a date",
                file=table,
                row=row,
                column=column,
                fix="Write dates as YYYY-MM-DD.",
            )
        values = converted
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.astype(_DATETIME)


def _require(frame: pd.DataFrame, columns: tuple[str, ...], table: str) -> None:
    for column in columns:
        if column not in frame.columns:
            raise InputError(
                f"the {table} table has no {column!r} column",
                file=table,
                column=column,
                fix=f"Give it the columns {', '.join(map(repr, columns))}.",
            )


def _ids(frame: pd.DataFrame, column: str, table: str) -> np.ndarray:
    """Return an id column as an object array of str, refusing missing ids."""
    values = frame[column]
    missing = values.isna()
    if missing.any():
        raise InputError(
            "a person id is missing",
            file=table,
            row=missing.idxmax(),
            column=column,
            fix="Fill in the id or drop the row.",
        )
    if not pd.api.types.is_string_dtype(values.dtype):
        values = values.astype("str")
    return values.to_numpy(dtype=object)


def _clean_ties(ties: pd.DataFrame | None) -> dict[str, np.ndarray]:
    """Return the stated ties as arrays: ids, kind (object, NaN if none), since (int64 us)."""
    if ties is None:
        ties = pd.DataFrame({"source": [], "target": []}, dtype="str")
    _require(ties, ("source", "target"), "ties")
    n = len(ties)
    if "kind" in ties.columns:
        kind = ties["kind"]
        kind = kind.where(kind.isna(), kind.astype("str")).to_numpy(dtype=object, na_value=np.nan)
    else:
        kind = np.full(n, np.nan, dtype=object)
    if "since" in ties.columns:
        since = _as_dates(ties["since"], table="ties", column="since").to_numpy().view(np.int64)
    else:
        since = np.full(n, _NAT, dtype=np.int64)
    if "closeness" in ties.columns:
        closeness = pd.to_numeric(ties["closeness"], errors="coerce").astype("float64")
        bad = (closeness.isna() & ties["closeness"].notna()) | (closeness < 0) | (closeness > 1)
        if bad.any():
            row = bad.idxmax()
            raise InputError(
                f"closeness {ties['closeness'][row]!r} is not a number in [0, 1]",
                file="ties",
                row=row,
                column="closeness",
                fix="Give closeness between 0 (distant) and 1 (closest), or leave it blank.",
            )
        closeness = closeness.to_numpy()
    else:
        closeness = np.full(n, np.nan)
    rank = np.zeros(n, dtype=np.int64)  # a row of a ties file is stated
    if "evidence" in ties.columns:
        text = ties["evidence"].astype(object).where(ties["evidence"].notna(), "stated")
        text = text.astype(str).str.strip().str.lower()
        bad = ~text.isin(EVIDENCE)
        if bad.any():
            row = bad.idxmax()
            raise InputError(
                f"evidence {ties['evidence'][row]!r} is not one of {', '.join(EVIDENCE)}",
                file="ties",
                row=row,
                column="evidence",
                fix="Leave it blank for a tie you know (stated), or use observed or inferred.",
            )
        rank = text.map(EVIDENCE.index).to_numpy(dtype=np.int64)
    probability = np.ones(n)
    if "probability" in ties.columns:
        given = pd.to_numeric(ties["probability"], errors="coerce").astype("float64")
        bad = (given.isna() & ties["probability"].notna()) | (given <= 0) | (given > 1)
        if bad.any():
            row = bad.idxmax()
            raise InputError(
                f"probability {ties['probability'][row]!r} is not a number in (0, 1]",
                file="ties",
                row=row,
                column="probability",
                fix="Give the probability that the tie exists, above 0 and at most 1.",
            )
        probability = given.fillna(1.0).to_numpy()
    return {
        "source": _ids(ties, "source", "ties"),
        "target": _ids(ties, "target", "ties"),
        "kind": kind,
        "since": since,
        "closeness": closeness,
        "rank": rank,
        "probability": probability,
    }


def _clean_interactions(interactions: pd.DataFrame | None) -> dict[str, np.ndarray | None]:
    """Return the interaction log as arrays: ids, date (int64 us), channel (object or None)."""
    if interactions is None:
        interactions = pd.DataFrame({"source": [], "target": [], "date": []}, dtype="str")
    _require(interactions, ("source", "target", "date"), "interactions")
    date = _as_dates(interactions["date"], table="interactions", column="date")
    missing = date.isna()
    if missing.any():
        raise InputError(
            "an interaction has no date",
            file="interactions",
            row=missing.idxmax(),
            column="date",
            fix="Fill in the date or drop the row.",
        )
    channel = None
    if "channel" in interactions.columns:
        channel = interactions["channel"].to_numpy(dtype=object, na_value=np.nan)
    weight = np.ones(len(interactions))
    if "weight" in interactions.columns:
        given = pd.to_numeric(interactions["weight"], errors="coerce").astype("float64")
        bad = (given.isna() & interactions["weight"].notna()) | ~(given > 0) & given.notna()
        bad |= np.isinf(given)
        if bad.any():
            row = bad.idxmax()
            raise InputError(
                f"weight {interactions['weight'][row]!r} is not a positive number",
                file="interactions",
                row=row,
                column="weight",
                fix="Give each interaction a weight above 0 (1 for a one-to-one contact).",
            )
        weight = given.fillna(1.0).to_numpy()
    return {
        "source": _ids(interactions, "source", "interactions"),
        "target": _ids(interactions, "target", "interactions"),
        "date": date.to_numpy().view(np.int64),
        "channel": channel,
        "weight": weight,
    }


def _drop_self_pairs(source: np.ndarray, target: np.ndarray, table: str) -> np.ndarray:
    """Return the mask of rows to keep, warning about rows that tie a person to themself."""
    keep = source != target
    n_self = len(keep) - int(np.count_nonzero(keep))
    if n_self:
        warnings.warn(
            f"{n_self} row(s) of the {table} table tie a person to themself; they were left out.",
            NetgraphWarning,
            stacklevel=3,
        )
    return keep


# --- aggregation -----------------------------------------------------------------------------


def _encode_ids(*columns: np.ndarray) -> tuple[pd.Index, list[np.ndarray]]:
    """Number the ids of all columns by their rank in string order; return labels and codes."""
    values = np.concatenate(columns)
    codes, uniques = pd.factorize(values)
    uniques = np.fromiter(uniques, dtype=object, count=len(uniques))  # tuples stay whole
    text = all(isinstance(v, str) for v in uniques)
    order = np.argsort(uniques if text else np.array([str(v) for v in uniques]), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    codes = rank[codes]
    bounds = np.cumsum([0, *(len(c) for c in columns)])
    parts = [codes[bounds[i] : bounds[i + 1]] for i in range(len(columns))]
    # Ids as given (Network.from_graph keeps 0 as 0), in the order of their text.
    labels = pd.Index(uniques[order], dtype="str" if text else object, tupleize_cols=False)
    return labels, parts


def _aggregate_ties(
    ties: dict[str, np.ndarray], source: np.ndarray, target: np.ndarray, n_people: int
) -> dict[str, np.ndarray]:
    """Merge the stated ties per pair: sorted distinct kinds, earliest since, mean closeness."""
    key = np.minimum(source, target) * n_people + np.maximum(source, target)
    since = pd.Series(ties["since"]).where(ties["since"] != _NAT)
    frame = pd.DataFrame(
        {
            "key": key,
            "since": since,
            "closeness": ties["closeness"],
            "rank": ties["rank"],
            "probability": ties["probability"],
        }
    )
    merged = frame.groupby("key", sort=True).agg(
        since=("since", "min"),
        closeness=("closeness", "mean"),
        rank=("rank", "min"),
        probability=("probability", "max"),
    )
    # Distinct kinds per pair ("a;b" states two), sorted and ";"-joined: one vectorised pass
    # per kind position.
    kinds = pd.DataFrame({"key": key, "kind": ties["kind"]}).dropna()
    kinds = kinds.assign(kind=kinds["kind"].str.split(";")).explode("kind")
    kinds["kind"] = kinds["kind"].str.strip()
    kinds = kinds[kinds["kind"] != ""].drop_duplicates().sort_values(["key", "kind"])
    position = kinds.groupby("key").cumcount().to_numpy()
    joined = pd.Series(np.nan, index=merged.index, dtype=object)
    for p in range(int(position.max()) + 1 if len(position) else 0):
        at = kinds[position == p]
        text = at["kind"].to_numpy(dtype=object)
        if p:
            text = joined.loc[at["key"]].to_numpy(dtype=object) + ";" + text
        joined.loc[at["key"]] = text
    n_kinds = kinds.groupby("key").size().reindex(merged.index, fill_value=0)
    return {
        "key": merged.index.to_numpy(dtype=np.int64),
        "kind": joined.to_numpy(),
        "n_kinds": n_kinds.to_numpy(dtype=np.float64),
        "since": merged["since"].fillna(_NAT).to_numpy(dtype=np.int64),
        "closeness": merged["closeness"].to_numpy(dtype=np.float64),
        "rank": merged["rank"].to_numpy(dtype=np.int64),
        "probability": merged["probability"].to_numpy(dtype=np.float64),
    }


def _aggregate_interactions(
    date: np.ndarray,
    weight: np.ndarray,
    channel: np.ndarray | None,
    source: np.ndarray,
    target: np.ndarray,
    n_people: int,
    today_us: int,
    model: StrengthModel,
) -> dict[str, np.ndarray]:
    """Aggregate the log per pair with one sort by (pair, day) and per-pair reductions."""
    low = np.minimum(source, target)
    pair, pair_keys = pd.factorize(low * n_people + np.maximum(source, target))
    n_pairs, n_rows = len(pair_keys), len(pair)
    forward = source == low  # initiated by the pair's lower id

    count = np.bincount(pair, minlength=n_pairs)
    decay = np.exp2(-((today_us - date) / _US_PER_DAY) / model.half_life_days)
    decayed = np.bincount(pair, weights=decay * weight, minlength=n_pairs)
    n_forward = np.bincount(pair, weights=forward * weight, minlength=n_pairs)
    weighted = np.bincount(pair, weights=weight, minlength=n_pairs)

    # Sort by (pair, day); the packed key cannot overflow: pairs * days < 2**63 for any log.
    day = date // _US_PER_DAY
    day0 = day.min() if n_rows else 0
    n_days = int(day.max() - day0 + 1) if n_rows else 1
    order = np.argsort(pair * n_days + (day - day0))
    pair_sorted, day_sorted, date_sorted = pair[order], day[order], date[order]
    starts = np.flatnonzero(np.diff(pair_sorted, prepend=-1))
    first = np.minimum.reduceat(date_sorted, starts) if n_rows else date[:0]
    last = np.maximum.reduceat(date_sorted, starts) if n_rows else date[:0]

    # Median gap between consecutive distinct days of contact.
    new_day = np.diff(pair_sorted * n_days + day_sorted, prepend=-1) != 0
    day_sorted, day_pair = day_sorted[new_day], pair_sorted[new_day]
    same = day_pair[1:] == day_pair[:-1]
    gaps = pd.Series(np.diff(day_sorted)[same].astype(np.float64))
    median_gap = gaps.groupby(day_pair[1:][same]).median()
    interval = np.full(n_pairs, np.nan)
    interval[median_gap.index.to_numpy()] = median_gap.to_numpy()

    # Distinct channels per pair (a pair with interactions uses at least one): OR of bit masks.
    n_channels = np.ones(n_pairs)
    if channel is not None and n_rows:
        code, labels = pd.factorize(channel)
        if len(labels) <= 62:
            bits = np.where(code >= 0, np.left_shift(1, code.clip(0)), 0).astype(np.int64)
            mask = np.bitwise_or.reduceat(bits[order], starts)
            n_channels = np.maximum(np.bitwise_count(mask), 1).astype(np.float64)
        else:
            known = code >= 0
            pairs = np.unique(pair[known] * len(labels) + code[known]) // len(labels)
            n_channels = np.maximum(np.bincount(pairs, minlength=n_pairs), 1).astype(np.float64)

    # Pairs are numbered by first appearance; report them in key order.
    by_key = np.argsort(pair_keys)
    return {
        "key": np.asarray(pair_keys, dtype=np.int64)[by_key],
        "n": count[by_key],
        "first": first[by_key],
        "last": last[by_key],
        "interval": interval[by_key],
        "decayed": decayed[by_key],
        "returned": np.minimum(n_forward, weighted - n_forward)[by_key],
        "n_channels": n_channels[by_key],
    }
