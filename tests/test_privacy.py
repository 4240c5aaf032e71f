"""Contact data never leaves the machine, and anonymized networks reveal no one.

The whole workflow (import, the sample, every analysis and recommendation, the plots, the
HTML view, the report and ``netgraph demo``) runs in a fresh interpreter whose every network
call is recorded and refused, at two levels:

* in Python: an audit hook (:func:`sys.addaudithook`) sees each socket CPython creates,
  connects, binds or sends from, each name lookup and each URL request, whoever makes it,
  and raises; ``socket.socket.connect``/``connect_ex``, ``socket.create_connection`` and
  ``socket.getaddrinfo`` are also patched, and new processes and ``webbrowser.open`` are
  recorded;
* in the kernel, when ``strace`` can trace the interpreter: every socket system call of the
  process and its children, including from C libraries that bypass Python.

No socket of any family is allowed, AF_UNIX included: the workflow needs none, and a local
socket (a D-Bus or nscd connection, a proxy on localhost) can still carry data off the
machine, so any socket at all is worth a look.

The written pages are then read for anything a browser would fetch: ``src``, ``href``,
``srcset``, CSS ``url()`` and ``@import``, meta refresh, and literal URLs handed to
``fetch``/``XMLHttpRequest``-style calls in inline scripts, inside ``<iframe srcdoc>`` too.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netgraph
from netgraph import Network
from netgraph.view.html import _vis_js

# Runs first in the child interpreter, before netgraph or any library is imported.
GUARD = r"""
import json, os, socket, sys, webbrowser

EVENTS = []
BLOCKED = {
    "socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.getnameinfo", "socket.sethostname", "urllib.Request", "http.client.connect",
    "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect",
    "telnetlib.Telnet.open",
}
NOTED = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork"}


def _record(event, args):
    EVENTS.append([event, repr(args)[:300]])


def _hook(event, args):
    if event in BLOCKED:
        _record(event, args)
        raise OSError(f"network access refused by the privacy test: {event}")
    if event in NOTED:
        _record(event, args)


sys.addaudithook(_hook)


def _refuse(name):
    def refused(*args, **kwargs):
        _record(name, args)
        raise OSError(f"network access refused by the privacy test: {name}")
    return refused


socket.socket.connect = _refuse("socket.socket.connect")
socket.socket.connect_ex = _refuse("socket.socket.connect_ex")
socket.create_connection = _refuse("socket.create_connection")
socket.getaddrinfo = _refuse("socket.getaddrinfo")
for _name in ("open", "open_new", "open_new_tab"):
    setattr(webbrowser, _name, _refuse("webbrowser." + _name))
"""

WORKLOAD = r"""
import io, warnings
from pathlib import Path

out = Path(sys.argv[1])
snap = Path(sys.argv[2])
done = []
try:
    warnings.simplefilter("ignore")
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import netgraph
    from netgraph.cli import main
    from netgraph.report import write_report

    net = netgraph.sample()
    company = net.people["company"].dropna().iloc[0]
    someone = net.people.index[1]
    net.structural_holes()
    netgraph.local_constraint(net.graph)
    net.brokerage("company", normalize=True)
    net.affinity("company")
    net.weak_ties()
    net.communities()
    net.closure()
    net.closure(someone)
    net.introductions(k=10)
    net.introductions_to_make(k=10)
    Network = type(net)
    whole = Network.from_frames(net.people.reset_index(), net.stated_ties, net.interactions)
    whole.introductions_to_make(k=5)
    whole.closure()
    net.reconnect(k=3)
    net.ledger()
    net.paths_to(company=company)
    for draw in (net.plot.ego_map, net.plot.brokerage, net.plot.affinity_composition,
                 net.plot.strength_distribution, net.plot.interaction_timeline):
        fig, ax = plt.subplots()
        draw(ax=ax)
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    done.append("analyses")

    net.to_html(out / "view.html")
    (out / "notebook.html").write_text(net.show()._repr_html_(), encoding="utf-8")
    write_report(net, out / "report", progress=False)
    done.append("report")
    with open(os.devnull, "w") as null:
        stdout, sys.stdout = sys.stdout, null
        try:
            assert main(["demo", "--out", str(out / "demo")]) == 0
            assert main(["introductions", "--sample", "--k", "3", "--json"]) == 0
            assert main(["reconnect", "--sample", "--k", "3"]) == 0
        finally:
            sys.stdout = stdout
    done.append("cli")

    net.to_csv(out / "csv")
    netgraph.read_csv(out / "csv")
    net.to_json(out / "net.json")
    netgraph.read_json(out / "net.json")
    net.to_graphml(out / "net.graphml")
    netgraph.read_graphml(out / "net.graphml")
    net.anonymize().to_html(out / "anonymous.html")
    done.append("export")

    from netgraph.datasets import snap as snap_data
    if (snap / "email-Eu-core.txt").exists():
        snap_data.load_email_eu_core(snap, download=False)
    try:  # not on disk and download=False: must fail without trying the network
        snap_data.load_email_eu_core(out / "empty", download=False)
    except Exception as err:
        done.append("no-download:" + type(err).__name__)
    else:
        done.append("no-download:loaded")
finally:
    (out / "events.json").write_text(json.dumps({"events": EVENTS, "done": done}))
"""


def _strace() -> list[str] | None:
    """The strace command that traces socket calls here (None when it cannot)."""
    if shutil.which("strace") is None:
        return None
    for fast in (["--seccomp-bpf"], []):  # the seccomp filter stops only on traced calls
        command = ["strace", "-f", *fast, "-qq", "-e", "trace=%network"]
        probe = [*command, "-o", "/dev/null", sys.executable, "-c", ""]
        if subprocess.run(probe, capture_output=True, timeout=60).returncode == 0:
            return command
    return None


@pytest.fixture(scope="module")
def workflow(tmp_path_factory, shared_data_path):
    """Run the guarded workflow once; return its folder, recorded events and strace log."""
    out = tmp_path_factory.mktemp("privacy")
    (out / "empty").mkdir()
    script = out / "workflow.py"
    script.write_text(GUARD + textwrap.dedent(WORKLOAD), encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(out / "home"),
        "XDG_CACHE_HOME": str(out / "cache"),
        "NETGRAPH_DATA": str(out / "empty"),
        "MPLCONFIGDIR": str(out / "mpl"),
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": str(Path(netgraph.__file__).resolve().parents[1]),
        # a proxy that would be used if anything tried HTTP: it must never be reached
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
    }
    command = [sys.executable, str(script), str(out), str(shared_data_path / "snap")]
    log, strace = None, _strace()
    if strace is not None:
        log = out / "strace.log"
        command = [*strace, "-o", str(log), *command]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    result = json.loads((out / "events.json").read_text())
    assert run.returncode == 0, run.stderr[-3000:]
    return out, result, log


def test_the_guard_catches_and_refuses_a_request(tmp_path):
    """The control for the guard: an HTTP request and a bare socket are recorded, not made."""
    probe = """
import urllib.request, _socket
for attempt in (lambda: urllib.request.urlopen("http://192.0.2.1/", timeout=1),
                lambda: _socket.socket(_socket.AF_INET)):
    try:
        attempt()
    except OSError:
        pass
print(json.dumps(EVENTS))
"""
    script = tmp_path / "probe.py"
    script.write_text(GUARD + probe, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    events = [e for e, _ in json.loads(run.stdout)]
    assert events[0] == "urllib.Request" and "socket.__new__" in events, events


# matplotlib's font manager runs fc-list once to build its font cache (local, and traced
# by strace -f like everything else).
ALLOWED_PROGRAMS = {"fc-list"}
_PROCESS_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"}


def test_the_whole_workflow_runs_and_opens_no_socket(workflow):
    _, result, _ = workflow
    assert result["done"][:4] == ["analyses", "report", "cli", "export"], result
    network = [e for e in result["events"] if e[0] not in _PROCESS_EVENTS | {"os.fork"}]
    assert network == [], "network activity:\n" + "\n".join(f"{e}: {a}" for e, a in network)


def test_the_workflow_starts_no_program_but_matplotlibs_font_lookup(workflow):
    _, result, _ = workflow
    started = [a for e, a in result["events"] if e in _PROCESS_EVENTS]
    programs = {re.match(r"\('?([^',]*)", a).group(1).rsplit("/", 1)[-1] for a in started}
    assert programs <= ALLOWED_PROGRAMS, started


def test_a_missing_data_set_is_not_downloaded_when_download_is_false(workflow):
    _, result, _ = workflow
    outcome = [d for d in result["done"] if d.startswith("no-download:")]
    assert outcome and outcome[0] != "no-download:loaded", result["done"]


_SYSCALL = re.compile(r"^\d+\s+(\w+)\(")


def _syscalls(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if _SYSCALL.match(line)]


def test_no_socket_system_call_in_the_process_or_its_children(workflow):
    _, _, log = workflow
    if log is None:
        pytest.skip("strace is not installed or cannot trace here; the audit hook still ran")
    calls = _syscalls(log)
    assert calls == [], "socket system calls:\n" + "\n".join(calls[:20])


def test_strace_sees_a_socket_from_a_child_process(tmp_path):
    """The control for the test above: the same tracing does catch a socket."""
    strace = _strace()
    if strace is None:
        pytest.skip("strace is not installed or cannot trace here")
    log = tmp_path / "strace.log"
    child = "import socket; socket.socket(socket.AF_UNIX).close()"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    subprocess.run([*strace, "-o", str(log), sys.executable, "-c", parent], check=True)
    assert any("socket(AF_UNIX" in line for line in _syscalls(log))


# --------------------------------------------------------------------------- the pages

# Attributes whose URL a browser loads by itself (a[href] is loaded on a click, and is
# refused too: a page about contacts should not link out).
_URL_ATTRIBUTES = {
    "src", "href", "srcset", "imagesrcset", "poster", "data", "action", "formaction",
    "background", "xlink:href", "manifest", "codebase", "longdesc", "ping", "icon",
}  # fmt: skip
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//|^\s*(?:https?|ftp|wss?):", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(?P<url>[^)'\"]*)\1\s*\)|@import", re.IGNORECASE)
_SCRIPT_FETCH = re.compile(
    r"""(?:fetch|importScripts|import|sendBeacon|\.open|WebSocket|EventSource|Worker)\s*\(\s*"""
    r"""(?:['"`]\s*(?:[a-z]+:)?//)"""
    r"""|\.(?:src|href|action)\s*=\s*['"`]\s*(?:[a-z]+:)?//""",
    re.IGNORECASE,
)


class _Fetches(HTMLParser):
    """Collect what a page would load, looking inside iframe srcdoc documents too."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self.csp: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): v or "" for k, v in attrs}
        for name, value in attrs.items():
            urls = value.split(",") if "srcset" in name else [value]
            if name in _URL_ATTRIBUTES and any(_REMOTE.search(u) for u in urls):
                self.found.append(f"<{tag} {name}={value[:120]!r}>")
            if name == "style":
                self._css(value, tag)
        if tag == "meta":
            equiv = attrs.get("http-equiv", "").lower()
            if equiv == "refresh" and "url" in attrs.get("content", "").lower():
                self.found.append(f"<meta refresh {attrs['content'][:120]!r}>")
            if equiv == "content-security-policy":
                self.csp.append(attrs.get("content", ""))
        if tag == "iframe" and "srcdoc" in attrs:
            inner = _Fetches()
            inner.feed(attrs["srcdoc"])
            self.found += [f"iframe srcdoc: {f}" for f in inner.found]
            self.scripts += inner.scripts
            if inner.scripts and not inner.csp:
                self.found.append("iframe srcdoc: scripts without a Content-Security-Policy")
        if tag in ("script", "style"):
            self._in = tag
            self.scripts.append("") if tag == "script" else None

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self._css(data, "style")
        elif self._in == "script":
            self.scripts[-1] += data

    def _css(self, text, where):
        for match in _CSS_URL.finditer(text):
            url = match.group("url")
            if url is None or _REMOTE.search(url):  # @import, or a remote url()
                self.found.append(f"{where}: {match.group(0)[:120]!r}")


def _fetches(page: str) -> _Fetches:
    parser = _Fetches()
    parser.feed(page)
    for script in parser.scripts:
        parser.found += [f"script: {m.group(0)!r}" for m in _SCRIPT_FETCH.finditer(script)]
    return parser


def test_the_checker_finds_what_a_browser_would_fetch():
    page = (
        "<html><head><link rel='stylesheet' href='https://cdn.example/x.css'>"
        "<style>@import 'x.css'; body{background:url(//img.example/a.png)}</style></head>"
        "<body><img srcset='a.png 1x, https://img.example/b.png 2x'>"
        '<iframe srcdoc="&lt;script src=&quot;http://evil.example/x.js&quot;&gt;&lt;/script&gt;">'
        "</iframe><script>fetch('https://api.example/'); x.src = 'http://t.example/p.gif'</script>"
        "<img src='data:image/png;base64,AAAA'><a href='#top'>top</a></body></html>"
    )
    found = _fetches(page).found
    assert len(found) == 8, found
    assert _fetches("<img src='data:image/png;base64,AA'><a href='#x'>x</a>").found == []


def _pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html"))


def test_written_pages_fetch_nothing_from_the_network(workflow):
    out, _, _ = workflow
    pages = _pages(out)
    names = {p.relative_to(out).as_posix() for p in pages}
    assert {"view.html", "notebook.html", "report/report.html", "report/network.html"} <= names
    assert {"demo/report.html", "anonymous.html"} <= names
    for path in pages:
        parsed = _fetches(path.read_text(encoding="utf-8"))
        assert parsed.found == [], f"{path.name} would fetch:\n" + "\n".join(parsed.found)


def test_pages_with_scripts_forbid_every_request(workflow):
    """Defence in depth: even a bug could not make the page load anything."""
    out, _, _ = workflow
    for path in (out / "view.html", out / "report" / "network.html", out / "anonymous.html"):
        parsed = _fetches(path.read_text(encoding="utf-8"))
        assert parsed.scripts, path.name
        assert len(parsed.csp) == 1, path.name
        policy = {d.split()[0]: d.split()[1:] for d in parsed.csp[0].split(";") if d.strip()}
        assert policy["default-src"] == ["'none'"]
        assert policy.get("connect-src") == ["'none'"]
        assert all(s.startswith("'sha256-") for s in policy["script-src"]), policy["script-src"]
        assert set(policy.get("img-src", [])) <= {"data:", "blob:"}


def test_report_images_are_embedded(workflow):
    out, _, _ = workflow
    page = (out / "report" / "report.html").read_text(encoding="utf-8")
    sources = re.findall(r"<img[^>]*\ssrc=['\"]([^'\"]*)", page)
    assert sources and all(s.startswith("data:image/") for s in sources)


# --------------------------------------------------------------------------- anonymize


@pytest.fixture(scope="module")
def sample():
    return netgraph.sample()


def _secrets(net: Network) -> set[str]:
    """Every id, name and e-mail of the network, and the long words of the names."""
    people = net.people
    values = set(people.index.astype(str))
    for column in ("name", "email"):
        values |= set(people[column].dropna().astype(str))
    words = {w for name in people["name"].dropna() for w in re.split(r"[\s,]+", name)}
    return values | {w for w in words if len(w) >= 5}


def _leaks(texts, secrets) -> list[str]:
    """Secrets equal to a text, or (for those of 5 characters or more) inside one."""
    texts = {str(t) for t in texts if not (isinstance(t, float) and np.isnan(t))}
    exact = sorted(secrets & texts)
    long = [s for s in secrets if len(s) >= 5]
    pattern = re.compile("|".join(map(re.escape, sorted(long, key=len, reverse=True))))
    inside = sorted({m.group(0) for t in texts for m in pattern.finditer(t)})
    return exact + inside


def _cells(frame: pd.DataFrame) -> list:
    values = list(frame.index.astype(str))
    for column in frame.columns:
        values += [str(c) for c in frame.columns]
        values += [v for v in frame[column].tolist() if v is not None]
    return values


def test_anonymized_tables_hold_no_id_name_or_email(sample):
    anon = sample.anonymize()
    secrets = _secrets(sample)
    for table in (anon.people, anon.stated_ties, anon.interactions, anon.ties.reset_index()):
        assert _leaks(_cells(table), secrets) == []
    assert anon.ego is not None and anon.ego != sample.ego
    assert list(anon.people.columns) == []


def test_anonymized_page_holds_no_id_name_or_email(sample, tmp_path):
    page = Path(sample.anonymize().to_html(tmp_path / "anon.html")).read_text(encoding="utf-8")
    # Everything but vis-network's bundled script, which is checked to be the file pyvis ships
    # verbatim (its code happens to contain words such as "Conti").
    vendor = _vis_js()
    assert page.count(vendor) == 1
    page = page.replace(vendor, "")
    assert _leaks([page], _secrets(sample) - {"me"}) == []
    assert not re.search(r"[\"'>]me[\"'<]", page)  # the ego's id, as a whole value
    original = Path(sample.to_html(tmp_path / "net.html")).read_text(encoding="utf-8")
    assert _leaks([original], _secrets(sample))  # the checker does find names when present


def test_anonymized_network_keeps_the_graph_shape(sample):
    anon = sample.anonymize(key="k")
    G, H = sample.graph, anon.graph
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert sorted(d for _, d in H.degree()) == sorted(d for _, d in G.degree())
    assert H.degree(anon.ego) == G.degree(sample.ego)
    assert np.allclose(np.sort(anon.ties["strength"]), np.sort(sample.ties["strength"]))
    assert nx.faster_could_be_isomorphic(G, H)
    assert len(anon.interactions) == len(sample.interactions)
    assert anon.interactions["date"].tolist() == sample.interactions["date"].tolist()


def test_anonymize_keeps_only_the_columns_asked_for(sample):
    anon = sample.anonymize(keep=["company", "industry"], key="k")
    assert list(anon.people.columns) == ["company", "industry"]
    assert sorted(anon.people["company"].dropna()) == sorted(sample.people["company"].dropna())
    assert _leaks(_cells(anon.people), _secrets(sample) - set(sample.people["company"])) == []


def test_pseudonyms_are_keyed(sample):
    assert set(sample.anonymize(key="k").people.index) == set(
        sample.anonymize(key="k").people.index
    )
    assert set(sample.anonymize().people.index).isdisjoint(sample.anonymize().people.index)
    assert set(sample.anonymize(key="k").people.index).isdisjoint(
        sample.anonymize(key="other").people.index
    )


def test_anonymize_drops_free_text_in_ties_and_interactions():
    """Extra columns of the ties and interactions (notes, subjects) go unless kept."""
    people = pd.DataFrame({"id": ["me", "ann"], "name": ["Me", "Ann Lee"]})
    ties = pd.DataFrame({"source": ["me"], "target": ["ann"], "note": ["Ann Lee's sister"]})
    events = pd.DataFrame(
        {"source": ["me"], "target": ["ann"], "date": ["2024-01-05"], "subject": ["Ann Lee"]}
    )
    anon = Network.from_frames(people, ties, events, ego="me").anonymize()
    texts = _cells(anon.stated_ties) + _cells(anon.interactions)
    assert not any("Ann Lee" in str(t) for t in texts)
    assert "note" not in anon.stated_ties and "subject" not in anon.interactions
    assert "date" in anon.interactions  # what netgraph reads stays

    kept = Network.from_frames(people, ties, events, ego="me").anonymize(keep=["subject"])
    assert list(kept.interactions["subject"]) == ["Ann Lee"]
