"""The steps view: rule off, path change and exclusion re-plan and undo restores."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace

from planner.gui.edit import update_decisions
from planner.gui.views.steps import StepsView
from planner.gui.views.steps_model import StepsModel
from tests.gui.planning_fixtures import fake_document


def _ids(doc):
    return [s.id for s in doc.plan.proposal.steps]


def test_model_passes_qt_model_checks(qtbot, qtmodeltester, monkeypatch):
    doc = fake_document(monkeypatch)
    model = StepsModel()
    model.set_plan(doc.plan)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() >= 3


def test_a_cells_roles_asked_at_once_are_what_data_gives(qtbot, monkeypatch):
    """A delegate asks a cell's seven roles in one call (multiData): the same answers."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    doc = fake_document(monkeypatch)
    doc.apply(update_decisions(lambda d: replace(d, pins={"inplace:EX01": doc.settings.start}),
                               lambda: "pin"))
    model = StepsModel()
    model.set_plan(doc.plan)
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                item = QModelRoleData(role)
                index.multiData(QModelRoleDataSpan(item))  # as a view asks
                assert item.data() == model.data(index, role), (row, column, role)
    pinned = model.step_index("inplace:EX01").siblingAtColumn(4)
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, pinned)  # through multiData
    assert option.text == pinned.data() and option.font.italic()


def test_exclude_server_replans_and_undo_restores(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.show()  # a hidden page catches up when shown (see the test below)
    before = _ids(doc)
    view.select_step("inplace:EX01")
    assert view.exclude.isEnabled()
    view.exclude.trigger()
    assert "inplace:EX01" not in _ids(doc)
    assert view.model.step_index("inplace:EX01").isValid() is False
    doc.undo_stack.undo()
    assert _ids(doc) == before
    assert view.model.step_index("inplace:EX01").isValid()


def test_switch_rule_off_and_back_on(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.select_step("prep:license")
    view.rule_off.trigger()
    assert "se_license" in doc.decisions.disabled_rules
    assert "prep:license" not in _ids(doc)
    view.switch_rule_on("se_license")
    assert "prep:license" in _ids(doc)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert "se_license" not in doc.decisions.disabled_rules


def test_change_path_from_menu(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.select_step("inplace:EX01")
    view.path_menu.aboutToShow.emit()  # the menus are filled when they open
    sub = next(a.menu() for a in view.path_menu.actions() if a.text().startswith("EX01"))
    sub.aboutToShow.emit()
    side = next(a for a in sub.actions() if "new SE servers" in a.text())
    side.trigger()
    assert doc.decisions.paths == {"EX01": "side_by_side"}
    assert "moves:EX01" in _ids(doc)
    doc.undo_stack.undo()
    assert "inplace:EX01" in _ids(doc)
    assert doc.decisions.paths == {}


def test_exclude_menu_toggles_any_server(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.exclude_menu.aboutToShow.emit()  # the menus are filled when they open
    toggle = next(a for a in view.exclude_menu.actions() if a.text() == "EX02")
    toggle.trigger()
    assert doc.decisions.excluded_servers == {"EX02"}
    view.exclude_menu.aboutToShow.emit()
    toggle = next(a for a in view.exclude_menu.actions() if a.text() == "EX02")
    assert toggle.isChecked()
    toggle.trigger()
    assert doc.decisions.excluded_servers == frozenset()
    assert doc.undo_stack.count() == 2


class _HeldRunner:
    """Runs no plan until told to: stands in for a slow re-plan on the worker (the views'
    own small jobs, such as the steps' outline, run at once as beside it on the pool)."""

    def __init__(self):
        from planner.gui.worker import SyncRunner

        self.held = []
        self._sync = SyncRunner()

    def submit(self, name, fn, on_done=None, on_error=None, **_kwargs):
        from planner.gui.worker import Job

        if name != "plan":
            return self._sync.submit(name, fn, on_done, on_error)
        self.held.append((name, fn, on_done, on_error))
        return Job(name)

    def release(self):
        for name, fn, on_done, on_error in self.held:
            self._sync.submit(name, fn, on_done, on_error)
        self.held.clear()


def test_an_edit_shows_at_once_while_the_plan_is_being_made(qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    held = _HeldRunner()  # re-plans wait until released, as a slow solver would
    doc = fake_document(monkeypatch, runner=held)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.show()
    view.select_step("inplace:EX01")
    view.exclude.trigger()
    index = view.model.step_index("inplace:EX01")
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    qtbot.waitUntil(lambda: bool(held.held))  # the document debounces re-plans
    held.release()
    assert not view.model.step_index("inplace:EX01").isValid()


def test_server_menus_of_a_large_estate_say_where_the_rest_are(qtbot, monkeypatch):
    import planner.gui.views.steps as steps_module

    doc = fake_document(monkeypatch)
    monkeypatch.setattr(steps_module, "MENU_SERVERS", 1)
    view = StepsView(doc)
    qtbot.addWidget(view)
    for menu in (view.exclude_menu, view.path_menu):
        menu.aboutToShow.emit()
        entries = [a for a in menu.actions() if not a.isSeparator()]
        note, *servers = entries
        assert not note.isEnabled() and "Estate page" in note.text()
        assert len(servers) == 1


def test_a_plan_landing_on_a_hidden_steps_page_is_shown_when_the_page_is(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.show()
    view.hide()  # the consultant is on another page
    view.select_step("inplace:EX01")
    doc.apply(update_decisions(lambda d: replace(d, excluded_servers=frozenset({"EX01"})),
                               lambda: "exclude"))
    assert view.model.step_index("inplace:EX01").isValid()  # not redrawn while hidden
    view.show()
    assert not view.model.step_index("inplace:EX01").isValid()


def test_rename_new_server_is_one_undoable_settings_edit(qtbot, monkeypatch):
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.select_step("sbs:EX02")  # an inventory server: nothing to rename
    assert not view.rename_new.isEnabled()
    assert view.rename_new_server("EX02-SE", "MBX-MUC1") == ""
    assert doc.settings.new_server_names == {"EX02-SE": "MBX-MUC1"}
    assert "MBX-MUC1" in doc.undo_stack.undoText()
    refused = view.rename_new_server("MBX-MUC1", "EX01")  # an inventory server's name
    assert "EX01" in refused and "settings_errors" not in refused
    assert "“MBX MUC” " in view.rename_new_server("MBX-MUC1", "MBX MUC")
    assert doc.settings.new_server_names == {"EX02-SE": "MBX-MUC1"}
    doc.undo_stack.undo()
    assert doc.settings.new_server_names == {}


def _with_new_server_steps(monkeypatch):
    """The stand-in planner also sets up the new SE server of EX02 under its proposed name
    ("EX02-SE") or the consultant's (``[naming.rename]``), as the rules do."""
    from tests.gui import planning_fixtures

    plain = planning_fixtures._steps

    def steps(estate, settings, decisions):
        out = plain(estate, settings, decisions)
        if any(s.id == "sbs:EX02" for s in out):
            new = settings.new_server_names.get("EX02-SE", "EX02-SE")
            out.append(replace(out[-1], id=f"sbs:config:{new}", target=f"server:{new}",
                               title_en=f"Configure {new}", title_de=f"{new} einrichten",
                               predecessors=()))
        return out

    monkeypatch.setattr(planning_fixtures, "_steps", steps)


def test_rename_a_new_server_from_its_step_and_undo_redo(qtbot, monkeypatch):
    _with_new_server_steps(monkeypatch)
    doc = fake_document(monkeypatch)
    doc.apply(update_decisions(
        lambda d: replace(d, pins={"sbs:config:EX02-SE": doc.settings.start}), "Pin"))
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.show()
    view.select_step("sbs:config:EX02-SE")
    assert view.rename_new.isEnabled()
    monkeypatch.setattr("planner.gui.views.steps.QInputDialog.getText",
                        lambda *a, **k: ("MBX-MUC1", True))
    view.rename_new.trigger()
    assert doc.settings.new_server_names == {"EX02-SE": "MBX-MUC1"}
    assert "sbs:config:MBX-MUC1" in _ids(doc) and "sbs:config:EX02-SE" not in _ids(doc)
    assert view.model.step_index("sbs:config:MBX-MUC1").isValid()
    # the date fixed on its step follows the new name, in the same undoable edit
    assert doc.decisions.pins == {"sbs:config:MBX-MUC1": doc.settings.start}
    doc.undo_stack.undo()
    assert doc.settings.new_server_names == {}
    assert "sbs:config:EX02-SE" in _ids(doc)
    assert doc.decisions.pins == {"sbs:config:EX02-SE": doc.settings.start}
    doc.undo_stack.redo()
    assert "sbs:config:MBX-MUC1" in _ids(doc)
    assert view.model.step_index("sbs:config:MBX-MUC1").isValid()


def test_the_steps_outline_is_built_on_the_worker(qtbot, monkeypatch):
    """A large plan's outline took most of a second: it is a worker job, and it succeeds
    there (a failed job fell back to building it on the GUI thread)."""
    from planner.gui.worker import SyncRunner

    jobs = []

    class Recording(SyncRunner):
        def submit(self, name, fn, on_done=None, on_error=None, **kwargs):
            jobs.append((name, "submitted", None))

            def failed(exc, trace):
                jobs.append((name, "failed", exc))
                if on_error is not None:
                    on_error(exc, trace)

            return super().submit(name, fn, on_done, failed, **kwargs)

    doc = fake_document(monkeypatch, runner=Recording())
    jobs.clear()
    view = StepsView(doc)
    qtbot.addWidget(view)
    assert ("outline", "submitted", None) in jobs
    assert not [j for j in jobs if j[1] == "failed"]
    assert view.model.step_index("inplace:EX01").isValid()


def _target_right_edge(view):
    header = view.table.horizontalHeader()
    return header.sectionViewportPosition(3) + header.sectionSize(3)


def test_target_stays_in_view_on_a_narrow_page_and_follows_the_window(qtbot, monkeypatch):
    """A 1024-px screen cut the Target column at the edge: the Step column took its titles'
    whole width. It gives way (titles elided, whole in the tooltip), also after a resize,
    until the consultant widens it by hand."""
    from tests.gui import planning_fixtures

    short = planning_fixtures._steps
    tail = " on the servers of the Berlin head office and its branch offices" * 2
    monkeypatch.setattr(planning_fixtures, "_steps", lambda *args: [
        replace(s, title_en=s.title_en + tail) for s in short(*args)])
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    qtbot.wait(10)
    assert _target_right_edge(view) <= view.table.viewport().width()
    assert view.table.columnWidth(0) < view.columns.step_width  # the titles are wider than the room
    view.resize(1800, 400)
    qtbot.wait(10)
    assert view.table.columnWidth(0) == view.columns.step_width  # room again: titles whole
    assert _target_right_edge(view) <= view.table.viewport().width()
    view.table.setColumnWidth(0, 1200)  # the consultant's width
    view.resize(900, 400)
    qtbot.wait(10)
    assert view.table.columnWidth(0) == 1200


def test_a_replan_with_the_same_steps_repaints_cells_and_keeps_folded_phases(qtbot, monkeypatch):
    """A re-plan that moves dates keeps the rows: the cells are repainted, the model is not
    reset, and a phase the consultant folded stays folded. New steps reset, and the folded
    phase stays folded then too."""
    from datetime import timedelta

    from planner.gui.edit import set_settings

    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.show()
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))
    start_column = 4
    first = view.model.step_index("prep:license").siblingAtColumn(start_column)
    before = first.data()
    view.model.set_folded(0, True)
    later = replace(doc.settings, start=doc.settings.start + timedelta(days=14))
    doc.apply(set_settings(later))
    first = view.model.step_index("prep:license").siblingAtColumn(start_column)
    assert first.data() != before  # the new dates are shown
    assert resets == []
    assert view.model.is_folded(0)
    assert not view.model.step_index("prep:license").isValid()  # folded: not a row
    assert view.model.has_step("prep:license")
    view.select_step("inplace:EX01")
    view.exclude.trigger()  # a step less: new rows
    assert resets and view.model.is_folded(0) and not view.model.is_folded(1)


def test_phases_fold_and_unfold_by_keyboard_and_mouse_as_in_a_tree(qtbot, monkeypatch):
    """The steps are a flat table (see the next test), so the folding a tree gave is the
    table's: Left/Right, Space/Enter, a double click on the phase row, a click on its
    arrow; a step selected from elsewhere unfolds its phase."""
    from PySide6.QtCore import QPoint, Qt

    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    table, model = view.table, view.model
    rows = model.rowCount()
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))  # the first phase's row
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert model.is_folded(0) and model.rowCount() == rows - 2  # its two steps hidden
    assert not model.step_index("prep:license").isValid()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert not model.is_folded(0) and model.rowCount() == rows
    qtbot.keyClick(table, Qt.Key.Key_Right)  # unfolded: on to its first step
    assert view.selected_step().id == "prep:license"
    qtbot.keyClick(table, Qt.Key.Key_Left)  # from a step: back to its phase, still unfolded
    assert table.currentIndex().row() == 0 and not model.is_folded(0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.is_folded(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not model.is_folded(0)
    phase_rect = table.visualRect(model.index(0, 1))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=phase_rect.center())
    assert model.is_folded(0)
    arrow = table.visualRect(model.index(0, 0)).topLeft() + QPoint(8, 8)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=arrow)
    assert not model.is_folded(0)
    table.fold_all(True)
    view.select_step("inplace:EX01")
    assert view.selected_step().id == "inplace:EX01"
    assert model.is_folded(0) and not model.is_folded(model.phase_of(table.currentIndex()))


def test_a_replan_asks_the_model_only_for_the_rows_on_screen(qtbot, monkeypatch):
    """On 1,000 servers (5,000 steps) a re-plan froze the window half a second: the tree
    view asked the model about every row (each step's index, parent and child count when
    laid out and expanded again), each call waiting for the interpreter while the worker
    went on planning. The table asks only about the rows it paints."""
    from datetime import timedelta

    from planner.gui.edit import set_settings
    from tests.gui import planning_fixtures

    short = planning_fixtures._steps

    def many(*args):
        steps = short(*args)
        return [replace(s, id=f"{s.id}#{k}", predecessors=()) for k in range(60)
                for s in steps]

    monkeypatch.setattr(planning_fixtures, "_steps", many)
    asked: set[int] = set()  # the rows Qt asked about (a cell, a row's parent or children)
    def spying(plain):
        def spy(self, *args, **kwargs):
            asked.update(a.row() for a in args if hasattr(a, "row") and a.isValid())
            asked.update(a for a in args[:1] if isinstance(a, int))  # index(row, ...)
            return plain(self, *args, **kwargs)

        return spy

    for name in ("index", "parent", "rowCount", "data", "multiData"):
        if name in StepsModel.__dict__:  # what the model answers in Python
            monkeypatch.setattr(StepsModel, name, spying(getattr(StepsModel, name)))
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitUntil(lambda: view.model.step_index("decom:EX02#59").isValid())
    view.grab()
    for edit in (set_settings(replace(doc.settings, start=doc.settings.start
                                      + timedelta(days=14))),  # the same steps, new dates
                 update_decisions(lambda d: replace(d, excluded_servers=frozenset({"EX01"})),
                                  lambda: "exclude")):  # other steps
        asked.clear()
        doc.apply(edit)
        view.grab()  # the repaint
        assert asked  # the new rows and dates were asked for ...
        assert len(asked) < 40  # ... of the rows on screen, not of 300


def test_the_id_and_wbs_columns_fit_the_longest_numbers_of_each_plan(qtbot, monkeypatch):
    """The columns were fitted once, on the first plan: a later plan of 100 steps and more
    showed its ids as "1…" (a GUI test of Alpenglas). Each plan widens them as needed."""
    doc = fake_document(monkeypatch)
    view = StepsView(doc)
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    longest_id, longest_wbs = view.model.widest_numbers()
    assert longest_id and longest_wbs
    view.table.setColumnWidth(1, 4)  # as narrow as a plan of fewer steps left it
    view.table.setColumnWidth(2, 4)
    view.columns.fit_numbers()
    metrics = view.table.fontMetrics()
    assert view.table.columnWidth(1) > metrics.horizontalAdvance(longest_id)
    assert view.table.columnWidth(2) > metrics.horizontalAdvance(longest_wbs)
    assert view.columns.auto_step_width  # a fit is no width the consultant set
