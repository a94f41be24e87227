#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lmc diff against git revisions, in a repository this test makes: REV:PATH read through git
# (never a shell), a missing revision or path is exit 2 with one clear line, and the
# theory's sameness or difference is the exit code.
#   run_git_test.sh LMC EXAMPLE_MODEL PROGRAMME_FOLDER
set -u
lmc=$(realpath "$1")
example=$(realpath "$2")
programme=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_exit() {  # want description command...
  local want=$1 what=$2
  shift 2
  checks=$((checks + 1))
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$want" ] || fail "$what: exit $code, want $want; stderr: $(cat "$work/err")"
}

cd "$work" || exit 1
git init -q repo && cd repo || exit 1
git config user.email test@example.org && git config user.name Test
mkdir models && cp "$example" models/model.yaml
git add models && git commit -qm one
sed -i 's/^version: .*/version: "9.9"/' models/model.yaml
git commit -qam two

expect_exit 1 "HEAD~1 against the working tree" "$lmc" diff HEAD~1:models/model.yaml models/model.yaml --format json
grep -q '"change": "metadata-changed"' "$work/out" || fail "the version change is missing: $(cat "$work/out")"
grep -q '"old": "HEAD~1:models/model.yaml"' "$work/out" || fail "the old side is not labelled as given"
expect_exit 0 "HEAD against the working tree" "$lmc" diff HEAD:models/model.yaml models/model.yaml
expect_exit 0 "a revision against itself" "$lmc" diff HEAD~1:models/model.yaml HEAD~1:models/model.yaml
(cd models && expect_exit 1 "from a subdirectory, with ./" "$lmc" diff HEAD~1:./model.yaml model.yaml)
expect_exit 1 "-q prints nothing" "$lmc" diff -q HEAD~1:models/model.yaml models/model.yaml
[ -s "$work/out" ] && fail "-q printed: $(cat "$work/out")"

expect_exit 2 "a revision that does not exist" "$lmc" diff HEAD~7:models/model.yaml models/model.yaml
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "more than one line for a missing revision: $(cat "$work/err")"
grep -q "^lmc: error: 'HEAD~7:models/model.yaml': " "$work/err" || fail "unclear: $(cat "$work/err")"
# A misspelt branch, on a file and on a folder: git's reason, never "everything added".
expect_exit 2 "a misspelt branch" "$lmc" diff mian:models/model.yaml models/model.yaml
grep -q "invalid object name 'mian'" "$work/err" || fail "a misspelt branch says: $(cat "$work/err")"
expect_exit 2 "a misspelt branch, a folder" "$lmc" diff mian:models models
grep -q "mian" "$work/err" && ! grep -q "added" "$work/out" || fail "a misspelt branch on a folder: $(cat "$work/err" "$work/out")"
# A model added in a revision: before it, the file is an empty model; everything is added.
cp models/model.yaml models/added.yaml
git add models/added.yaml && git commit -qm three
expect_exit 1 "a model added in this revision" "$lmc" diff HEAD~1:models/added.yaml HEAD:models/added.yaml --format json
grep -q '"change": "item-added"' "$work/out" || fail "the added model's items are not added: $(cat "$work/out")"
grep -q '"change": "item-removed"' "$work/out" && fail "an added model removes something"
expect_exit 1 "the reverse: everything removed" "$lmc" diff HEAD:models/added.yaml HEAD~1:models/added.yaml --format json
grep -q '"change": "item-removed"' "$work/out" || fail "nothing removed: $(cat "$work/out")"
expect_exit 1 "/dev/null: an empty model" "$lmc" diff /dev/null models/model.yaml --format json
grep -q '"change": "item-added"' "$work/out" || fail "/dev/null is not an empty model"
expect_exit 2 "a file that does not exist" "$lmc" diff nope.yaml models/model.yaml

# No user text reaches a shell.
# (a path that is not in the revision: an empty model, so exit 1; no shell sees it)
expect_exit 1 "shell syntax in a revision" "$lmc" diff 'HEAD:$(touch pwned)' models/model.yaml
expect_exit 2 "a revision that looks like an option" "$lmc" diff '--output=pwned:x' models/model.yaml
checks=$((checks + 1))
[ -e pwned ] && fail "a shell ran user text"

# A programme's folder at two revisions: per model, the models added and removed, the links
# across models added and removed; a revision before the folder existed is empty.
mkdir -p programme && cp -r "$programme"/. programme/
git add programme && git commit -qm "programme"
sed -i 's|to: \[../programme.yaml#care-closer-to-home\]|to: [../programme.yaml#fewer-ae-attendances]|' \
  programme/workstreams/workforce.yaml
git rm -q programme/workstreams/urgent-care.yaml
sed -i '/model: workstreams\/urgent-care.yaml/d' programme/programme.yaml
git commit -qam "urgent care folded into the neighbourhood teams"
expect_exit 1 "a programme folder at two revisions" "$lmc" diff HEAD~1:programme HEAD:programme --format json
python3 - "$work/out" <<'PY' || fail "the programme diff is not what changed: $(cat "$work/out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["models_removed"] == [{"path": "workstreams/urgent-care.yaml", "title": "One front door for urgent care"}], d["models_removed"]
assert d["models_added"] == [], d["models_added"]
assert {"from": "workstreams/workforce.yaml#capacity-in-community", "to": "programme.yaml#fewer-ae-attendances"} in d["cross_links_added"]
assert {"from": "workstreams/urgent-care.yaml#right-place-first-time", "to": "programme.yaml#fewer-ae-attendances"} in d["cross_links_removed"]
changes = {m["path"]: [c["change"] for c in m["diff"]["changes"]] for m in d["models"]}
assert changes.get("programme.yaml") == ["model-changed"], changes
PY
expect_exit 1 "the folder in git against the working tree" "$lmc" diff HEAD~2:programme programme
grep -q "Models added" "$work/out" || fail "the folder did not exist two revisions ago: every model is added: $(cat "$work/out")"
expect_exit 0 "the folder against itself" "$lmc" diff HEAD:programme programme
expect_exit 1 "two folders on disk" "$lmc" diff "$programme" programme --format markdown
grep -q "^## Models removed" "$work/out" || fail "the markdown diff lists the models removed: $(cat "$work/out")"

# Outside a repository.
cd "$work" || exit 1
expect_exit 2 "outside a git repository" "$lmc" diff HEAD:models/model.yaml repo/models/model.yaml

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
