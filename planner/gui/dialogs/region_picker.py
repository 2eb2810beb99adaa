"""Country and state pickers fed by the holidays package, checked while the user types.

Each is an editable combo box listing names in the interface language ("Deutschland (DE)");
typing a name or a code picks the entry ("Germany", "de", "Nordrhein-Westfalen", "NW").
What names no region is shown in red with a note below, and OK refuses it, so a typed
"Germany" can never be stored as GE (Georgia).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QWidget

from planner.core.regions import countries, country_code, subdivision_code, subdivisions
from planner.core.vocabulary import COLOURS
from planner.gui.i18n import ui_language

__all__ = ["RegionPicker"]

_INVALID = f"QComboBox {{ color: {COLOURS['alarm']}; }}"


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    assert completer is not None  # an editable combo box always has one
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return combo


class RegionPicker(QWidget):
    """The country and state whose public holidays the plan uses."""

    changed = Signal()

    def __init__(self, country: str, subdivision: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.country_box = _combo()
        for code, name in countries(ui_language()):
            self.country_box.addItem(f"{name} ({code})", code)
        self.state_box = _combo()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it names steps/what was typed
        self.note.setStyleSheet(f"color: {COLOURS['alarm']};")
        self.note.hide()
        self._select(self.country_box, country)
        self._fill_states()
        self._select(self.state_box, subdivision)
        self.country_box.currentTextChanged.connect(self._country_typed)
        self.state_box.currentTextChanged.connect(lambda _t: self._check())
        self._check()

    def fields(self) -> tuple[QWidget, QWidget, QLabel]:
        """The two boxes and the note, for the page's form."""
        return self.country_box, self.state_box, self.note

    @staticmethod
    def _select(box: QComboBox, code: str) -> None:
        at = box.findData(code)
        if at >= 0:
            box.setCurrentIndex(at)
        else:  # a stored value the package does not know: shown as it is, in red
            box.setCurrentIndex(-1)
            box.setEditText(code)

    def _fill_states(self) -> None:
        self.state_box.blockSignals(True)
        self.state_box.clear()
        self.state_box.addItem(self.tr("(whole country)"), "")
        for code, name in subdivisions(self.country() or ""):
            self.state_box.addItem(name if name == code else f"{name} ({code})", code)
        self.state_box.setCurrentIndex(0)
        self.state_box.blockSignals(False)

    def _country_typed(self, _text: str) -> None:
        before = self.state_box.currentText()
        self._fill_states()
        if self.state_box.findText(before) >= 0:  # the same state when it still exists
            self.state_box.setCurrentIndex(self.state_box.findText(before))
        self._check()

    def country(self) -> str | None:
        """The ISO code the country box names, None when it names none."""
        text = self.country_box.currentText()
        at = self.country_box.findText(text)
        if at >= 0:
            return str(self.country_box.itemData(at))
        inner = text.rsplit("(", 1)[-1].rstrip(")") if text.endswith(")") else text
        return country_code(inner)

    def subdivision(self) -> str | None:
        """The state code the state box names ("" for the whole country), None when none."""
        text = self.state_box.currentText()
        at = self.state_box.findText(text)
        if at >= 0:
            return str(self.state_box.itemData(at))
        country = self.country()
        if country is None:
            return None
        inner = text.rsplit("(", 1)[-1].rstrip(")") if text.endswith(")") else text
        return subdivision_code(country, inner)

    def problem(self) -> str:
        """Why the choice cannot be used, "" when it can."""
        if self.country() is None:
            return self.tr("Choose a country from the list: “{text}” names none the planner "
                           "knows public holidays for.").replace(
                               "{text}", self.country_box.currentText())
        if self.subdivision() is None:
            return self.tr("Choose a state from the list: “{text}” is not one of this "
                           "country's.").replace("{text}", self.state_box.currentText())
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.country_box.setStyleSheet(_INVALID if self.country() is None else "")
        self.state_box.setStyleSheet(_INVALID if problem and self.country() else "")
        self.note.setText(problem)
        self.note.setVisible(bool(problem))
        self.changed.emit()

