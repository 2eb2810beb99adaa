"""Import a customer's Exchange inventory: our template, any spreadsheet or CSV, PowerShell
exports, Exchange Online's server report and HealthChecker XML, into one :class:`Estate`."""

from __future__ import annotations
