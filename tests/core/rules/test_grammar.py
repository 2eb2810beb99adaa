"""Every rule's reasons read as a consultant would sign them, in German and English.

The proposal of each estate, with one server and with several per group, is read step by
step (title and reason) and finding by finding, in both languages. It fails on "(s)"-style
plurals, a count whose noun does not agree, several servers followed by a singular verb,
English numbers in German text, unfilled placeholders and holes such as "none listed".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from planner.core.model import (
    Connector,
    ConnectorType,
    Dag,
    Estate,
    Namespace,
    Organization,
    RelayClient,
    Server,
    Site,
)
from planner.core.plan import Proposal
from planner.core.rules import RULE_IDS
from planner.core.settings import Decisions
from planner.core.vocabulary import STEP_KINDS
from planner.pipeline import load_inputs
from tests.core.rules.estates import CU12, CU14, E2013, E2016, SE_RTM, legacy, mixed, small
from tests.core.rules.proposing import plan
from tests.core.rules.test_mail_flow import rheinwerk
from tests.paths import SAMPLES

E2016_CU22 = "15.1.2375.7"  # Exchange 2016 CU22 RTM: below the CU23 SE coexists with
_NAME = r"[A-Z](?=[A-Z-]*\d)[A-Z0-9-]*+"  # a server name: capitals with a digit
_NOUNS_EN = r"(?:server|client|relay client|mailbox|connector|day|database|step|batch)"
# Only nouns whose German plural differs ("3 Server" is right).
_NOUNS_DE = r"(?:Client|Relay-Client|Postfach|Connector|Tag|Datenbank|Schritt)"
_SEVERAL = r"(?<![\d.,])\b(?:[2-9]|[1-9]\d|[1-9]\d\d)"  # 2 to 999, not a version like 2016
PROBLEMS_EN = {
    "(s)-plural": re.compile(r"\w\((?:s|es|n|en|e)\)"),
    "one with a plural noun": re.compile(rf"(?<![\d.,])\b1 {_NOUNS_EN}(?:s|es)\b"),
    "several with a singular noun": re.compile(rf"{_SEVERAL} {_NOUNS_EN}\b(?!s|es|-)"),
    "several servers, singular verb": re.compile(
        rf"\b{_NAME}(?:, {_NAME})+ (?:runs|is|has|gets|carries|holds)\b"),
    "a hole": re.compile(r"none listed|keine erfasst|\?\)|<[a-z ]+>|(?:for|für) –[.,;]"),
    "placeholder": re.compile(r"\{[a-z_]+\}"),
    "no float as a count": re.compile(
        r"\b0 (?:days?|Tagen?) (?:before|vor)\b|\b(?:on|an) 0 (?:days|Tagen)\b"),
}
PROBLEMS_DE = {
    **{k: v for k, v in PROBLEMS_EN.items()
       if k in ("(s)-plural", "a hole", "placeholder", "no float as a count")},
    # a preposition that wants the dative: "von 90 Tagen", never "von 90 Tage"
    "dative plural": re.compile(
        r"\b(?:von|mit|nach|seit|an|vor|binnen) (?:[02-9]|[1-9]\d+) Tage\b"),
    "several servers, singular verb": re.compile(
        rf"\b{_NAME}(?:, {_NAME})+ (?:läuft|ist|hat|erhält|trägt|wird)\b"),
    "several with a singular noun": re.compile(rf"{_SEVERAL} {_NOUNS_DE}(?![a-zäöüs-])"),
    "English thousands": re.compile(r"\b\d{1,3},\d{3}\b"),
    # "2.131 GB" is German; "2130.75 GB" or "0.5 Tage" is not.
    "English decimal point": re.compile(
        r"\b\d+\.(?:\d{1,2}|\d{4,})\b ?(?:GB|TB|MB|Tage?n?)\b"),
    "English words": re.compile(r"\b(?:the|and|with|before|after|none)\b"),
}


def _srv(name: str, build: str, **kw: object) -> Server:
    fields: dict[str, object] = {"roles": ("Mailbox",), **kw}
    return Server(name, fqdn=f"{name.lower()}.test.local", site="HQ", build=build,
                  **fields)  # type: ignore[arg-type]


CU15_AUG25 = "15.2.1748.36"  # 2019 CU15 Aug25SU: below the CU15 baseline


def _estate(n: int) -> Estate:
    """One server (n=1) or several (n=3) of each kind, each with n relay clients."""
    names16 = [f"EX16-{i}" for i in range(1, n + 1)]
    names13 = [f"EX13-{i}" for i in range(1, n + 1)]
    names19 = [f"EX19-{i}" for i in range(1, n + 1)]
    edges = [f"EDGE-{i}" for i in range(1, n + 1)]
    servers = ([_srv(s, E2016 if i else E2016_CU22, dag="DAG16" if n > 1 else "",
                     mailbox_data_gb=1234.5) for i, s in enumerate(names16)]
               + [_srv(s, E2013, roles=("Mailbox", "ClientAccess"), mailbox_data_gb=2130.75)
                  for s in names13]
               + [_srv(s, CU12 if i == 0 else CU14, dag="DAG19" if n > 1 else "",
                       judged_by_exo=True) for i, s in enumerate(names19)]
               + [_srv(f"EX19U-{i}", CU15_AUG25, judged_by_exo=True)  # below the baseline
                  for i in range(1, n + 1)]
               + [Server(e, site="HQ", roles=("Edge",), build=E2016) for e in edges]
               + [_srv(f"SE-{i}", SE_RTM) for i in range(1, n + 1)])
    dags = ((Dag("DAG16", tuple(names16)), Dag("DAG19", tuple(names19))) if n > 1 else ())
    relays = tuple(RelayClient(f"Printer {i}", host=f"10.0.0.{i}", connector="Relay",
                               server=names16[0]) for i in range(1, n + 1))
    return Estate(
        organization=Organization(customer="Grammatik GmbH", hybrid=True, tenant="g",
                                  forest="test.local"),
        sites=(Site("HQ", internet_facing=True, country="DE", subdivision="BY"),),
        servers=tuple(servers), dags=dags,
        connectors=(
            Connector("Relay", ConnectorType.RECEIVE, (names16[0],),
                      remote_ip_ranges=tuple(f"10.0.0.{i}" for i in range(1, n + 1)),
                      bindings=("0.0.0.0:25",), permission_groups=("AnonymousUsers",)),
            Connector("Relay 13", ConnectorType.RECEIVE, (names13[0],),
                      remote_ip_ranges=("10.1.0.1",)),
            Connector("Internet", ConnectorType.SEND, tuple(names16 + names13 + names19),
                      ("*",)),
            Connector("Inbound from g", ConnectorType.EXO_INBOUND)),
        relay_clients=relays,
        namespaces=(Namespace("mail.test.de", servers=tuple(names13 + names16),
                              load_balancer="LB1"),))


@cache
def proposals() -> dict[str, Proposal]:
    """Every estate the test reads, proposed with fixed settings."""
    mitigate = Decisions(repoint_exo_connector=frozenset({"EX19-1"}))
    # the 2016 servers retired without new ones: their work goes to the SE servers
    retire = [Decisions(new_servers={f"EX16-{i}": 0 for i in range(1, n + 1)}) for n in (1, 3)]
    out = {"one": plan(_estate(1), mitigate), "several": plan(_estate(3), mitigate),
           "retired one": plan(_estate(1), retire[0]),
           "retired several": plan(_estate(3), retire[1]),
           "small": plan(small()),
           "mixed": plan(mixed()), "legacy": plan(legacy()), "rheinwerk": plan(rheinwerk()),
           # a certificate that expires while the project runs (certificate_renewal)
           "expiring": plan(replace(mixed(), namespaces=tuple(
               replace(n, certificate=f"{n.name} (exp. 2027-03-31)")
               for n in mixed().namespaces)))}
    for folder in sorted(p for p in Path(SAMPLES).iterdir() if p.is_dir()):
        files = sorted(str(f) for f in folder.iterdir() if f.suffix in (".xlsx", ".csv"))
        if files:
            out[f"sample:{folder.name}"] = plan(load_inputs(files).estate)
    return out


def _texts(p: Proposal, lang: str) -> Iterator[tuple[str, str]]:
    for s in p.steps:
        yield s.id, s.title(lang)
        yield s.id, s.why(lang)
    for f in p.findings:
        if f.code.startswith("RULES-"):
            yield f.code, f.message(lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_reason_reads_right_for_one_and_several_servers(lang: str) -> None:
    problems = PROBLEMS_DE if lang == "de" else PROBLEMS_EN
    found = []
    for name, p in proposals().items():
        for where, text in _texts(p, lang):
            found += [f"{name} {where}: {kind}: …{m.group(0)}… in {text!r}"
                      for kind, rx in problems.items() if (m := rx.search(text))]
    assert not found, "\n".join(found[:40])


def test_german_commands_carry_no_english_notes() -> None:
    # comments, checklist lines and placeholders come from commands.toml in the plan's
    # language; the cmdlets themselves are no words ("Get-Mailbox -Server")
    english = PROBLEMS_DE["English words"]
    found = [f"{name} {s.id}: {line!r}" for name, p in proposals().items() for s in p.steps
             for line in s.command_in("de").splitlines() if english.search(line)]
    assert not found, "\n".join(found[:20])


def test_the_estates_reach_every_rule() -> None:
    reached = {s.rule for p in proposals().values() for s in p.steps}
    links_only = {"namespace_before_moves", "security_order"}
    assert set(RULE_IDS) - links_only <= reached


def test_the_checks_catch_what_they_should() -> None:
    en, de = PROBLEMS_EN, PROBLEMS_DE
    assert en["(s)-plural"].search("Re-point 1 relay client(s)")
    assert en["one with a plural noun"].search("Re-point 1 relay clients to X")
    assert en["several with a singular noun"].search("Re-point 3 relay client to X")
    assert en["several servers, singular verb"].search("FAB-EX16-01, FAB-EX16-02 runs 2016")
    assert de["several servers, singular verb"].search("FAB-EX16-01, FAB-EX16-02 läuft mit")
    assert de["English decimal point"].search("2130.75 GB Postfachdaten")
    assert de["English thousands"].search("etwa 1,500 GB")
    assert not de["English decimal point"].search("15.2.1544.36 = Exchange 2019 CU14")
    assert not de["English decimal point"].search("etwa 2.131 GB Postfachdaten")
    assert not en["several with a singular noun"].search("one per 2016 server")
    assert not de["several with a singular noun"].search("3 Server sollen mit SE laufen")
    assert de["dative plural"].search("das Pausenbudget von 90 Tage im Jahr")
    assert not de["dative plural"].search("das Pausenbudget von 90 Tagen im Jahr")
    assert de["a hole"].search("setzt die Blockierung aus, für –.")
    assert en["no float as a count"].search("ends only 0 days before the pause ends")


def test_every_step_kind_the_rules_use_has_a_name_in_the_vocabulary() -> None:
    kinds = {s.kind for p in proposals().values() for s in p.steps}
    assert kinds <= set(STEP_KINDS), kinds - set(STEP_KINDS)
