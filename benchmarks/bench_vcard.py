"""Time read_vcard_people on large address books with quoted-printable soft line breaks.

A vCard 2.1 export writes long values as quoted-printable lines of 76 characters, each ending
in a soft line break ("="). The reader used to rejoin the value on every such line, so its
time grew with the square of a value's length: 1.4 MB took 4 s and 5.8 MB 75 to 120 s. It must
be linear: a 50 MB book in well under a minute.

Each size is measured in two shapes: one card holding a single huge note (the worst case for
the rejoining) and a book of many ordinary cards with quoted-printable notes. The peer is the
floor any reader pays: the standard library decoding the same bytes (``quopri`` on the whole
text, then ``str.splitlines``); the ratio is netgraph's time over that floor.

    python benchmarks/bench_vcard.py            # 1.4, 5.8 and 50 MB
    python benchmarks/bench_vcard.py --quick    # 0.2 MB only (the test suite runs this)
"""

from __future__ import annotations

import argparse
import io
import quopri
import time
import warnings

from netgraph.io.vcard import read_vcard_people


def _qp_lines(text: str) -> str:
    """``text`` as quoted-printable lines of at most 76 characters with soft line breaks."""
    encoded = quopri.encodestring(text.encode("utf-8")).decode("ascii")
    return encoded.replace("\n", "\r\n")


def one_card(size: int) -> str:
    chunk = "Met at the Leeds fintech meetup; knows everyone in payments. Café, naïve. " * 20
    note = (chunk * (size // len(chunk) + 1))[:size]
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jane Doe\r\nEMAIL;INTERNET:jane@example.org\r\n"
        f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{_qp_lines(note)}\r\nEND:VCARD\r\n"
    )


def many_cards(size: int) -> str:
    note = _qp_lines("Met at the Leeds fintech meetup; asked about payments in Café Zürich. " * 6)
    cards, total, i = [], 0, 0
    while total < size:
        card = (
            f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe{i};Jane;;;\r\nFN:Jane Doe {i}\r\n"
            f"EMAIL;INTERNET:jane{i}@example.org\r\nORG:Acme\\, Inc.;R&D\r\n"
            f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{note}\r\nEND:VCARD\r\n"
        )
        cards.append(card)
        total += len(card)
        i += 1
    return "".join(cards)


def _time(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def _floor(text: str) -> None:
    quopri.decodestring(text.encode("utf-8")).decode("utf-8", "replace").splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="0.2 MB only")
    args = parser.parse_args()
    sizes = [0.2] if args.quick else [1.4, 5.8, 50.0]
    print(f"{'shape':<12}{'MB':>6}{'netgraph s':>12}{'floor s':>10}{'ratio':>8}")
    for megabytes in sizes:
        for shape, make in (("one card", one_card), ("many cards", many_cards)):
            text = make(int(megabytes * 1_000_000))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ours = _time(read_vcard_people, io.StringIO(text))
            floor = _time(_floor, text)
            size = len(text.encode("utf-8")) / 1e6
            print(f"{shape:<12}{size:>6.1f}{ours:>12.2f}{floor:>10.2f}{ours / floor:>8.1f}")


if __name__ == "__main__":
    main()
