"""Small networks shared by several test modules."""

from __future__ import annotations

import pandas as pd

from netgraph import Network


def linkedin_star():
    """A LinkedIn-like star: the ego tied to everyone, companies and circles, nothing between."""
    companies = ["Acme"] * 6 + ["Initech"] * 5 + ["Globex"] * 4
    people = pd.DataFrame(
        {
            "id": ["me"] + [f"p{i}" for i in range(15)],
            "name": ["Me"] + [f"Person {i}" for i in range(15)],
            "company": [""] + companies,
            "circles": [""] + ["climbing"] * 3 + [""] * 12,
        }
    )
    star = pd.DataFrame({"source": "me", "target": people["id"][1:]})
    return Network(people, star, ego="me")
