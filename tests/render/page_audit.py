#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Measures a page lmc drew (SVG) as a printer would (issue #22, the page third edition):
#   - the smallest printed text of each kind (box text, headers, title block, bands of rows,
#     badges on links, markers), against --min-box for box text and --min for everything;
#   - each link's badge: its distance to its own link and to the nearest other link (it must
#     stand within --near points of its own and nearer to it than to any other), and whether
#     it covers a box or another badge;
#   - crossings: the points where one link passes over another;
#   - shared track: the length along which two links run within 1 pt of each other (away from
#     the boxes they leave or reach) for more than 3 pt, beyond the 2 pt of a square crossing,
#     and links that pass through another's arrowhead;
#   - line breaks: every hyphen added at a line's end must be a point the en-GB patterns
#     (Debian's hyphen-en-gb, read here with Liang's algorithm as libhyphen does) allow, and
#     no line ends with a number whose unit or word starts the next.
# Prints one summary line per file (the figures docs/render.md keeps), and FAIL lines.
#   page_audit.py [--min PT] [--min-box PT] [--near PT] [--model MODEL.yaml] FILE.svg...
import argparse
import math
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
DICT = "/usr/share/hyphen/hyph_en_GB.dic"


def numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


# Liang's hyphenation, as libhyphen applies the patterns (one level: the English dictionaries
# have no compound level that matters for plain words).
class Patterns:
    def __init__(self, path):
        self.patterns = {}
        self.lmin, self.rmin = 2, 3
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        for line in lines[1:]:
            line = line.strip()
            if not line or line.startswith("%"):
                continue
            if line.startswith("LEFTHYPHENMIN"):
                self.lmin = int(line.split()[1])
                continue
            if line.startswith("RIGHTHYPHENMIN"):
                self.rmin = int(line.split()[1])
                continue
            if line.startswith("NEXTLEVEL"):
                break
            if line.split()[0].isupper() and " " in line:
                continue
            letters = re.sub(r"\d", "", line)
            values = [0] * (len(letters) + 1)
            k = 0
            for ch in line:
                if ch.isdigit():
                    values[k] = int(ch)
                else:
                    k += 1
            self.patterns[letters] = values

    def points(self, word):
        w = "." + word.lower() + "."
        values = [0] * (len(w) + 1)
        for i in range(len(w)):
            for j in range(i + 1, len(w) + 1):
                p = self.patterns.get(w[i:j])
                if p:
                    for k, v in enumerate(p):
                        values[i + k] = max(values[i + k], v)
        # values[k] is the value before w[k]; a break before word[k] is values[k + 1]
        return {k for k in range(self.lmin, len(word) - self.rmin + 1) if values[k + 1] % 2}


def path_points(d):
    """Samples an SVG path of M and C commands (absolute) as a polyline."""
    out = []
    tokens = re.findall(r"[MC]|-?\d+(?:\.\d+)?", d)
    cmd, vals, cur = None, [], None
    for t in tokens + ["M"]:
        if t in "MC":
            if cmd == "M" and vals:
                cur = (vals[0], vals[1])
                out.append(cur)
            elif cmd == "C":
                for k in range(0, len(vals) - 5, 6):
                    p0, p1, p2, p3 = cur, (vals[k], vals[k + 1]), (vals[k + 2], vals[k + 3]), (
                        vals[k + 4], vals[k + 5])
                    for i in range(1, 17):
                        s = i / 16
                        a, b, c, e = (1 - s) ** 3, 3 * (1 - s) ** 2 * s, 3 * (1 - s) * s * s, s ** 3
                        out.append((a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0],
                                    a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1]))
                    cur = p3
            cmd, vals = t, []
        else:
            vals.append(float(t))
    return out


def seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    l2 = dx * dx + dy * dy
    t = 0 if l2 == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def line_dist(p, line):
    return min(seg_dist(p, line[k], line[k + 1]) for k in range(len(line) - 1)) if len(line) > 1 \
        else math.hypot(p[0] - line[0][0], p[1] - line[0][1])


def rect_of(poly):
    xs, ys = poly[0::2], poly[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def overlaps(a, b, pad=0.0):
    return a[0] < b[2] - pad and b[0] < a[2] - pad and a[1] < b[3] - pad and b[1] < a[3] - pad


def rect_line_dist(r, line):
    """0 when the polyline enters the rectangle, else the least distance between them."""
    best = 1e9
    corners = [(r[0], r[1]), (r[2], r[1]), (r[2], r[3]), (r[0], r[3])]
    for k in range(len(line) - 1):
        a, b = line[k], line[k + 1]
        for p in (a, b):
            if r[0] <= p[0] <= r[2] and r[1] <= p[1] <= r[3]:
                return 0.0
        for c in corners:
            best = min(best, seg_dist(c, a, b))
        for p in (a, b):
            dx = max(r[0] - p[0], 0, p[0] - r[2])
            dy = max(r[1] - p[1], 0, p[1] - r[3])
            best = min(best, math.hypot(dx, dy))
        # a segment crossing the rectangle without an end inside it
        steps = max(2, int(math.hypot(b[0] - a[0], b[1] - a[1]) / 0.5))
        for i in range(1, steps):
            x = a[0] + (b[0] - a[0]) * i / steps
            y = a[1] + (b[1] - a[1]) * i / steps
            if r[0] <= x <= r[2] and r[1] <= y <= r[3]:
                return 0.0
    return best


def segments_cross(a, b, c, d):
    """Whether segments a-b and c-d cross at a point inside both."""
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def crossings(one, other):
    """How many times two links cross (each point where one passes over the other)."""
    if not one or not other:
        return 0
    bx = lambda line: (min(p[0] for p in line), min(p[1] for p in line),
                       max(p[0] for p in line), max(p[1] for p in line))
    if not overlaps(bx(one), bx(other)):
        return 0
    a, b = one[::2] + [one[-1]], other[::2] + [other[-1]]
    count = 0
    for i in range(len(a) - 1):
        sa = (min(a[i][0], a[i + 1][0]), min(a[i][1], a[i + 1][1]),
              max(a[i][0], a[i + 1][0]), max(a[i][1], a[i + 1][1]))
        for j in range(len(b) - 1):
            if (max(b[j][0], b[j + 1][0]) < sa[0] or min(b[j][0], b[j + 1][0]) > sa[2] or
                    max(b[j][1], b[j + 1][1]) < sa[1] or min(b[j][1], b[j + 1][1]) > sa[3]):
                continue
            count += segments_cross(a[i], a[i + 1], b[j], b[j + 1])
    return count


def resample(line, step):
    """Points every `step` along a polyline, by length (its Bezier samples are uneven)."""
    if not line:
        return []
    out, carry = [line[0]], 0.0
    for k in range(len(line) - 1):
        a, b = line[k], line[k + 1]
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        at = step - carry
        while at <= length:
            out.append((a[0] + (b[0] - a[0]) * at / length, a[1] + (b[1] - a[1]) * at / length))
            at += step
        carry = (carry + length) % step if length else carry
    return out


def audit(path, args, patterns, model_text):
    root = ET.parse(path).getroot()
    page_w = float(root.get("width").rstrip("pt"))
    view = numbers(root.get("viewBox"))
    graph = root.find(NS + "g")
    scale = numbers(graph.get("transform").split("scale(")[1])[0]
    k = scale * page_w / view[2]  # drawing units -> printed points
    fails = []
    smallest = {}
    boxes, edges = [], []
    lines_by_node = []
    for g in graph.iter(NS + "g"):
        cls = (g.get("class") or "").split()
        if not cls:
            continue
        kind = None
        if "edge" in cls:
            kind = "badge"
        elif "node" in cls:
            kind = {"box": "box", "header": "header", "subheader": "header", "title": "title",
                    "panel": "band", "findings": "band", "marker": "marker",
                    "band": "band"}.get(cls[1], cls[1])
        if kind is None:
            continue
        texts = list(g.iter(NS + "text"))
        for t in texts:
            if not (t.text or "").strip():
                continue
            size = float(t.get("font-size")) * k
            smallest[kind] = min(smallest.get(kind, 99), size)
        if "box" in cls and "removed" not in cls:
            for shape in g.iter():
                if shape.tag in (NS + "polygon", NS + "path"):
                    pts = numbers(shape.get("points") or shape.get("d"))
                    boxes.append(rect_of(pts))
                    break
        if kind in ("box", "band", "title", "marker"):
            # Lines of one cell share their left edge (x): the cells of a row are apart.
            first_para = len(lines_by_node)
            cells = {}
            for t in texts:
                cells.setdefault((t.get("x"), t.get("text-anchor")), []).append(
                    (float(t.get("y")), float(t.get("font-size")), t.text or ""))
            for cell in cells.values():
                # Paragraphs: lines one line-height apart.
                para = []
                for y, size, text in cell:
                    if para and abs(y - para[-1][0] - size * 1.2) > size * 0.15:
                        lines_by_node.append([p[2] for p in para])
                        para = []
                    para.append((y, size, text))
                if para:
                    lines_by_node.append([p[2] for p in para])
            if kind == "band":
                # Rows of a band are told apart by their text only: numbers are checked in boxes.
                for lines in lines_by_node[first_para:]:
                    lines.insert(0, None)
        if "edge" in cls:
            line, arrow, label = [], None, None
            for shape in g:
                if shape.tag == NS + "path" and not line:
                    line = path_points(shape.get("d"))
                elif shape.tag == NS + "polygon":
                    pts = numbers(shape.get("points"))
                    if arrow is None and shape.get("fill") not in ("white", "none"):
                        arrow = rect_of(pts)
                    elif shape.get("fill") == "white" and label is None:
                        label = rect_of(pts)
            title = g.find(NS + "title")
            edges.append({"name": title.text if title is not None else "?", "line": line,
                          "arrow": arrow, "label": label})
    for kind, size in smallest.items():
        floor = args.min_box if kind == "box" else args.min
        if size < floor - 0.005:
            fails.append(("text", f"{kind} text prints at {size:.2f} pt, below {floor} pt"))
    # Badges.
    worst_own, closest_other, badges = 0.0, 1e9, 0
    labels = [e["label"] for e in edges if e["label"]]
    for e in edges:
        r = e["label"]
        if not r or not e["line"]:
            continue
        badges += 1
        own = rect_line_dist(r, e["line"]) * k
        others = [(rect_line_dist(r, o["line"]) * k, o["name"]) for o in edges
                  if o is not e and o["line"]]
        other, other_name = min(others) if others else (1e9, "")
        worst_own = max(worst_own, own)
        closest_other = min(closest_other, other)
        if own > args.near:
            fails.append(("badges", f"the badge of {e['name']} stands {own:.1f} pt from its link"))
        if other <= own or other < 0.5:
            fails.append(("badges", f"the badge of {e['name']} is {other:.1f} pt from another "
                                    f"link, {other_name} ({own:.1f} pt from its own)"))
        if any(overlaps(r, b, 0.5) for b in boxes):
            fails.append(("badges", f"the badge of {e['name']} covers a box"))
        if sum(1 for o in labels if o is not r and overlaps(r, o, 0.5)):
            fails.append(("badges", f"the badge of {e['name']} covers another badge"))
    # Shared track and arrowheads.
    shared, pairs, through, crossed = 0.0, 0, 0, 0
    samples = []
    for e in edges:
        pts = resample(e["line"], 1.0)
        trim = int(8 / max(k, 1e-9))  # away from the boxes it leaves and reaches
        samples.append(pts[trim:len(pts) - trim] if len(pts) > 2 * trim else [])
    for i, e in enumerate(edges):
        for j, o in enumerate(edges):
            if i == j or not o["line"]:
                continue
            if j > i:
                crossed += crossings(e["line"], o["line"])
                # Where two links cross square they are within 1 pt of each other for 2 pt
                # (2.8 pt at 45 degrees): a run of more than 3 pt is a run side by side. Each run
                # is measured on its own: two links that cross twice share nothing.
                near, run = 0, 0
                for p in samples[i] + [None]:
                    if p is not None and line_dist(p, o["line"]) * k < 1.0:
                        run += 1
                        continue
                    near += run if run * k > 3 else 0
                    run = 0
                if near:
                    shared += near * k
                    pairs += 1
                    fails.append(("tracks", f"{e['name']} and {o['name']} share {near * k:.0f} pt "
                                            "of track"))
            a = o["arrow"]
            if a and e["line"] and e["line"][-1] and not (
                    a[0] - 1 <= e["line"][-1][0] <= a[2] + 1 and a[1] - 1 <= e["line"][-1][1] <= a[3] + 1):
                shrunk = (a[0] + 0.6, a[1] + 0.6, a[2] - 0.6, a[3] - 0.6)
                if shrunk[0] < shrunk[2] and rect_line_dist(shrunk, samples[i] or [(0, 0)]) == 0:
                    through += 1
                    fails.append(("tracks", f"{e['name']} passes through the arrowhead of "
                                            f"{o['name']}"))
    # Line breaks.
    hyphenations, bad_breaks = 0, 0
    for lines in lines_by_node:
        check_numbers = not lines or lines[0] is not None
        lines = [x for x in lines if x is not None]
        for a, b in zip(lines, lines[1:]):
            a, b = a.rstrip(), b.lstrip()
            if not a or not b:
                continue
            m = re.search(r"(\S+)-$", a)
            if m and re.match(r"[A-Za-z]", b):
                head = m.group(1)
                tail = re.match(r"[^\s]+", b).group(0)
                word_head = re.search(r"[A-Za-z]+$", head)
                word_tail = re.match(r"[A-Za-z]+", tail)
                written = (head + "-" + tail).strip("'\"“”‘’(),.;:")
                if written in model_text:
                    continue  # a hyphen written in the text
                if word_head and word_tail:
                    word = word_head.group(0) + word_tail.group(0)
                    hyphenations += 1
                    if patterns and len(word_head.group(0)) not in patterns.points(word):
                        bad_breaks += 1
                        fails.append(("breaks", f"'{word_head.group(0)}-{word_tail.group(0)}' is "
                                                "not a hyphenation point of the en-GB patterns"))
            last = a.split()[-1]
            if check_numbers and re.fullmatch(r"\(?[£~]?\d[\d,.]*%?", last) and re.match(r"[A-Za-z(/]", b):
                bad_breaks += 1
                fails.append(("breaks", f"a number is split from what follows it: '{a}' / '{b}'"))
    summary = (f"{path}: box {smallest.get('box', 0):.2f} pt, other text "
               f"{min([v for kk, v in smallest.items() if kk != 'box'] or [0]):.2f} pt; "
               f"{badges} badges, farthest from its link {worst_own:.1f} pt, nearest other link "
               f"{closest_other if closest_other < 1e9 else 0:.1f} pt; crossings {crossed}; "
               f"shared track "
               f"{shared:.0f} pt ({pairs} pairs); through arrowheads {through}; "
               f"hyphenations {hyphenations}, "
               f"bad breaks {bad_breaks}")
    return summary, fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min", type=float, default=7.0)
    ap.add_argument("--min-box", type=float, default=7.0)
    ap.add_argument("--near", type=float, default=3.0)
    ap.add_argument("--model", action="append", default=[])
    ap.add_argument("--skip", default="",
                    help="kinds of problem to report without failing: text,badges,tracks,breaks")
    ap.add_argument("--max-shared", type=float, default=None,
                    help="with tracks skipped, still fail past this much shared track (pt)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    try:
        patterns = Patterns(DICT)
    except OSError:
        patterns = None
        print(f"note: {DICT} is not installed: hyphenation points are not checked")
    model_text = "".join(open(m, encoding="utf-8").read() for m in args.model)
    skipped = set(filter(None, args.skip.split(",")))
    failed = 0
    for f in args.files:
        summary, fails = audit(f, args, patterns, model_text)
        print(summary)
        for kind, x in fails:
            print(f"{'note' if kind in skipped else 'FAIL'}: {f}: {x}")
            failed += kind not in skipped
        shared = float(re.search(r"shared track (\d+) pt", summary).group(1))
        if args.max_shared is not None and shared > args.max_shared:
            print(f"FAIL: {f}: {shared:.0f} pt of shared track, more than {args.max_shared:.0f}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
