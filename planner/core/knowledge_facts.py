"""Typed access to the knowledge base's facts: every reader in the planner goes through here.

A fact is data with a key, a value, a source and an as-of date (``resources/knowledge``),
and a project may override it. Reading it by a string key at each use spread the keys, the
types and the defaults over the code; here each fact the code depends on is one property
with its type and the default used when a (trimmed) knowledge folder lacks it. The keys
appear only in this module (tests/core/test_knowledge_wired.py checks that each shipped
fact is read or marked documentation; tests/core/test_knowledge_facts.py that no other
module reads facts by key).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.core.knowledge_records import Fact, Knowledge

__all__ = ["KnowledgeFacts", "facts_of"]


@dataclass(frozen=True)
class KnowledgeFacts:
    """The facts of one knowledge base (after project overrides), typed."""

    knowledge: Knowledge

    def record(self, key: str) -> Fact | None:
        """The whole fact (source, confidence) for the few readers that cite it."""
        return self.knowledge.facts.get(key)

    def _value(self, key: str, default: Any) -> Any:
        fact = self.knowledge.facts.get(key)
        return fact.value if fact is not None else default

    def _names(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(str(v) for v in self._value(key, default) or ())

    # --- builds and lifecycle -------------------------------------------------------
    @property
    def se_min_build(self) -> int:
        """The lowest build number of Exchange SE (15.2.<n>)."""
        return int(self.knowledge.fact("build.se_min_build").value)

    @property
    def se_release(self) -> date:
        """The day Exchange SE was released."""
        value: date = self.knowledge.fact("lifecycle.se.release").value
        return value

    @property
    def se_end_of_support(self) -> date:
        """The end of support of the current SE lifecycle."""
        value: date = self.knowledge.fact("lifecycle.se.end_of_support").value
        return value

    def end_of_support(self, product: str) -> date:
        """The end of support of Exchange ``product`` ("2013", "2016", "2019")."""
        value: date = self.knowledge.fact(f"lifecycle.{product}.end_of_support").value
        return value

    @property
    def inplace_from(self) -> tuple[str, ...]:
        """The 2019 CUs SE setup upgrades in place."""
        return self._names("upgrade.inplace_from")

    @property
    def cu_target(self) -> str:
        """The 2019 CU an older 2019 server is updated to first."""
        return str(self._value("upgrade.cu_target", "CU15"))

    @property
    def min_cu_2016(self) -> str:
        """The oldest 2016 CU that coexists with SE."""
        return str(self._value(MIN_CU_2016, "CU23"))

    @property
    def se_cu_blocking_release(self) -> str:
        """The SE CU expected to refuse 2016/2019 in the organization."""
        return str(self._value("upgrade.se_cu_blocking_old", "CU"))

    @property
    def se_cu_blocking_date(self) -> date | None:
        """When that CU is expected (an estimate)."""
        value = self._value(SE_CU_BLOCKING_DATE, None)
        return value if isinstance(value, date) else None

    @property
    def os_se_supported(self) -> frozenset[str]:
        """The Windows Server versions SE runs on ("2019", "2022", "2025")."""
        return frozenset(str(v) for v in self.knowledge.fact("os.se_supported").value)

    # --- Exchange Online's enforcement --------------------------------------------------
    @property
    def blocking_2013_from(self) -> date:
        """The day Exchange Online blocks Exchange 2013 outright."""
        value: date = self.knowledge.fact("enforcement.2013_blocking_from").value
        return value

    @property
    def later_raise_expected(self) -> bool:
        """Whether Microsoft is expected to raise the baseline again later."""
        return bool(self._value("enforcement.later_raise_expected", False))

    @property
    def report_cmdlet(self) -> str:
        """The cmdlet that shows Exchange Online's view of the servers."""
        return str(self._value("enforcement.report_cmdlet", "Get-OnPremServerReportInfo"))

    # --- the rules' order and commands ----------------------------------------------------
    @property
    def move_order(self) -> tuple[str, ...]:
        """The order mailbox kinds leave an old server (names in lower case)."""
        return tuple(k.strip().lower()
                     for k in self._names(MOVE_ORDER, ("arbitration", "users", "public_folders")))

    @property
    def namespace_switch_before_moves(self) -> bool:
        """Whether namespaces switch before mailboxes move."""
        return bool(self._value(NAMESPACE_FIRST, True))

    @property
    def relay_ranges_from_logs(self) -> bool:
        """Whether a relay connector whose range holds Exchange's own servers is recreated
        for the clients the transport logs saw (else its range is kept, with a warning)."""
        return bool(self._value("transport.relay_ranges_from_logs", True))

    @property
    def cu_before_first_se(self) -> bool:
        """Whether 2019 CU updates go before the first SE server."""
        return bool(self._value(CU_BEFORE_SE, True))

    @property
    def dag_auto_rebalance(self) -> bool:
        """Whether DAGs rebalance by themselves after maintenance."""
        return bool(self._value("dag.auto_rebalance", False))

    @property
    def freeze_leaves(self) -> frozenset[str]:
        """Step kinds a customer's change freeze leaves: read-only checks, which change
        nothing (a project that freezes those too sets the list empty)."""
        return frozenset(k.strip().lower() for k in self._names("calendar.freeze_leaves"))

    @property
    def window_not_needed(self) -> frozenset[str]:
        """Step kinds that need no maintenance window: a removal of a server that holds
        nothing any more (a project whose change board wants them in a window sets it empty)."""
        return frozenset(k.strip().lower() for k in self._names("calendar.window_not_needed"))

    @property
    def renew_certificates_within_days(self) -> int:
        """A listed certificate that expires within this many days of the plan's start is
        renewed before the first step that hands it on (new servers, Edge, HCW)."""
        return int(self._value("certificates.renew_within_days", 365))

    def decision_needed_by(self, kind: str) -> frozenset[str]:
        """The step kinds that need the customer's decision of step kind ``kind`` done."""
        return frozenset(k.strip().lower() for k in self._names(f"decision.{kind}.needed_by"))

    def decision_lead_days(self, kind: str) -> int:
        """Calendar days the customer needs to carry out a decision of step kind ``kind``."""
        return max(0, int(self._value(f"decision.{kind}.lead_days", 0)))

    @property
    def default_receive_connectors(self) -> tuple[str, ...]:
        """The names of Exchange's own receive connectors."""
        return self._names("transport.default_receive_connectors")

    def name_values(self, key: str) -> dict[str, str]:
        """A "Name=value" list fact as a dict keyed by the lower-case name."""
        out = {}
        for item in self._names(key):
            name, _, value = item.partition("=")
            out[name.strip().lower()] = value.strip()
        return out

    def ad_prepare_commands(self, default: str) -> str:
        """The AD preparation commands ("; "-separated in the data)."""
        return str(self._value("ad.prepare_commands", default))

    @property
    def cu14_to_se_raises_org_version(self) -> bool:
        """Whether the SE media raises the organization's AD version over 2019 CU14's."""
        return bool(self._value("ad.cu14_to_se_raises_org_version", True))

    @property
    def dedicated_app_builds_from(self) -> date | None:
        """The release day from which builds can use the dedicated hybrid app (the April
        2025 hotfix update); None when the knowledge does not say."""
        value = self._value("hybrid.dedicated_app_builds_from", None)
        return value if isinstance(value, date) else None

    def dedicated_app_command(self, default: str) -> str:
        """The command that sets up the dedicated hybrid app."""
        return str(self._value("hybrid.dedicated_app_command", default))

    @property
    def pause_cmdlet_source(self) -> str:
        """Where the pause command comes from ("" when unknown)."""
        fact = self.record("policy.pause_cmdlet")
        return fact.source if fact is not None else ""


# Keys some readers also cite (source, confidence) through :meth:`KnowledgeFacts.record`.
MIN_CU_2016 = "upgrade.2016_min_cu"
SE_CU_BLOCKING_DATE = "upgrade.se_cu_blocking_old.date"
MOVE_ORDER = "moves.order"
NAMESPACE_FIRST = "namespace.switch_before_moves"
CU_BEFORE_SE = "security.2019_cu_before_first_se"


def facts_of(knowledge: Knowledge) -> KnowledgeFacts:
    """The typed facts of ``knowledge``."""
    return KnowledgeFacts(knowledge)
