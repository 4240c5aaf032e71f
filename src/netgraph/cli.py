"""The ``netgraph`` command: ``demo``, ``report``, ``reconnect`` and ``introductions``.

Every command reads the user's files locally and writes locally; nothing leaves the machine.
Errors print one line to stderr and exit with status 2 (bad input) or 1 (anything else).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import sys
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = ["main"]

_EPILOG = """examples:
  netgraph demo --out demo-output
  netgraph report people.csv --ties ties.csv --interactions meetings.csv --ego me --out report
  netgraph report --linkedin Connections.csv --vcard contacts.vcf --out report
  netgraph report --linkedin linkedin-export.zip --contacts contacts.csv \
      --ics calendar.ics --mbox mail.mbox --me you@work.com --me you@home.org --out report
  netgraph reconnect --linkedin Connections.csv --interactions meetings.csv --k 3
  netgraph introductions people.csv --ties ties.csv --ego me --json
  netgraph brief "Catherine Blake" --sample
  netgraph goal --role CTO --company "Kestrel Insurance" --sample
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    if getattr(args, "sample", False):
        given = [name for name, value in _inputs(args) if value is not None]
        if given:  # --sample replaces the inputs: refuse rather than ignore them
            args.subparser.error(f"--sample cannot be combined with {', '.join(given)}")
    from netgraph.errors import InputError, NetgraphError, UnknownPersonError

    try:
        # Every command's output goes through _Terminal: no user text can act on the terminal.
        with warnings.catch_warnings(), contextlib.redirect_stdout(_Terminal(sys.stdout)):
            warnings.showwarning = _warning  # one clean line, not Python's source line
            return args.run(args)
    except (InputError, UnknownPersonError) as err:  # bad input: the user can fix it
        _error(err)
        return 2
    except (NetgraphError, OSError) as err:
        _error(err)
        return 1


def _error(err: Exception) -> None:
    """Print an error as one line on stderr."""
    print(f"netgraph: error: {_one_line(str(err))}", file=sys.stderr)


def _warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Print a warning as one line on stderr: ``netgraph: warning: ...`` (no source line)."""
    print(f"netgraph: warning: {_one_line(str(message))}", file=file or sys.stderr)


#: Characters that would act on the terminal instead of showing: C0 and C1 controls (ESC
#: starts the sequences that retitle or clear it), DEL, and the bidirectional overrides and
#: isolates that reorder what follows (Trojan Source), line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(text: object) -> str:
    r"""User text as it may be printed to a terminal: control characters written as escapes.

    >>> print(_shown("Eve\x1b]0;PWNED\x07\x1b[2J"))
    Eve\x1b]0;PWNED\x07\x1b[2J
    """
    return _CONTROL.sub(_escaped, str(text))


class _Terminal:
    """Standard output for the commands: control characters printed are shown escaped.

    Line feeds and tabs pass; ESC (which starts the sequences that retitle or clear a
    terminal), carriage returns, bidirectional overrides and the other controls of
    :data:`_CONTROL` are written as ``\\x1b``, ``\\r``, ``\\u202e``. JSON output keeps its
    own escapes.
    """

    _PRINTED = re.compile(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
    )

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(self._PRINTED.sub(_escaped, text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _escaped(match: re.Match) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def _one_line(text: str) -> str:
    """A message as one line: its lines joined by spaces, control characters escaped."""
    return _shown(" ".join(part.strip() for part in str(text).splitlines() if part.strip()))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netgraph",
        description="Understand and act on your network of relationships.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from netgraph import __version__

    parser.add_argument("--version", action="version", version=f"netgraph {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="analyse the bundled sample network and write its report",
        description="Analyse the bundled sample network, print a summary and write its report."
        + _WRITES,
    )
    demo.add_argument(
        "--out", default="demo-output", help="folder to write to (default: %(default)s)"
    )
    demo.set_defaults(run=_demo, subparser=demo)

    report = commands.add_parser(
        "report",
        help="write one HTML report of your network",
        description="Analyse your network and write one HTML report." + _WRITES,
    )
    _add_inputs(report)
    report.add_argument(
        "--out", required=True, help="folder to write report.html, network.html and plots/ to"
    )
    report.add_argument(
        "--goal",
        metavar="FIELD=VALUE",
        action="append",
        help="add a section on the way to a goal, e.g. --goal role=CTO --goal city=Berlin "
        "(fields: company, role, industry, city or a people column)",
    )
    report.add_argument(
        "--brief",
        metavar="PERSON",
        action="append",
        help="add a brief before meeting this person (id, e-mail or name; repeatable)",
    )
    report.add_argument(
        "--anonymize",
        metavar="COLUMNS",
        nargs="?",
        const="",
        help="rename everyone to pseudonyms before writing, for sharing; optionally keep these "
        "comma-separated people columns (e.g. --anonymize company,industry)",
    )
    report.set_defaults(run=_report, subparser=report)

    reconnect = commands.add_parser(
        "reconnect",
        help="print this week's ties to reconnect with",
        description="Print the ties of --ego that are overdue for contact.",
    )
    _add_inputs(reconnect)
    reconnect.add_argument("--k", type=int, default=3, help="how many (default: %(default)s)")
    reconnect.add_argument(
        "--today",
        type=_date,
        help="the date to plan from, YYYY-MM-DD (default: latest data)",
    )
    reconnect.add_argument(
        "--json", action="store_true", help="print JSON records instead of a table"
    )
    reconnect.set_defaults(run=_reconnect, subparser=reconnect)

    intros = commands.add_parser(
        "introductions",
        help="print introductions to ask for",
        description="Print the people --ego could meet through a mutual contact.",
    )
    _add_inputs(intros)
    intros.add_argument("--k", type=int, default=10, help="how many (default: %(default)s)")
    intros.add_argument("--json", action="store_true", help="print JSON records instead of a table")
    intros.set_defaults(run=_introductions, subparser=intros)
    _add_issue13_commands(commands)
    _add_store_commands(commands)
    _add_ask_command(commands)
    return parser


_WRITES = (
    " It writes into the --out folder: report.html (the report: verdict, introductions,"
    " reconnections, balance, brokers, weak ties and plots), network.html (the interactive"
    " view, also embedded in the report) and plots/ (each figure as a PNG)."
)


def _date(text: str) -> pd.Timestamp:
    """Parse --today, so that a bad date is a usage error."""
    try:
        value = pd.Timestamp(text)
    except (ValueError, TypeError):
        value = pd.NaT
    if pd.isna(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD")
    return value


def _file(text: str) -> str:
    """Check an input file exists, so that a typo is a usage error."""
    if not Path(text).is_file():
        raise argparse.ArgumentTypeError(f"no such file: {text!r}")
    return text


def _file_or_folder(text: str) -> str:
    """Check a people file, or a folder written by to_csv, exists."""
    if not Path(text).exists():
        raise argparse.ArgumentTypeError(f"no such file or folder: {text!r}")
    return text


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "people",
        nargs="?",
        type=_file_or_folder,
        help="people CSV (an id column plus attributes), or a folder written by to_csv",
    )
    parser.add_argument(
        "--ties", type=_file, help="ties CSV: source, target, optional kind, since, closeness"
    )
    parser.add_argument(
        "--interactions",
        type=_file,
        help="interactions CSV: source, target, date, optional channel, kind",
    )
    parser.add_argument(
        "--linkedin",
        type=_file_or_folder,
        help="LinkedIn's archive (the zip or its folder) or its Connections.csv",
    )
    parser.add_argument("--vcard", type=_file, help="address book .vcf export")
    parser.add_argument(
        "--contacts",
        type=_file,
        help="address book: a .vcf, or a Google Contacts or Outlook CSV export",
    )
    parser.add_argument("--ics", type=_file, help="calendar export (.ics): needs --me")
    parser.add_argument("--mbox", type=_file, help="mailbox (.mbox; headers only): needs --me")
    parser.add_argument(
        "--me",
        action="append",
        metavar="ADDRESS",
        help="your e-mail address for --ics and --mbox (repeat for several)",
    )
    parser.add_argument("--ego", help="your own id (default: 'me' with --linkedin or --vcard)")
    parser.add_argument(
        "--answers",
        metavar="FILE",
        help="your answers about who knows whom (a CSV from 'netgraph ask' or a spreadsheet)",
    )
    parser.add_argument(
        "--infer",
        action="store_true",
        help="infer ties between contacts who share circles, company, school, city or hometown",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="use the bundled sample network (instead of any file or --ego)",
    )


def _inputs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """The input options as (option, value) pairs."""
    names = ["people", "--ties", "--interactions", "--linkedin", "--vcard", "--contacts"]
    names += ["--ics", "--mbox", "--me", "--ego"]
    return [(name, getattr(args, name.lstrip("-"))) for name in names]


def _load(args: argparse.Namespace):
    """The network the arguments describe: files merged into one, or the sample, with the
    answers about who knows whom and the inferred ties when asked for."""
    net = _load_files(args)
    answers = getattr(args, "answers", None)
    if answers and Path(answers).exists() and Path(answers).stat().st_size:
        net = net.confirm_ties(answers)  # issue 11: yes = stated tie, no = known non-tie
    if getattr(args, "infer", False):
        net = net.infer_ties()
    return net


def _load_files(args: argparse.Namespace):
    """The network of the input files merged into one, or the sample."""
    import netgraph

    if args.sample:
        return netgraph.sample()
    parts = []
    ego = args.ego
    if args.people or args.ties or args.interactions:
        parts.append(netgraph.read_csv(args.people, args.ties, args.interactions, me=ego))
    if args.linkedin:
        parts.append(netgraph.read_linkedin(args.linkedin, me=ego or "me"))
    if args.vcard:
        parts.append(netgraph.read_vcard(args.vcard, me=ego or "me"))
    if args.contacts:
        parts.append(netgraph.read_contacts(args.contacts, me=ego or "me"))
    for option, reader in (("ics", netgraph.read_ics), ("mbox", netgraph.read_mbox)):
        if getattr(args, option):
            if not args.me:
                raise netgraph.InputError(
                    f"--{option} needs your e-mail address",
                    file=getattr(args, option),
                    fix=f"Add --me you@example.com (repeat --me for each of your addresses) "
                    f"so netgraph finds you in the {'calendar' if option == 'ics' else 'mail'}.",
                )
            parts.append(reader(getattr(args, option), me=args.me))
    if not parts:
        raise netgraph.InputError(
            "no input given",
            fix="Pass a people CSV, --ties, --interactions, --linkedin, --vcard, --contacts, "
            "--ics or --mbox (or --sample).",
        )
    net = parts[0]
    for other in parts[1:]:
        net = net.merge(other)
    return net


def _demo(args: argparse.Namespace) -> int:
    import netgraph
    from netgraph.report import write_report

    files = netgraph.datasets.sample_files()
    print("Reading Alex Morgan's files: " + ", ".join(str(p.name) for p in files.values()))
    net = netgraph.datasets.sample_from_files().infer_ties()  # + who probably knows whom
    path = write_report(net, args.out, title="netgraph demo: Alex Morgan's network")
    print(_summary(net))
    print(f"\nReport:        {path}")
    print(f"Interactive view: {Path(args.out) / 'network.html'}")
    print(f"Plots:         {Path(args.out) / 'plots'}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from netgraph.report import write_report

    net = _load(args)
    if args.anonymize is not None:
        net = net.anonymize(keep=[c.strip() for c in args.anonymize.split(",") if c.strip()])
    goal = dict(_criterion(text) for text in args.goal or ())
    path = write_report(net, args.out, goal=goal or None, briefs=args.brief or ())
    print(f"Report written to {_shown(path)}")
    return 0


def _criterion(text: str) -> tuple[str, str]:
    """``FIELD=VALUE`` from ``--goal`` as a pair; anything else is a usage error."""
    field, sep, value = text.partition("=")
    if not sep or not field.strip() or not value.strip():
        from netgraph.errors import InputError

        raise InputError(
            f"--goal {text!r} is not FIELD=VALUE", fix="Write it as, e.g., --goal role=CTO."
        )
    return field.strip(), value.strip()


def _reconnect(args: argparse.Namespace) -> int:
    net = _need_ego(_load(args), "reconnect")
    table = net.reconnect(k=args.k, today=args.today)
    columns = ["person", "last_contact", "overdue_days", "reason"]
    _print_table(table, columns, args.json, names=_names(net))
    return 0


def _introductions(args: argparse.Namespace) -> int:
    net = _need_ego(_load(args), "introductions")
    table = net.introductions(k=args.k)
    _print_table(table, ["person", "via", "score", "reason"], args.json, names=_names(net))
    return 0


def _names(net) -> dict:
    """Person id -> display name (the ``name`` column where it is filled in)."""
    if "name" not in net.people.columns:
        return {}
    names = net.people["name"]
    return {k: v for k, v in names.items() if isinstance(v, str) and v.strip()}


def _need_ego(net, command: str):
    """The network, checked to have an ego: these commands are about one person."""
    import netgraph

    if net.ego is None:
        raise netgraph.InputError(
            f"'netgraph {command}' needs to know whose network this is, and no ego was given",
            fix="Pass --ego ID with your own id (as in the people or ties file).",
        )
    return net


def _print_table(
    table: pd.DataFrame, columns: list[str], as_json: bool, *, names: dict | None = None
) -> None:
    """Print recommendations: JSON records, or one wrapped block per row for a person to read.

    Each row is a numbered line with the first column (a person, by name) and the other short
    columns, then its ``reason`` wrapped to the terminal's width; people are shown by name, and
    control characters in any text are escaped.
    """
    if as_json:
        print(json.dumps(json.loads(table.to_json(orient="records", date_format="iso")), indent=2))
        return
    if table.empty:
        print("Nothing to recommend.")
        return
    width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 120) - 1)
    names = names or {}
    shown = [c for c in columns if c in table.columns]
    blocks = []
    for number, row in enumerate(table[shown].to_dict(orient="records"), start=1):
        head, *details = [c for c in shown if c != "reason"]
        facts = [_cell(row[c], c, names) for c in details]
        title = f"{number}. {_cell(row[head], head, names)}"
        if any(facts):
            title += ": " + ", ".join(f for f in facts if f)
        lines = textwrap.wrap(title, width, subsequent_indent="   ", break_on_hyphens=False)
        if "reason" in row and isinstance(row["reason"], str):
            lines += textwrap.wrap(
                _shown(row["reason"]),
                width,
                initial_indent="   ",
                subsequent_indent="   ",
                break_on_hyphens=False,
            )
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))


#: How a column reads in a printed row: (words before, words after) its value.
_CELL = {
    "person": ("", ""),
    "via": ("through ", ""),
    "last_contact": ("last contact ", ""),
    "overdue_days": ("", " days overdue"),
    "score": ("score ", ""),
    "a": ("", ""),
    "b": ("and ", ""),
}


def _cell(value, column: str, names: dict) -> str:
    """One value of a printed row, as a person reads it (a name, a date, a short number)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if column in ("person", "via", "a", "b"):
        text = str(names.get(value, value))
    elif isinstance(value, pd.Timestamp):
        text = value.strftime("%Y-%m-%d")
    elif isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() else f"{value:.3g}"
    else:
        text = str(value)
    before, after = _CELL.get(column, (f"{column.replace('_', ' ')} ", ""))
    return _shown(f"{before}{text}{after}")


def _summary(net) -> str:
    """A short text summary: size, the verdict and the first actions."""
    lines = [_shown(repr(net))]
    verdict = net.closure()
    lines.append(_shown(verdict["reasons"].iloc[0]))
    intros = net.introductions(k=3)
    if len(intros):
        lines.append("\nIntroductions to ask for:")
        lines += [f"  - {_shown(r)}" for r in intros["reason"]]
    again = net.reconnect(k=3)
    if len(again):
        lines.append("\nReconnect this week:")
        lines += [f"  - {_shown(r)}" for r in again["reason"]]
    return "\n".join(lines)


# -- before a meeting and toward a goal (issue 13) ------------------------------------------


def _add_issue13_commands(commands) -> None:
    brief = commands.add_parser(
        "brief",
        help="print what to know before meeting someone",
        description="Print the brief on a person: who they are, your history, common ground, "
        "what you can offer and three people to ask them for.",
    )
    brief.add_argument("person", metavar="NAME", help="the person's id, name or e-mail")
    _add_inputs(brief)
    _add_store_input(brief)
    brief.add_argument("--json", action="store_true", help="print the parts as JSON tables")
    brief.set_defaults(run=_brief, subparser=brief)

    goal = commands.add_parser(
        "goal",
        help="print who you know toward a goal, warm paths and who is missing",
        description="Print your network toward a goal: who you know there, warm paths ranked "
        "by trust and by how much the new tie opens your network, who you still need to know.",
    )
    for option in ("company", "role", "industry", "city"):
        goal.add_argument(f"--{option}", help=f"the {option} to reach (whole words)")
    goal.add_argument("--k", type=int, default=5, help="how many paths (default: %(default)s)")
    _add_inputs(goal)
    _add_store_input(goal)
    goal.add_argument("--json", action="store_true", help="print the parts as JSON tables")
    goal.set_defaults(run=_goal, subparser=goal)

    thanks = commands.add_parser(
        "thanks",
        help="print favours you received and never thanked",
        description="Print the favours --ego received (gives, introductions made for you) "
        "with no thanks logged since.",
    )
    _add_inputs(thanks)
    _add_store_input(thanks)
    thanks.add_argument("--json", action="store_true", help="print JSON records instead of a table")
    thanks.set_defaults(run=_thanks, subparser=thanks)

    roles = commands.add_parser(
        "roles",
        help="print your mentors, mentees, reverse mentors, champions and allies",
        description="Print who plays each role for --ego (tie kinds or tags) and, for the "
        "roles nobody plays, who could.",
    )
    roles.add_argument("--company", help="your target company: the champion should be there")
    _add_inputs(roles)
    _add_store_input(roles)
    roles.add_argument("--json", action="store_true", help="print the parts as JSON tables")
    roles.set_defaults(run=_roles, subparser=roles)

    groups = commands.add_parser(
        "groups",
        help="print which groups bring you new people, and groups worth joining",
        description="Print the groups (from the people columns groups and circles, the columns "
        "you name, and an affiliations CSV) that bring --ego new people or repeat their "
        "circles, then the groups worth joining.",
    )
    groups.add_argument(
        "--columns", help="comma-separated people columns holding ;-separated groups"
    )
    groups.add_argument(
        "--affiliations", type=_file, help="affiliations CSV: person, group, kind, date"
    )
    groups.add_argument("--k", type=int, default=5, help="groups to join (default: %(default)s)")
    _add_inputs(groups)
    _add_store_input(groups)
    groups.add_argument("--json", action="store_true", help="print JSON records instead")
    groups.set_defaults(run=_groups, subparser=groups)


def _brief(args: argparse.Namespace) -> int:
    net = _meeting_network(args, "brief")
    result = net.brief(args.person)
    _print_result(result, args.json)
    return 0


def _goal(args: argparse.Namespace) -> int:
    net = _meeting_network(args, "goal")
    result = net.goal(
        company=args.company, role=args.role, industry=args.industry, city=args.city, k=args.k
    )
    _print_result(result, args.json)
    return 0


def _thanks(args: argparse.Namespace) -> int:
    net = _meeting_network(args, "thanks")
    _print_table(net.thanks_owed(), ["name", "date", "favour", "reason"], args.json)
    return 0


def _groups(args: argparse.Namespace) -> int:
    net = _meeting_network(args, "groups")
    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
    table = net.groups(columns, affiliations=args.affiliations)
    with warnings.catch_warnings():  # the same warning as for the table above
        warnings.simplefilter("ignore")
        join = net.groups_to_join(columns, k=args.k, affiliations=args.affiliations)
    if args.json:
        records = {
            "groups": json.loads(table.reset_index().to_json(orient="records")),
            "to_join": json.loads(join.to_json(orient="records")),
        }
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    print("Groups in your data (yours first):")
    _print_table(table.reset_index(), ["group", "members", "new_people", "verdict"], False)
    print("\nGroups to join:")
    _print_table(join, ["group", "reason"], False)
    return 0


def _roles(args: argparse.Namespace) -> int:
    net = _meeting_network(args, "roles")
    _print_result(net.roles(company=args.company), args.json)
    return 0


def _add_store_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="read your store (default when no file is given: the store of 'netgraph import', "
        "if there is one)",
    )


def _meeting_network(args: argparse.Namespace, command: str):
    """The network of --store, of the files given, or of the default store when none is."""
    import netgraph
    from netgraph.store import default_path

    given = [name for name, value in _inputs(args) if value is not None and name != "--ego"]
    if args.store is not None and (given or args.sample):
        raise netgraph.InputError(
            f"--store cannot be combined with {', '.join(given) or '--sample'}",
            fix="Read either your store or files.",
        )
    path = Path(args.store) if args.store is not None else default_path()
    if args.store is None and (given or args.sample or not path.exists()):
        return _need_ego(_load(args), command)
    with netgraph.open(path) as store:
        net = store.network
    return _need_ego(net, command)


def _print_result(result, as_json: bool) -> None:
    """A sectioned result (brief, goal, roles) as Markdown, or its tables as JSON."""
    if not as_json:
        print(result.to_markdown(), end="")
        return
    parts = {
        name: json.loads(table.to_json(orient="records", date_format="iso"))
        for name, table in result.parts.items()
    }
    print(json.dumps(parts, indent=2, ensure_ascii=False))


# -- the store and the Friday review (issue 12) ---------------------------------------------


def _add_store_commands(commands) -> None:
    def store_option(parser):
        parser.add_argument(
            "--store",
            metavar="PATH",
            help="the store file (default: $NETGRAPH_HOME/store.sqlite, else the user data folder)",
        )

    imports = commands.add_parser(
        "import",
        help="add files to your store (again and again: nothing is duplicated)",
        description="Add exports to the store: LinkedIn Connections.csv, .vcf address books, "
        "a people CSV or a folder written by to_csv, .json or .graphml. New people, ties and "
        "interactions are added, changed details updated with their history kept.",
    )
    imports.add_argument("files", nargs="+", type=_file_or_folder, metavar="FILE")
    imports.add_argument("--me", help="your own id in these files (default: the store's, or 'me')")
    store_option(imports)
    imports.set_defaults(run=_import, subparser=imports)

    log = commands.add_parser(
        "log",
        help="record that you wrote to, met, helped, asked or thanked someone",
        description="Record one interaction with a person (by id, e-mail or name).",
    )
    log.add_argument("person", metavar="NAME")
    log.add_argument(
        "--kind",
        default="message",
        choices=("message", "meeting", "give", "ask", "thanks", "reply"),
    )
    log.add_argument("--note", help="what it was about")
    log.add_argument("--date", type=_date, help="when, YYYY-MM-DD (default: now)")
    log.add_argument(
        "--by-them",
        action="store_true",
        help="they did it (a favour, an ask or a message from them)",
    )
    store_option(log)
    log.set_defaults(run=_log, subparser=log)

    week = commands.add_parser(
        "week",
        help="the Friday review: who to write to this week, why, and a draft",
        description="Print this week's people to write to, why, what to do and a draft "
        "message offering times next week.",
    )
    week.add_argument("--k", type=int, default=3, help="how many (default: %(default)s)")
    week.add_argument("--today", type=_date, help="the date of the review (default: today)")
    week.add_argument("--json", action="store_true", help="print JSON records")
    week.add_argument("--ics", metavar="FILE", help="write the proposed times to this .ics file")
    store_option(week)
    week.set_defaults(run=_week, subparser=week)

    tag = commands.add_parser(
        "tag",
        help="put someone on a list (stay in touch, want to know, worked with)",
        description="Put a person on a list, or take them off it with --remove.",
    )
    tag.add_argument("person", metavar="NAME")
    tag.add_argument("list", metavar="LIST", help="e.g. 'want to know'")
    tag.add_argument("--remove", action="store_true", help="take them off the list")
    store_option(tag)
    tag.set_defaults(run=_tag, subparser=tag)

    for name, what in (
        ("snooze", "leave someone out of the review for some weeks"),
        ("skip", "leave someone out of this week's review"),
    ):
        parser = commands.add_parser(name, help=what, description=what[0].upper() + what[1:] + ".")
        parser.add_argument("person", metavar="NAME")
        if name == "snooze":
            parser.add_argument("--weeks", type=float, default=4, help="default: %(default)s")
        store_option(parser)
        parser.set_defaults(run=_decide, subparser=parser)

    lists = commands.add_parser(
        "lists", help="print your lists", description="Print who is on which list."
    )
    lists.add_argument("--json", action="store_true", help="print JSON records")
    store_option(lists)
    lists.set_defaults(run=_lists, subparser=lists)

    history = commands.add_parser(
        "history",
        help="what was suggested and what became of it",
        description="Print each suggestion of the weekly review and what became of it.",
    )
    history.add_argument("--json", action="store_true", help="print JSON records")
    store_option(history)
    history.set_defaults(run=_history, subparser=history)


def _open_store(args: argparse.Namespace):
    import netgraph

    return netgraph.open(args.store)


def _read_any(path: str, me: str):
    """A network from one export, by its kind."""
    import netgraph

    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        return netgraph.read_csv(p, me=me)
    if suffix in (".vcf", ".vcard"):
        return netgraph.read_vcard(p, me=me)
    if suffix == ".json":
        return netgraph.read_json(p, me=me)
    if suffix == ".graphml":
        return netgraph.read_graphml(p, me=me)
    with p.open(encoding="utf-8-sig", errors="replace") as f:
        head = "".join(f.readline() for _ in range(6)).lower()
    if "first name" in head and "last name" in head:
        return netgraph.read_linkedin(p, me=me)
    return netgraph.read_csv(p, me=None)


def _import(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        me = args.me or store.ego or "me"
        for path in args.files:
            counts = store.add(_read_any(path, me), origin=Path(path).name)
            print(
                f"{_shown(path)}: {counts['people_added']} people added, "
                f"{counts['fields_changed']} details changed, {counts['ties_added']} ties and "
                f"{counts['interactions_added']} interactions added"
            )
        print(_shown(repr(store)))
    return 0


def _log(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        pid = store.log(
            args.person,
            kind=args.kind,
            note=args.note,
            date=args.date,
            by="them" if args.by_them else "me",
        )
        name = store.people.set_index("id").get("name", pd.Series(dtype=object)).get(pid)
        print(f"Logged {args.kind} with {_shown(name if isinstance(name, str) else pid)}.")
    return 0


def _week(args: argparse.Namespace) -> int:
    from netgraph._files import atomic_write
    from netgraph.recommend.week import to_ics

    with _open_store(args) as store:
        review = store.week(k=args.k, today=args.today)
    if args.ics:
        atomic_write(args.ics, to_ics(review), private=True)
    if args.json:
        _print_table(review.drop(columns=["score"]), [], True)
    elif review.empty:
        print("Nothing to suggest this week: everyone is written to, snoozed or up to date.")
    else:
        width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 120) - 1)
        blocks = []
        for number, r in enumerate(review.itertuples(), start=1):
            lines = textwrap.wrap(
                f"{number}. {_shown(r.name)}: {r.action}", width, subsequent_indent="   "
            )
            for label, text in (("Why", r.why), ("Draft", r.message)):
                lines += textwrap.wrap(
                    f"{label}: {_shown(text)}",
                    width,
                    initial_indent="   ",
                    subsequent_indent="   ",
                    break_on_hyphens=False,
                )
            blocks.append("\n".join(lines))
        print("\n\n".join(blocks))
    if args.ics:
        print(f"\nProposed times written to {_shown(args.ics)}", file=sys.stderr)
    return 0


def _tag(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        if args.remove:
            store.untag(args.person, args.list)
        else:
            store.tag(args.person, args.list)
        _print_lists(store.lists(), False)
    return 0


def _decide(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        if args.command == "snooze":
            pid = store.snooze(args.person, weeks=args.weeks)
            print(f"{_shown(pid)} is out of the review for {args.weeks:g} weeks.")
        else:
            pid = store.skip(args.person)
            print(f"{_shown(pid)} is out of this week's review.")
    return 0


def _lists(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        _print_lists(store.lists(), args.json)
    return 0


def _print_lists(lists: pd.DataFrame, as_json: bool) -> None:
    names = {
        p: n for p, n in zip(lists["person"], lists["name"], strict=True) if isinstance(n, str)
    }
    _print_table(lists, ["person", "list", "added"], as_json, names=names)


def _history(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        history = store.history()
    if args.json:
        _print_table(history, [], True)
        return 0
    print(history.attrs["summary"] + ".")
    if len(history):
        names = dict(zip(history["person"], history["name"], strict=True))
        _print_table(
            history,
            ["person", "week", "action", "written", "replied", "decision"],
            False,
            names=names,
        )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# -- netgraph ask (issue 11: who knows whom; owned by the `infer` helper) ------------------------


def _add_ask_command(commands) -> None:
    ask = commands.add_parser(
        "ask",
        help="answer, one at a time, whether two of your contacts know each other",
        description="Ask whether pairs of your contacts know each other, the pairs whose "
        "answer would change the analysis most first (net.who_knows_whom). Answer y, n or s "
        "(skip); q quits. Each answer is saved to the --answers CSV at once, so the next run "
        "goes on where this one stopped; pass the same file to a later run (or to "
        "net.confirm_ties) to use the answers.",
    )
    _add_inputs(ask)
    ask.add_argument("--k", type=int, default=20, help="how many questions (default: %(default)s)")
    ask.add_argument(
        "--by",
        help="comma-separated people columns to infer from (default: circles, groups, company, "
        "school, city, hometown)",
    )
    ask.add_argument(
        "--csv",
        metavar="FILE",
        help="write the questions to this CSV for a spreadsheet (fill in knows) instead of "
        "asking here",
    )
    ask.set_defaults(run=_ask, subparser=ask)


def _ask(args: argparse.Namespace) -> int:
    from netgraph.io.answers import ANSWER_COLUMNS, parse_knows, write_questions
    from netgraph.io.tables import read_table

    if not args.answers:
        args.subparser.error("--answers FILE is needed: the answers are saved to it as they come")
    net = _need_ego(_load(args), "ask")  # confirms the answers saved so far
    saved = pd.DataFrame(columns=list(ANSWER_COLUMNS))
    path = Path(args.answers)
    if path.exists() and path.stat().st_size:
        saved = read_table(path).reset_index(drop=True)
    by = [c.strip() for c in args.by.split(",") if c.strip()] if args.by else None
    before = net.infer_ties(by)
    questions = before.who_knows_whom(k=args.k)
    if args.csv:
        write_questions(questions, args.csv)
        print(f"{len(questions)} questions written to {_shown(args.csv)}: fill in knows (y or n)")
        return 0
    if questions.empty:
        print("No question to ask.")
        return 0
    size = before.structural_holes().loc[net.ego, "effective_size"]
    print(
        f"{len(saved)} answered so far. {len(questions)} questions; answer y (they know each "
        "other), n (they do not), s (skip) or q (quit). Answers are saved as they come."
    )
    answered = 0
    for number, row in enumerate(questions.itertuples(index=False), 1):
        prompt = (
            f"[{number}/{len(questions)}] Do {_shown(row.a_name)} and {_shown(row.b_name)} know "
            f"each other? ({_shown(row.reason)}) [y/n/s/q] "
        )
        while True:
            print(prompt, end="", flush=True)
            line = sys.stdin.readline()
            if not sys.stdin.isatty():
                print(line.strip())  # echo piped answers so the transcript reads
            if not line:  # end of input: stop, what was answered is saved
                line = "q"
            text = line.strip().casefold()
            if text in ("q", "quit"):
                knows, stop = None, True
                break
            try:
                knows, stop = parse_knows(text), False
                break
            except ValueError:
                print("Please answer y, n, s (skip) or q (quit).")
        if stop:
            break
        if knows is None:
            continue
        record = {**row._asdict(), "knows": "y" if knows else "n"}
        saved = pd.concat([saved, pd.DataFrame([record])], ignore_index=True)
        write_questions(saved, path)
        answered += 1
    if answered:
        after = net.confirm_ties(path).infer_ties(by)
        new = after.structural_holes().loc[net.ego, "effective_size"]
        print(
            f"{answered} answer{'s' if answered != 1 else ''} saved to {_shown(path)} "
            f"({len(saved)} in all). Effective size of your network: {size:.1f} -> {new:.1f}."
        )
    else:
        print(f"No new answer; {len(saved)} saved in {_shown(path)}.")
    return 0
