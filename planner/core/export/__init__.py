"""Exports of a plan: the Excel project plan and MS Project XML (MSPDI).

``xlsx.write_workbook`` and ``mspdi.write_mspdi`` are the entry points; both share the
outline (WBS numbers, task ids, predecessor notation) from :mod:`planner.core.outline`.
"""
