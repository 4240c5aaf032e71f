r"""Who knows whom: infer ties between contacts from what they share, and choose what to ask.

Files a person has (a LinkedIn export, an address book) rarely say which of their contacts know
each other, yet every measure of closure and brokerage rests on those ties. This module gives
each pair of contacts who share a *group* (a circle the user drew, a company, a school, a city, a
hometown, or any ``;``-separated column) a calibrated probability of knowing each other, and
picks the questions whose answers would change the analysis most.

**The model.** Each value of each column is a group :math:`g` of :math:`s_g` contacts. A group
makes two of its members meet with a rate that falls with its size (a school of thousands is
sparser than a family circle):

.. math::

    \operatorname{logit} r_g = \alpha_f + \beta_f \log s_g.

A pair sharing the groups :math:`G_{ab}` knows each other unless none of them (nor the
background, rate :math:`r_0`) made them meet, a noisy-OR; a logistic map fitted on real pairs
calibrates it, and the user's answers move it by a logit offset :math:`\delta_g` per group:

.. math::

    q_{ab} = 1 - (1 - r_0) \prod_{g \in G_{ab}} (1 - r_g), \qquad
    p_{ab} = \sigma\Big(\gamma_0 + \gamma_1 \operatorname{logit} q_{ab}
        + \sum_{g \in G_{ab}} \delta_g\Big).

The offsets are a logistic regression on the answered pairs with a normal prior (standard
deviation :data:`GROUP_SD`), fitted by maximum a posteriori: a yes or no inside a group moves
every pair of that group, and a pair in several groups shares the news among them as the
likelihood says. Pairs who share nothing are never inferred ties; their probability is
:func:`background_probability` (answers about such pairs update it as a beta-binomial).

**What was fitted on what.** :data:`RATES`, :data:`BACKGROUND` and :data:`CALIBRATION` were fitted
by maximum likelihood (:func:`fit`: the noisy-OR over every pair of contacts, then the logistic
calibration) on the three egos of SNAP ego-Facebook (McAuley and Leskovec 2012 [1]_: egos 0, 348
and 414; 733 contacts, 7,404 true ties), from the ego's circles and the contacts' employer
(``company``), school, location (``city``) and hometown. Leave-one-ego-out, the AUC of the
probabilities against the true ties among the contacts is 0.747, 0.870 and 0.894 (median 0.870);
the expected number of ties is 3,470, 3,949 and 1,115 against 2,519, 3,192 and 1,693 true ties
(density differs threefold between these egos: answers correct it). :data:`GROUP_SD` (1 on the
logit scale) is about the spread of the groups' true densities around the fitted rates there (1
to 1.4), and gave the smallest effective-size errors of 0.5, 1 and 2 in a sweep. Run
``benchmarks/who_knows_whom.py``. Columns the model was not fitted on (``groups``, ``by=`` columns)
take :data:`OTHER_RATE`, the mean of the fitted affiliation families.

**Choosing questions.** For Burt's effective size every tie among the :math:`n` contacts counts the
same (:math:`2/n`), so an answer matters most when it moves many expected ties at once: when it
teaches the offset of a large, uncertain group. :func:`choose_questions` takes, greedily, the group
whose offset variance :math:`\sigma_g^2` would fall most in terms of the expected number of ties,

.. math::

    \Delta_g = \frac{(\sigma_g^2 S_g)^2 \bar v_g}{1 + \bar v_g \sigma_g^2}, \qquad
    S_g = \sum_{ab \in g} p_{ab}(1 - p_{ab}), \quad \bar v_g = S_g / \text{pairs}_g,

(:math:`S_g` is how much the expected ties move per unit of offset), then a pair drawn at random
inside it (seeded, so the same network gives the same questions), and shrinks the variance of
every group that pair shares. Drawing inside the group, rather than its likeliest pair, keeps
the answer representative of the group. On ego-Facebook, 50 such answers cut the error of the
ego's effective size about three times as much as 50 random pairs (see the benchmark).

References
----------
.. [1] McAuley, Julian, and Jure Leskovec. "Learning to Discover Social Circles in Ego
   Networks." *NIPS 2012*.
.. [2] Burt, Ronald S. "Network Items and the General Social Survey." *Social Networks* 6
   (1984): 293-339.
.. [3] Perry, Brea L., Bernice A. Pescosolido, and Stephen P. Borgatti. *Egocentric Network
   Analysis.* Cambridge University Press, 2018.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import minimize
from scipy.special import expit, logit

from netgraph._names import deprecated_names
from netgraph.errors import InputError

__all__ = [
    "BACKGROUND",
    "CALIBRATION",
    "FAMILIES",
    "GROUP_SD",
    "RATES",
    "auc",
    "background_probability",
    "choose_questions",
    "fit",
    "group_columns",
    "tie_probabilities",
]

#: The people columns inferred from by default, in order: groups the user draws, groups from
#: large events and mailing lists, and affiliations.
FAMILIES = ("circles", "groups", "company", "school", "city", "hometown")

#: Fitted :math:`(\alpha_f, \beta_f)` per family: logit(rate) = alpha + beta * log(group size).
RATES = {
    "circles": (2.892, -1.083),
    "company": (0.121, -0.631),
    "school": (0.223, -0.697),
    "city": (-3.055, 0.077),
    "hometown": (2.802, -2.128),
}
#: For a family the model was not fitted on: the mean of the fitted affiliation families.
OTHER_RATE = (0.023, -0.845)
#: The share of pairs sharing nothing who know each other.
BACKGROUND = 0.0125
#: Fitted :math:`(\gamma_0, \gamma_1)`: logit p = gamma0 + gamma1 * logit(noisy-OR).
CALIBRATION = (0.10, 1.06)
#: Prior standard deviation of a group's logit offset, learnt from the answers.
GROUP_SD = 1.0
#: Prior standard deviation of the logit offset of all pairs of one network (how much denser or
#: sparser than the fitted egos a user's contacts are). Kept near zero: learnt from the pairs
#: asked about, which are not a random sample, it moved every pair and on ego-Facebook 348
#: tripled the error of the effective size (0.5: 19.8 against 6.1 before any answer).
SHIFT_SD = 0.01
#: Prior weight of the background rate, in pairs.
PRIOR_BACKGROUND_PAIRS = 200.0
#: Pairs below this probability are not listed as inferred ties.
MIN_PROBABILITY = 0.01

_EPS = 1e-6
_PURITY = 1e-3
_RANDOM = 0.0


@dataclass(frozen=True)
class _Groups:
    """Contacts and the groups they share: membership, names and rates."""

    contacts: pd.Index  # ids, in order
    members: sparse.csr_matrix  # contacts x groups, 0/1
    family: np.ndarray  # per group
    value: np.ndarray  # per group, as first written
    size: np.ndarray
    prior: np.ndarray  # the fitted rate at the group's size


def _split(values: pd.Series) -> pd.Series:
    """One row per (person, value) of a ``;``-separated column, compared case-insensitively."""
    text = values.dropna().astype(str)
    parts = text.str.split(";").explode().str.strip()
    return parts[parts != ""]


def group_columns(people: pd.DataFrame, by: str | Sequence[str] | None = None) -> list[str]:
    """The people columns to infer ties from: ``by``, default those of :data:`FAMILIES` present.

    An absent column is an InputError listing the people columns.
    """
    if by is None:
        return [c for c in FAMILIES if c in people.columns]
    columns = [by] if isinstance(by, str) else list(by)
    missing = [c for c in columns if c not in people.columns]
    if missing:
        raise InputError(
            f"no people column {missing[0]!r} to infer ties from",
            column=missing[0],
            fix=f"Use one of the people columns: {', '.join(map(str, people.columns))}.",
        )
    return columns


def _groups(people: pd.DataFrame, contacts: pd.Index, columns: Iterable[str]) -> _Groups:
    rows, cols, family, value, size = [], [], [], [], []
    n_groups = 0
    for column in columns:
        parts = _split(people[column].reindex(contacts))
        if parts.empty:
            continue
        key = parts.str.casefold()
        person = contacts.get_indexer(parts.index)
        frame = pd.DataFrame({"person": person, "key": key.to_numpy(), "value": parts.to_numpy()})
        frame = frame.drop_duplicates(["person", "key"])
        code, keys = pd.factorize(frame["key"])
        counts = np.bincount(code, minlength=len(keys))
        shared = counts[code] >= 2  # a group of one ties nobody
        code = np.unique(code[shared], return_inverse=True)[1] if shared.any() else code[:0]
        kept = frame[shared]
        first = kept.groupby(code, sort=True)["value"].first()
        rows.append(kept["person"].to_numpy())
        cols.append(code + n_groups)
        family += [column] * len(first)
        value += list(first)
        size.append(np.bincount(code, minlength=len(first)))
        n_groups += len(first)
    n = len(contacts)
    if n_groups:
        r, c = np.concatenate(rows), np.concatenate(cols)
        sizes = np.concatenate(size).astype(float)
    else:
        r = c = np.zeros(0, int)
        sizes = np.zeros(0)
    members = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n_groups))
    family = np.array(family, dtype=object)
    alpha = np.array([RATES.get(f, OTHER_RATE)[0] for f in family])
    beta = np.array([RATES.get(f, OTHER_RATE)[1] for f in family])
    prior = expit(alpha + beta * np.log(np.maximum(sizes, 2)))
    return _Groups(contacts, members, family, np.array(value, dtype=object), sizes, prior)


def _pairs(contacts: pd.Index, frame: pd.DataFrame | None, a: str, b: str) -> np.ndarray:
    """Positions (i, j), i < j, of the pairs of `frame` whose both ends are contacts."""
    if frame is None or not len(frame):
        return np.zeros((0, 2), int)
    i = contacts.get_indexer(frame[a].astype(str))
    j = contacts.get_indexer(frame[b].astype(str))
    keep = (i >= 0) & (j >= 0) & (i != j)
    return np.sort(np.column_stack([i[keep], j[keep]]), axis=1)


@dataclass
class _Model:
    """Offsets fitted to the answers, and the pair probabilities they give."""

    groups: _Groups
    offset: np.ndarray  # per group: logit offset from the answers
    variance: np.ndarray  # per group: posterior variance of the offset
    shift: float  # logit offset of every pair sharing a group (this network's density)
    shift_variance: float
    background: float  # probability of a pair sharing nothing, after the answers
    answered: np.ndarray  # (k, 2) positions
    knows: np.ndarray  # (k,) bool

    @property
    def rate(self) -> np.ndarray:
        """Each group's prior rate moved by its offset (to rank a pair's shared groups)."""
        return expit(logit(np.clip(self.groups.prior, _EPS, 1 - _EPS)) + self.offset)

    @classmethod
    def build(cls, groups: _Groups, answered: np.ndarray, knows: np.ndarray) -> _Model:
        n_groups = groups.members.shape[1]
        offset, variance = np.zeros(n_groups), np.full(n_groups, GROUP_SD**2)
        shift, shift_variance = 0.0, SHIFT_SD**2
        background = float(_calibrate(np.array([BACKGROUND]))[0])
        if not len(answered):
            return cls(groups, offset, variance, shift, shift_variance, background, answered, knows)
        members = groups.members
        shared = members[answered[:, 0]].multiply(members[answered[:, 1]]).tocsr()
        alone = np.asarray(shared.sum(axis=1)).ravel() == 0
        y = knows.astype(float)
        # Pairs sharing nothing: a beta-binomial update of the background.
        weight = PRIOR_BACKGROUND_PAIRS
        background = (background * weight + y[alone].sum()) / (weight + alone.sum())
        X, y = shared[~alone], y[~alone]
        if len(y):
            base = logit(_noisy_or(X, groups.prior))

            def objective(theta):
                eta = base + theta[0] + X @ theta[1:]
                p = expit(eta)
                loss = -(y * np.log(p + 1e-12) + (1 - y) * np.log1p(-p + 1e-12)).sum()
                loss += theta[0] ** 2 / (2 * SHIFT_SD**2) + (theta[1:] ** 2).sum() / (
                    2 * GROUP_SD**2
                )
                residual = p - y
                grad = np.concatenate([[residual.sum()], X.T @ residual])
                grad[0] += theta[0] / SHIFT_SD**2
                grad[1:] += theta[1:] / GROUP_SD**2
                return loss, grad

            theta = minimize(objective, np.zeros(1 + n_groups), jac=True, method="L-BFGS-B").x
            shift, offset = float(theta[0]), theta[1:]
            p = expit(base + shift + X @ offset)
            information = p * (1 - p)
            variance = 1 / (1 / GROUP_SD**2 + X.T @ information)
            shift_variance = 1 / (1 / SHIFT_SD**2 + information.sum())
        return cls(
            groups, offset, variance, shift, shift_variance, float(background), answered, knows
        )

    def probabilities(self) -> sparse.coo_matrix:
        """Upper-triangle sparse matrix of the probabilities of pairs sharing a group."""
        members = self.groups.members
        n = members.shape[0]
        if not members.shape[1]:
            return sparse.coo_matrix((n, n))
        log_miss = np.log1p(-np.clip(self.groups.prior, 0.0, 1 - _EPS))
        shared = sparse.triu(members @ members.T, k=1).tocoo()
        logged = sparse.triu(members @ sparse.diags(log_miss) @ members.T, k=1).tocsr()
        values = np.asarray(logged[shared.row, shared.col]).ravel()
        eta = logit(_calibrate(1.0 - (1.0 - BACKGROUND) * np.exp(values))) + self.shift
        if np.any(self.offset):
            moved = sparse.triu(members @ sparse.diags(self.offset) @ members.T, k=1).tocsr()
            eta = eta + np.asarray(moved[shared.row, shared.col]).ravel()
        return sparse.coo_matrix((expit(eta), (shared.row, shared.col)), shape=(n, n))


def _noisy_or(shared: sparse.csr_matrix, rates: np.ndarray) -> np.ndarray:
    """Calibrated noisy-OR probability of pairs given their rows of shared groups."""
    log_miss = np.log1p(-np.clip(rates, 0.0, 1 - _EPS))
    return _calibrate(1.0 - (1.0 - BACKGROUND) * np.exp(shared @ log_miss))


def _calibrate(raw: np.ndarray) -> np.ndarray:
    raw = np.clip(raw, _EPS, 1 - _EPS)
    return expit(CALIBRATION[0] + CALIBRATION[1] * logit(raw))


def background_probability() -> float:
    """The probability given to a pair of contacts who share no group (before any answer).

    Examples
    --------
    >>> print(f"{background_probability():.4f}")
    0.0106
    """
    return float(_calibrate(np.array([BACKGROUND]))[0])


def _setup(people, *, ego, by, answers):
    contacts = people.index.drop(ego) if ego is not None and ego in people.index else people.index
    contacts = pd.Index(contacts.astype(str))
    groups = _groups(people.set_axis(people.index.astype(str)), contacts, group_columns(people, by))
    if answers is not None and len(answers):
        missing = {"a", "b", "knows"} - set(answers.columns)
        if missing:
            raise InputError(
                f"the answers lack the column {sorted(missing)[0]!r}",
                fix="Answers are a table with the columns a, b and knows (True or False).",
            )
        answered = _pairs(contacts, answers, "a", "b")
        ok = answers["a"].astype(str).isin(contacts) & answers["b"].astype(str).isin(contacts)
        ok &= answers["a"].astype(str) != answers["b"].astype(str)
        knows = answers.loc[ok, "knows"].astype(bool).to_numpy()
    else:
        answered, knows = np.zeros((0, 2), int), np.zeros(0, bool)
    return _Model.build(groups, answered, knows)


@deprecated_names(ego="person")
def tie_probabilities(
    people: pd.DataFrame,
    *,
    person: str | None = None,
    by: str | Sequence[str] | None = None,
    answers: pd.DataFrame | None = None,
    known: pd.DataFrame | None = None,
    min_probability: float = MIN_PROBABILITY,
    describe: bool = True,
) -> pd.DataFrame:
    """Give each pair of contacts who share a group the probability that they know each other.

    Parameters
    ----------
    people : DataFrame
        Indexed by id, with ``;``-separated group columns.
    person : str, optional
        The user, left out of the pairs (the user's own ties are known). ``ego=``, the old
        name, still works with a DeprecationWarning.
    by : str or list of str, optional
        The columns to infer from; default those of :data:`FAMILIES` present.
    answers : DataFrame, optional
        ``a``, ``b``, ``knows``: answered pairs, which update the groups' rates and are left out.
    known : DataFrame, optional
        ``source``, ``target``: pairs with a known tie (stated or observed), left out.
    min_probability : float, default 0.01
        Pairs below it are left out.
    describe : bool, default True
        Add the ``shared`` column (a Python loop over pairs: leave it out for speed).

    Returns
    -------
    DataFrame
        ``source``, ``target`` (``source < target``), ``probability`` and ``shared`` (the groups
        the pair shares, ``"company: Acme; circles: climbing"``), most probable first.
    """
    model = _setup(people, ego=person, by=by, answers=answers)
    P = model.probabilities()
    i, j, p = P.row, P.col, P.data
    drop = np.zeros(len(p), bool)
    n = len(model.groups.contacts)
    for pairs in (model.answered, _pairs(model.groups.contacts, known, "source", "target")):
        if len(pairs):
            drop |= np.isin(i * n + j, pairs[:, 0] * n + pairs[:, 1])
    keep = ~drop & (p >= min_probability)
    i, j, p = i[keep], j[keep], p[keep]
    ids = model.groups.contacts.to_numpy(object)
    a, b = ids[i], ids[j]
    swap = a > b
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    frame = pd.DataFrame({"source": a, "target": b, "probability": p})
    if describe:
        frame["shared"] = _shared_text(model, i, j)
    frame = frame.sort_values(["probability", "source", "target"], ascending=[False, True, True])
    return frame.reset_index(drop=True)


def _shared_text(model: _Model, i: np.ndarray, j: np.ndarray, limit: int = 3) -> list[str]:
    """The groups each pair shares, highest rate first."""
    members = model.groups.members.tocsr()
    family, value = model.groups.family, model.groups.value
    out = []
    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        ga = members.indices[members.indptr[a] : members.indptr[a + 1]]
        gb = members.indices[members.indptr[b] : members.indptr[b + 1]]
        shared = np.intersect1d(ga, gb)
        shared = shared[np.argsort(-model.rate[shared], kind="stable")]
        text = "; ".join(f"{family[g]}: {value[g]}" for g in shared[:limit])
        if len(shared) > limit:
            text += f"; and {len(shared) - limit} more"
        out.append(text)
    return out


@deprecated_names(ego="person")
def choose_questions(
    people: pd.DataFrame,
    *,
    person: str | None = None,
    by: str | Sequence[str] | None = None,
    answers: pd.DataFrame | None = None,
    known: pd.DataFrame | None = None,
    k: int = 20,
    seed: int = 0,
) -> pd.DataFrame:
    """Choose the pairs of contacts whose answer would change the analysis most.

    See the module docstring for the criterion: the expected fall in the variance of the
    expected number of ties among the contacts (which sets Burt's effective size), counting
    the pair's own uncertainty and what its answer teaches about the offset of every group it
    shares and of the whole network; chosen greedily, each question shrinking the variances
    it informs, so the questions spread over the largest uncertain groups. ``person``, the
    user, and the other parameters are as for :func:`tie_probabilities`.

    Returns
    -------
    DataFrame
        ``a``, ``b``, ``probability``, ``reason``, in the order to ask; at most ``k`` rows.
    """
    if k < 0:
        raise InputError(f"k must be a non-negative number of questions, not {k!r}")
    model = _setup(people, ego=person, by=by, answers=answers)
    groups = model.groups
    if not groups.members.shape[1]:
        return pd.DataFrame(columns=["a", "b", "probability", "reason"])
    members = groups.members.tocsr()
    n = len(groups.contacts)
    P = model.probabilities().tocsr()
    i, j = P.nonzero()
    p = np.asarray(P[i, j]).ravel()
    skip = np.zeros(len(p), bool)
    for pairs in (model.answered, _pairs(groups.contacts, known, "source", "target")):
        if len(pairs):
            skip |= np.isin(i * n + j, pairs[:, 0] * n + pairs[:, 1])
    i, j, p = i[~skip], j[~skip], p[~skip]
    v = p * (1 - p)
    # Sensitivity of the expected tie count to each offset: sum of p(1-p) over its pairs.
    V = sparse.coo_matrix((v, (i, j)), shape=(n, n)).tocsr()
    s_group = np.asarray(((V + V.T) @ members).multiply(members).sum(axis=0)).ravel() / 2
    s_shift = v.sum()
    incidence = members[i].multiply(members[j]).tocsr()  # candidate pairs x groups
    variance, shift_variance = model.variance.copy(), model.shift_variance
    chosen: list[int] = []
    available = np.ones(len(p), bool)
    by_group = incidence.tocsc()
    rng = np.random.default_rng(seed)
    pairs_in = np.diff(by_group.indptr)
    for _ in range(min(k, len(p))):
        # The group whose offset, learnt better, moves the expected ties most; then a pair
        # drawn at random inside it, so that the answer speaks for the group as a whole (the
        # likeliest pairs would not: on ego-Facebook they answered yes where the rest of
        # their group did not).
        mean_v = s_group / np.maximum(pairs_in, 1)
        lever = shift_variance * s_shift + variance * s_group
        gain = lever**2 * mean_v / (1 + mean_v * (shift_variance + variance))
        best = -1
        for g in np.argsort(-gain, kind="stable"):
            rows = by_group.indices[by_group.indptr[g] : by_group.indptr[g + 1]]
            rows = rows[available[rows]]
            if len(rows):
                best = int(rng.choice(rows))
                break
        if best < 0:
            break
        chosen.append(best)
        available[best] = False
        touched = incidence[best].indices
        variance[touched] = 1 / (1 / variance[touched] + v[best])
        shift_variance = 1 / (1 / shift_variance + v[best])
    if not chosen:
        return pd.DataFrame(columns=["a", "b", "probability", "reason"])
    at = np.array(chosen)
    ids = groups.contacts.to_numpy(object)
    shared_text = _shared_text(model, i[at], j[at])
    reasons = []
    for row, text in zip(at.tolist(), shared_text, strict=True):
        touched = incidence[row].indices
        biggest = int(groups.size[touched].max()) if len(touched) else 0
        reasons.append(
            f"They share {text}; the answer also tells how likely the other pairs of a "
            f"group of {biggest} people are to know each other (now {p[row]:.0%} for this pair)"
        )
    return pd.DataFrame({"a": ids[i[at]], "b": ids[j[at]], "probability": p[at], "reason": reasons})


# -- fitting and measuring ------------------------------------------------------------------


def auc(truth: np.ndarray, score: np.ndarray) -> float:
    """Area under the ROC curve of `score` against boolean `truth` (ties count half).

    Examples
    --------
    >>> auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    0.75
    """
    from scipy.stats import rankdata

    truth = np.asarray(truth, bool)
    ranks = rankdata(score)
    positive = truth.sum()
    negative = len(truth) - positive
    if not positive or not negative:
        return float("nan")
    return float((ranks[truth].sum() - positive * (positive + 1) / 2) / (positive * negative))


def _dense(people: pd.DataFrame, ego: str | None, by, truth: pd.DataFrame | None):
    """All contact pairs (upper triangle): probability, truth, and the groups' tallies."""
    model = _setup(people, ego=ego, by=by, answers=None)
    n = len(model.groups.contacts)
    P = model.probabilities().toarray()
    iu = np.triu_indices(n, 1)
    p = P[iu]
    p[p == 0] = model.background
    y = np.zeros((n, n), bool)
    if truth is not None:
        pairs = _pairs(model.groups.contacts, truth, "source", "target")
        y[pairs[:, 0], pairs[:, 1]] = True
    return model, p, y[iu], iu


def fit(
    egos: Sequence[tuple[pd.DataFrame, str | None, pd.DataFrame]],
    *,
    by: str | Sequence[str] | None = None,
) -> dict:
    """Fit the rates, background and calibration on networks whose true ties are known.

    The family coefficients and the background maximise the likelihood of the true ties under
    the noisy-OR over every pair of contacts of every ego (a ridge of 0.5 on the slopes keeps
    the size effect small where few groups are seen); the calibration is then a logistic
    regression of the truth on the noisy-OR's logit.

    Parameters
    ----------
    egos : list of (people, ego, truth)
        People indexed by id with group columns, the ego's id, and the true ties among the
        contacts (``source``, ``target``).
    by : columns, optional
        As in :func:`tie_probabilities`.

    Returns
    -------
    dict
        ``rates`` ({family: (alpha, beta)}), ``background`` and ``calibration`` ((gamma0,
        gamma1)), ready to use with :class:`fitted` or to copy into :data:`RATES`,
        :data:`BACKGROUND` and :data:`CALIBRATION`.
    """
    data = []
    families: list[str] = []
    for people, ego, truth in egos:
        model, _, y, iu = _dense(people, ego, by, truth)
        members = model.groups.members.tocsr()
        # pair x group incidence over the pairs sharing a group
        incidence = sparse.csr_matrix(members[iu[0]].multiply(members[iu[1]]), dtype=float)
        shares = np.asarray(incidence.sum(axis=1)).ravel() > 0
        for f in model.groups.family:
            if f not in families:
                families.append(f)
        data.append(
            (
                incidence[shares],
                np.array([families.index(f) for f in model.groups.family], dtype=int),
                np.log(np.maximum(model.groups.size, 2)),
                y[shares],
                int((~shares).sum()),
                int(y[~shares].sum()),
            )
        )
    k = len(families)

    def nll(theta):
        """Negative log-likelihood and its gradient."""
        alpha, beta, bg = theta[:k], theta[k : 2 * k], expit(theta[-1])
        total = 0.5 * (beta**2).sum()
        grad = np.zeros_like(theta)
        grad[k : 2 * k] = beta
        for incidence, fam, size, y, n_alone, y_alone in data:
            a = np.clip(expit(alpha[fam] + beta[fam] * size), 1e-9, 1 - 1e-9)
            q = np.clip(1 - (1 - bg) * np.exp(incidence @ np.log1p(-a)), 1e-9, 1 - 1e-9)
            total -= (y * np.log(q) + ~y * np.log1p(-q)).sum()
            total -= y_alone * np.log(bg) + (n_alone - y_alone) * np.log1p(-bg)
            # d(log-likelihood)/d(sum of log(1 - a)) of a pair is 1 - y/q
            per_group = incidence.T @ (1 - y / q)
            np.add.at(grad, fam, per_group * a)
            np.add.at(grad, k + fam, per_group * a * size)
            grad[-1] -= ((y / q - ~y / (1 - q)) * (1 - q)).sum() * bg
            grad[-1] -= y_alone * (1 - bg) - (n_alone - y_alone) * bg
        return total, grad

    start = np.concatenate([np.full(k, -1.0), np.zeros(k), [logit(0.01)]])
    theta = minimize(nll, start, jac=True, method="L-BFGS-B").x
    rates = {
        f: (round(float(theta[i]), 3), round(float(theta[k + i]), 3))
        for i, f in enumerate(families)
    }
    background = round(float(expit(theta[-1])), 4)
    saved = dict(RATES), BACKGROUND, CALIBRATION
    try:
        _set(rates, background, (0.0, 1.0))
        xs, ys = [], []
        for people, ego, truth in egos:
            _, p, y, _ = _dense(people, ego, by, truth)
            xs.append(logit(np.clip(p, _EPS, 1 - _EPS)))
            ys.append(y)
        x, y = np.concatenate(xs), np.concatenate(ys)

        def nll_cal(c):
            q = np.clip(expit(c[0] + c[1] * x), 1e-9, 1 - 1e-9)
            return -(y * np.log(q) + ~y * np.log1p(-q)).sum()

        calibration = tuple(round(float(v), 2) for v in minimize(nll_cal, [0.0, 1.0]).x)
    finally:
        _set(*saved)
    return {"rates": rates, "background": background, "calibration": calibration}


def _set(rates, background, calibration) -> None:
    global BACKGROUND, CALIBRATION
    RATES.clear()
    RATES.update(rates)
    BACKGROUND, CALIBRATION = background, calibration


class fitted:  # noqa: N801 - used as a context manager: ``with fitted(coefficients): ...``
    """Use other coefficients (from :func:`fit`) inside a ``with`` block."""

    def __init__(self, coefficients: dict) -> None:
        self.coefficients = coefficients

    def __enter__(self):
        self.saved = dict(RATES), BACKGROUND, CALIBRATION
        c = self.coefficients
        _set(c["rates"], c["background"], c["calibration"])
        return self

    def __exit__(self, *exc) -> None:
        _set(*self.saved)
