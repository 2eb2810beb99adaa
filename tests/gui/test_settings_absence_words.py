"""An absence the consultants page cannot take says why, in the interface's language (a GUI
test read "Absence of A. Gruber not understood: 2026-01-01..2099-01-01 > 366")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from planner.core.errors import SettingsError
from planner.core.settings import Consultant, Settings
from planner.gui.dialogs.settings_pages import ConsultantsPage
from planner.gui.i18n import install_translators


@pytest.mark.parametrize(("text", "words"), [
    ("2026-01-01..2099-01-01", "lasts more than 366 days"),
    ("2027-03-10..2027-03-01", "ends before it starts"),
])
def test_an_absence_it_cannot_take_says_why(qtbot: Any, text: str, words: str) -> None:
    page = ConsultantsPage(Settings(consultants=(Consultant("A. Gruber"),)))
    qtbot.addWidget(page)
    page.consultants.table.item(0, 2).setText(text)
    with pytest.raises(SettingsError, match=words):
        page.apply_to(Settings())


def test_the_reasons_are_german_in_a_german_interface(qapp: Any) -> None:
    assert install_translators(qapp, "de")
    try:
        for source, german in (
                ("An absence of {name} lasts more than {days} days: {text}", "länger als"),
                ("An absence of {name} ends before it starts: {text}", "bevor sie beginnt")):
            assert german in QCoreApplication.translate("ConsultantsPage", source)
    finally:
        install_translators(qapp, "en")


def test_freeze_dates_show_in_the_interface_languages_format(qapp: Any, qtbot: Any) -> None:
    """The Calendar page's freeze cells followed the system locale ("21 12 2026" in a German
    interface, a GUI test); they read as every other page writes a date."""
    from datetime import date

    from planner.core.settings import Freeze
    from planner.gui.dialogs.settings_pages import CalendarPage
    from planner.gui.formats import format_date

    page = CalendarPage(Settings(freezes=(Freeze(date(2026, 12, 21), date(2027, 1, 8)),)))
    qtbot.addWidget(page)
    table = page.freezes.table
    index = table.model().index(0, 0)
    delegate = table.itemDelegateForIndex(index)
    shown = delegate.displayText(index.data(), table.locale())
    assert shown == format_date(date(2026, 12, 21))
