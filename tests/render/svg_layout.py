#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Reads a diagram lmc drew as SVG and checks its layout as printed: the column headers share
# one baseline (landscape; the terms under "Outcomes" too) or one left edge (portrait) within
# 1 pt; the boxes of each column
# share a left edge (top edge in portrait) and a width within 1 pt; and the box text prints at
# least at --min points. Printed size = font size x the drawing's scale x page width / viewBox
# width. Prints one line per file: the smallest printed box text size and what it checked.
#   svg_layout.py [--min PT] FILE.svg...
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"


def numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def bbox(group):
    """The bounds of a node's outline: its first polygon or path (labels come after it)."""
    for shape in group.iter():
        if shape.tag == NS + "polygon":
            pts = numbers(shape.get("points"))
        elif shape.tag == NS + "path":
            pts = numbers(shape.get("d"))
        else:
            continue
        return min(pts[0::2]), min(pts[1::2]), max(pts[0::2]), max(pts[1::2])
    raise ValueError("a node without an outline")


def check(path, minimum):
    root = ET.parse(path).getroot()
    problems = []
    page_w = float(root.get("width").rstrip("pt"))
    page_h = float(root.get("height").rstrip("pt"))
    view = numbers(root.get("viewBox"))
    graph = root.find(NS + "g")
    scale = numbers(graph.get("transform").split("scale(")[1])[0]
    k = scale * page_w / view[2]  # drawing units -> printed points
    portrait = page_h > page_w
    headers, subheaders, columns, sizes = [], [], {}, []
    for g in graph.iter(NS + "g"):
        cls = (g.get("class") or "").split()
        if "subheader" in cls:
            texts = list(g.iter(NS + "text"))
            subheaders.append(float(texts[0].get("y")) * k if texts else 0)
        elif "header" in cls:
            texts = list(g.iter(NS + "text"))
            x0, y0, _, _ = bbox(g)
            headers.append((float(texts[0].get("y")) * k if texts else 0, x0 * k, y0 * k))
        elif "box" in cls and "removed" not in cls:
            x0, y0, x1, y1 = bbox(g)
            columns.setdefault(cls[-1], []).append((x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k))
            fonts = [float(t.get("font-size")) for t in g.iter(NS + "text")]
            if fonts:
                sizes.append(max(fonts) * k)
    if not headers or not columns:
        return [f"{path}: no headers or no boxes found"], 0
    if portrait:
        lefts = [h[1] for h in headers]
        if max(lefts) - min(lefts) > 1:
            problems.append(f"headers' left edges differ by {max(lefts) - min(lefts):.2f} pt")
    else:
        for name, baselines in (("headers", [h[0] for h in headers]), ("sub-headers", subheaders)):
            if baselines and max(baselines) - min(baselines) > 1:
                problems.append(f"{name}' baselines differ by "
                                f"{max(baselines) - min(baselines):.2f} pt")
    for name, boxes in columns.items():
        edge = [b[1] if portrait else b[0] for b in boxes]
        widths = [b[2] for b in boxes]
        if max(edge) - min(edge) > 1:
            problems.append(f"{name}: boxes' {'top' if portrait else 'left'} edges differ by "
                            f"{max(edge) - min(edge):.2f} pt")
        if max(widths) - min(widths) > 1:
            problems.append(f"{name}: box widths differ by {max(widths) - min(widths):.2f} pt")
    smallest = min(sizes)
    if smallest < minimum - 0.005:
        problems.append(f"box text prints at {smallest:.2f} pt, below {minimum} pt")
    return [f"{path}: {p}" for p in problems], smallest


def main():
    args = sys.argv[1:]
    minimum = 0.0
    if args[:1] == ["--min"]:
        minimum = float(args[1])
        args = args[2:]
    failed = False
    for path in args:
        problems, smallest = check(path, minimum)
        for p in problems:
            print("FAIL:", p)
        failed |= bool(problems)
        print(f"{path}: box text {smallest:.2f} pt")
    sys.exit(1 if failed else 0)


main()
