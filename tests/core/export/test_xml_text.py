"""The MS Project file's XML writer gives the text the standard library gives."""

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.export.xml_text import indented_xml

_TAGS = st.sampled_from(["Task", "Name", "UID", "Notes", "PredecessorLink"])
_TEXT = st.one_of(st.none(), st.just(""), st.text(max_size=12))
_ATTRS = st.dictionaries(st.sampled_from(["xmlns", "k", "v"]), st.text(max_size=8), max_size=2)


@st.composite
def trees(draw: st.DrawFn, depth: int = 4) -> ET.Element:
    node = ET.Element(draw(_TAGS), draw(_ATTRS))
    children = draw(st.integers(0, 3)) if depth else 0
    if children:
        for _ in range(children):
            node.append(draw(trees(depth - 1)))
    else:
        node.text = draw(_TEXT)
    return node


@settings(max_examples=300, deadline=None)
@given(trees())
def test_text_is_what_indent_and_tostring_write(root: ET.Element) -> None:
    ours = "".join(indented_xml(root))
    ET.indent(root)
    assert ours == ET.tostring(root, encoding="unicode")


def test_a_large_tree_comes_in_pieces_that_join_to_the_whole() -> None:
    root = ET.Element("Project")
    tasks = ET.SubElement(root, "Tasks")
    for n in range(3000):
        task = ET.SubElement(tasks, "Task")
        ET.SubElement(task, "UID").text = str(n)
        ET.SubElement(task, "Name").text = f"Step <{n}> & more"
    pieces = list(indented_xml(root))
    assert len(pieces) > 2
    ET.indent(root)
    assert "".join(pieces) == ET.tostring(root, encoding="unicode")
