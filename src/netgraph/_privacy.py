"""Free text in the columns netgraph reads, made safe to share (used by anonymize).

The ``kind`` and ``channel`` of ties and interactions are meant to hold a word from a small
vocabulary ("give", "meeting", "email", "colleague"), but a spreadsheet or a calendar export
puts anything there: "Lunch with Jane Doe", "jane.doe@acme.com", an event id holding a mail
address. :func:`scrub` keeps the values netgraph and people use as categories and replaces
every other value with a keyed pseudonym (``kind-3f9a1c2b``): distinct values stay distinct, so
analyses that group by kind are unchanged, but no name, address or URL survives.
"""

from __future__ import annotations

import hashlib
import hmac

import numpy as np
import pandas as pd

__all__ = ["FREE_TEXT_COLUMNS", "KNOWN_VALUES", "scrub"]

#: Tie and interaction columns that hold categories netgraph reads, and ids of events.
FREE_TEXT_COLUMNS = ("kind", "channel", "evidence", "event")

#: Values kept as they are (compared case-insensitively, spaces and ``_`` as ``-``).
KNOWN_VALUES = frozenset(
    {
        # interaction kinds netgraph reads (ledger, thanks, week, readers)
        "give", "ask", "meeting", "message", "email", "e-mail", "call", "thanks", "thank",
        "thank-you", "thankyou", "reply", "introduction", "intro", "referral", "favour",
        "favor", "help", "advice", "mentoring", "co-attendance", "co-recipient", "note",
        "lunch", "coffee", "dinner", "drinks", "chat", "visit", "event", "conference",
        # channels
        "phone", "video", "zoom", "teams", "meet", "skype", "slack", "whatsapp", "signal",
        "telegram", "sms", "text", "imessage", "linkedin", "in-person", "letter", "post",
        "calendar", "mail", "mbox", "ics", "vcard", "csv",
        # tie kinds
        "friend", "family", "colleague", "former-colleague", "coworker", "co-worker",
        "classmate", "alumni", "alumnus", "mentor", "mentee", "manager", "report", "client",
        "customer", "supplier", "investor", "partner", "neighbour", "neighbor",
        "acquaintance", "contact", "connection", "meetup", "former-classmate", "strong",
        "weak", "intermediate", "dormant",
        "work", "personal", "school", "university", "other", "unknown",
        # evidence
        "stated", "observed", "inferred",
    }
)  # fmt: skip


def _normal(value: str) -> str:
    return "-".join(value.strip().casefold().replace("_", " ").split())


def scrub(values: pd.Series, *, secret: bytes, prefix: str, keep_known: bool = True) -> pd.Series:
    """Keep known category words, replace any other text with a keyed pseudonym.

    Parameters
    ----------
    values : pandas.Series
        A column of ties or interactions.
    secret : bytes
        The HMAC key of the anonymisation, so pseudonyms are the same across tables.
    prefix : str
        Start of each pseudonym, the column's name (``"kind-3f9a1c2b"``).
    keep_known : bool, default True
        False: pseudonymise every value (for ids such as ``event``).

    A value of several ``;``-separated kinds is scrubbed part by part. Missing values stay
    missing; numbers and dates are returned unchanged.
    """
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return values

    def part(text: str) -> str:
        if keep_known and _normal(text) in KNOWN_VALUES:
            return text.strip()
        digest = hmac.new(secret, f"{prefix}\0{text}".encode(), hashlib.sha256).hexdigest()
        return f"{prefix}-{digest[:8]}"

    def one(value):
        if not isinstance(value, str):
            return value
        if not keep_known:  # an id: one pseudonym for the whole value
            return part(value)
        # "classmate;friend": each kind on its own, so the number of kinds stays the same
        return ";".join(part(p) if p.strip() else p for p in value.split(";"))

    codes, uniques = pd.factorize(values, use_na_sentinel=True)  # each distinct value once
    mapped = np.array([*(one(u) for u in uniques), None], dtype=object)  # -1: missing
    out = pd.Series(mapped[codes], index=values.index, dtype=object)
    return out.astype(values.dtype) if pd.api.types.is_string_dtype(values) else out
