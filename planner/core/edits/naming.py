"""The consultant's names for new servers as an edit: a pure function on the settings.

The rules propose names from the pattern ``[naming] new_server``; the consultant may give
one new server another name (``[naming.rename]``, proposed name -> his name).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.errors import SettingsError
from planner.core.explanation import message
from planner.core.model import Estate
from planner.core.settings import Decisions, Settings, check_new_server_names

__all__ = ["carry_step_dates", "proposed_name", "rename_new_server"]


def proposed_name(settings: Settings, current: str) -> str:
    """The name the rules proposed for the new server now called ``current``."""
    key = current.lower()
    return next((k for k, v in settings.new_server_names.items() if v.lower() == key), current)


def rename_new_server(settings: Settings, estate: Estate, current: str,
                      wanted: str) -> Settings:
    """Settings that call the new server now named ``current`` ``wanted``; giving it its
    proposed name again removes the entry. SettingsError (naming.rename.<proposed>) when
    ``wanted`` is no server name, is another new server's or an inventory server's name."""
    proposed, wanted = proposed_name(settings, current), wanted.strip()
    names = {k: v for k, v in settings.new_server_names.items() if k != proposed}
    if wanted.lower() != proposed.lower():
        names[proposed] = wanted
        if estate.server(wanted) is not None:
            raise _error(proposed, "existing_server", wanted)
        wrong = check_new_server_names(names)
        if wrong is not None:
            raise _error(wrong[0], wrong[1], names[wrong[0]])
    return replace(settings, new_server_names=names)


def carry_step_dates(decisions: Decisions, current: str, wanted: str) -> Decisions:
    """Decisions whose pins and earliest starts on the steps of the new server ``current``
    (``sbs:config:<current>``...) follow it to its name ``wanted``: step ids carry the name."""
    old, new = current.strip().lower(), wanted.strip()
    if not new or old == new.lower():
        return decisions

    def rekey(dates: dict[str, date]) -> dict[str, date]:
        return {":".join(new if part.lower() == old else part for part in key.split(":")): day
                for key, day in dates.items()}

    return replace(decisions, pins=rekey(decisions.pins),
                   not_before=rekey(decisions.not_before))


def _error(proposed: str, kind: str, name: str) -> SettingsError:
    problem = message(f"settings_errors.{kind}", name=name)
    key = f"naming.rename.{proposed}"
    return SettingsError(f"{key}: {name!r} ({kind})", "settings", key, problem)
