#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Scaffolds a new rule, as clang-tidy's add_new_check.py does: everything but the rule's own
logic. Writes

  lib/src/check/rules/<rule>.cpp   the check function, to be filled in
  docs/rules/<rule>.md             its page (`lmc explain`), to be filled in
  examples/broken/<rule>.yaml      a small model that must fire it
  tests/rules/<rule>.yaml          a model that fires it, with near misses that stay quiet

and adds its row to the table of rules (lib/src/rules/table.cpp), its check to
lib/src/check/registry.cpp, its declaration to lib/src/check/rules/rules.h and its id to the
configuration schema, each in order. CMake finds
the source by itself. The tests fail until the logic, the page and the models agree: write the
models first.

    scripts/new-rule.py RULE-ID --severity warning --category logic \\
        --summary "an output that ..." --fix "link ..." [--per-model] [--root DIR]
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("rule", help="the rule's id: lower-case words joined by '-'")
parser.add_argument("--severity", choices=["error", "warning", "info"], required=True)
parser.add_argument("--category", choices=["format", "logic", "evaluation"], required=True)
parser.add_argument("--summary", required=True, help="what it finds, as `lmc rules` lists it")
parser.add_argument("--fix", required=True, help="how to fix it, as its help line says")
parser.add_argument("--per-model", action="store_true",
                    help="the check looks at one model at a time (default: the graph of every "
                         "model checked together)")
parser.add_argument("--root", default=Path(__file__).resolve().parent.parent, type=Path,
                    help="the repository (default: this one)")
args = parser.parse_args()

rule = args.rule
if not re.fullmatch(r"[a-z]+(-[a-z]+)+", rule):
    sys.exit(f"new-rule: '{rule}' is not a rule id: lower-case words joined by '-', "
             "at least two (orphan-output)")
root = args.root
ident = rule.replace("-", "_")
function = f"check_{ident}"
paths = {
    "source": root / "lib/src/check/rules" / f"{ident}.cpp",
    "docs": root / "docs/rules" / f"{rule}.md",
    "broken": root / "examples/broken" / f"{rule}.yaml",
    "test": root / "tests/rules" / f"{rule}.yaml",
}
table = root / "lib/src/rules/table.cpp"
registry = root / "lib/src/check/registry.cpp"
header = root / "lib/src/check/rules/rules.h"
schema = root / "schemas/logic-model.schema.json"

table_text = table.read_text()
if f'{{"{rule}",' in table_text:
    sys.exit(f"new-rule: '{rule}' is already a rule (lib/src/rules/table.cpp)")
for name, path in paths.items():
    if path.exists():
        sys.exit(f"new-rule: {path.relative_to(root)} already exists; nothing was written")


def c_string(text):
    return json.dumps(text)


def insert_sorted(text, row, pattern, end_marker):
    """`row` before the first row (found by `pattern`) whose id sorts after the rule's."""
    rows = list(re.finditer(pattern, text, re.M))
    after = next((m for m in rows if m.group(1) > rule), None)
    at = after.start() if after else text.index(end_marker)
    return text[:at] + row + text[at:]


# The table's row (data only) and the check's row, each in order.
severity = args.severity
table_text = insert_sorted(
    table_text,
    f'    {{{c_string(rule)}, Severity::{severity}, Category::{args.category}, '
    f'{c_string(args.summary)},\n     {c_string(args.fix)}}},\n',
    r'^    \{"([a-z-]+)",', "};\n\n}  // namespace")
registry_text = insert_sorted(
    registry.read_text(),
    f'    {{"{rule}", &{function}, nullptr}},\n' if args.per_model
    else f'    {{"{rule}", nullptr, &{function}}},\n',
    r'^    \{"([a-z-]+)",', "};\n\n}  // namespace")

# The declaration, in its section of rules.h, in order.
header_text = header.read_text()
if args.per_model:
    declaration = f"void {function}(const Model& m, const RuleContext& ctx, Findings& out);\n"
    pattern = r"^void (check_[a-z_]+)\(const Model& m, const RuleContext& ctx, Findings& out\);\n"
else:
    declaration = f"void {function}(const RuleContext& ctx, Findings& out);\n"
    pattern = r"^void (check_[a-z_]+)\(const RuleContext& ctx, Findings& out\);\n"
declared = list(re.finditer(pattern, header_text, re.M))
if not declared:
    sys.exit("new-rule: rules.h has no section for this kind of rule")
later = next((m for m in declared if m.group(1) > function), None)
at = later.start() if later else declared[-1].end()
header_text = header_text[:at] + declaration + header_text[at:]

# The configuration schema's list of rule ids, in order.
schema_text = schema.read_text()
ids = list(re.finditer(r'^        "([a-z]+(?:-[a-z]+)+)",?\n', schema_text, re.M))
if not ids:
    sys.exit("new-rule: the schema's list of rule ids was not found")
later = next((m for m in ids if m.group(1) > rule), None)
if later:
    schema_text = schema_text[:later.start()] + f'        "{rule}",\n' + schema_text[later.start():]
else:
    last = ids[-1]
    line = last.group(0)
    schema_text = (schema_text[:last.start()] + line.rstrip("\n").rstrip(",") + ",\n" +
                   f'        "{rule}"\n' + schema_text[last.end():])

params = "const Model& m, const RuleContext& ctx, Findings& out" if args.per_model else \
    "const RuleContext& ctx, Findings& out"
unused = ("  (void)m;\n  (void)ctx;\n  (void)out;" if args.per_model else
          "  (void)ctx;\n  (void)out;")
source = f"""// SPDX-License-Identifier: Apache-2.0
// {rule}: {args.summary}.
// Why: (why it matters to the people who use the model; docs/rules/{rule}.md says it in full).
#include "check/rules/rules.h"

namespace lmc {{

void {function}({params}) {{
  // The rule's logic: for each item, link, assumption or factor it concerns, and that is not
  // already in doubt because of an error reported elsewhere (Graph::in_doubt), say what is
  // wrong at the place to fix it:
  //   out.add_in(model, span, item_id, fmt::format("...", ...));
{unused}
}}

}}  // namespace lmc
"""
docs = f"""# {rule}

**Default severity:** {severity}. {args.summary[0].upper() + args.summary[1:]}.

## What fires it

(What the rule looks at, and the near misses it stays quiet on.)

## Why it matters

(Why a programme board, a facilitator or an evaluator should care.)

## Example

```yaml
logic_model: 1
title: (a model of a few boxes that fires the rule)
```

## The fix

{args.fix[0].upper() + args.fix[1:]}.

Change the severity in `.lmc.yaml` (`rules: {{{rule}: off}}`), or silence it for one entry
with `ignore: [{rule}]`.
"""
broken = f"""# yaml-language-server: $schema=../../schemas/logic-model.schema.json
logic_model: 1
title: (a small model with one {rule} finding)
# Mark the line the finding points at with `# expect: {rule}`.
"""
test = f"""logic_model: 1
title: (models that fire {rule}, and near misses that must stay quiet)
# Mark each line a finding points at with `# expect: {rule}`; a near miss has no mark.
"""

paths["source"].write_text(source)
paths["docs"].write_text(docs)
paths["broken"].write_text(broken)
paths["test"].write_text(test)
table.write_text(table_text)
registry.write_text(registry_text)
header.write_text(header_text)
schema.write_text(schema_text)
clang_format = shutil.which("clang-format")
if clang_format:
    subprocess.run([clang_format, "-i", str(paths["source"])], check=False)
print(f"new-rule: wrote {rule}:")
for path in list(paths.values()) + [table, registry, header, schema]:
    print("  " + str(path.relative_to(root)))
print("Next: the models first (they fail), then the logic, the page, and a CHANGELOG line.")
