"""The MS Project file's XML writer gives the text the standard library gives."""

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.export.xml_text import XmlStream

_TAGS = st.sampled_from(["Task", "Name", "UID", "Notes", "PredecessorLink"])
_TEXT = st.one_of(st.none(), st.just(""), st.text(max_size=12), st.integers())
_ATTRS = st.dictionaries(st.sampled_from(["xmlns", "k", "v"]), st.text(max_size=8), max_size=2)


@st.composite
def trees(draw: st.DrawFn, depth: int = 4) -> ET.Element:
    node = ET.Element(draw(_TAGS), draw(_ATTRS) if depth == 4 else {})
    children = draw(st.integers(0, 3)) if depth else 0
    # an element opened for children may get none (an empty Exceptions list)
    if depth == 4 or children or (depth and draw(st.booleans())):  # the root opens
        node.set("opened", "")
        for _ in range(children):
            node.append(draw(trees(depth - 1)))
    else:
        text = draw(_TEXT)
        node.text = None if text is None else str(text)
    return node


def _stream(node: ET.Element, out: XmlStream) -> None:
    if "opened" in node.attrib:
        out.open(node.tag, {k: v for k, v in node.attrib.items() if k != "opened"})
        for child in node:
            _stream(child, out)
        out.close()
    else:
        out.leaf(node.tag, node.text)


def _standard(root: ET.Element) -> str:
    for node in root.iter():
        node.attrib.pop("opened", None)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode")


@settings(max_examples=300, deadline=None)
@given(trees())
def test_text_is_what_indent_and_tostring_write(root: ET.Element) -> None:
    out = XmlStream()
    _stream(root, out)
    ours = "".join(out.pieces())
    assert ours == _standard(root)


def test_a_large_document_comes_in_pieces_that_join_to_the_whole() -> None:
    root = ET.Element("Project")
    tasks = ET.SubElement(root, "Tasks")
    out = XmlStream()
    out.open("Project")
    out.open("Tasks")
    for n in range(3000):
        task = ET.SubElement(tasks, "Task")
        ET.SubElement(task, "UID").text = str(n)
        ET.SubElement(task, "Name").text = f"Step <{n}> & more"
        out.open("Task")
        out.leaves((("UID", n), ("Name", f"Step <{n}> & more")))
        out.close()
    out.close()
    out.close()
    pieces = list(out.pieces())
    assert len(pieces) > 2
    ET.indent(root)
    assert "".join(pieces) == ET.tostring(root, encoding="unicode")
