"""The findings the transport-log reader reports: codes and severities (texts: findings.toml).

Counts are passed as :class:`~planner.core.importing.findings.Counted` (``transport.count.*``
in the catalogues), so each language words them with its own plural forms.
"""

from __future__ import annotations

from planner.core.model import Severity

__all__ = ["TRANSPORT_SEVERITIES"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

TRANSPORT_SEVERITIES: dict[str, Severity] = {
    "LOGS-READ": INFO,
    "LOGS-MALFORMED": W,
    "LOGS-UNREADABLE": W,
    "LOGS-ZIP-REFUSED": E,
    "LOGS-GIVEN-TWICE": INFO,
    "LOGS-NO-FIELDS": W,
    "LOGS-NO-RECEIVE": INFO,
    "LOGS-FILES-SKIPPED": INFO,
    "LOGS-RELAY-DISCOVERED": W,
    "LOGS-RELAY-UNSEEN": W,
    "LOGS-LOAD-BALANCER": W,
    "LOGS-RANGE-WIDE": W,
    "LOGS-EHLO-NO-NAME": INFO,
}
