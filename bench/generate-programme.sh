#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Writes a synthetic programme into DIR: programme.yaml, whose N boxes each name a work stream's
# model (workstreams/wsK.yaml), and the N work-stream models, each of 21 items linking into the
# programme's outcomes and on to the next work stream (a chain N models long, the worst case for
# following references).
#   bench/generate-programme.sh DIR [N]        N defaults to 200
set -euo pipefail
dir=$1
n=${2:-200}
mkdir -p "$dir/workstreams"
awk -v n="$n" -v dir="$dir" 'BEGIN {
  p = dir "/programme.yaml"
  print "logic_model: 1" > p
  print "title: Synthetic programme of " n " work streams" > p
  print "resources:\n  - id: fund\n    label: Transformation fund\n    to: [stream-0]" > p
  print "activities:" > p
  for (k = 0; k < n; k++) {
    printf "  - id: stream-%d\n    label: Work stream %d\n    model: workstreams/ws%d.yaml\n", k, k, k > p
    printf "    to: [goal-%d]\n", k % 5 > p
    if (k > 0) printf "    from: [fund]\n" > p
  }
  print "outcomes:" > p
  for (g = 0; g < 5; g++) {
    printf "  - id: goal-%d\n    label: Programme goal %d\n    term: long\n", g, g > p
    printf "    indicators: [{label: Goal %d rate, source: SUS, baseline: 9, target: 8, due: 2027-03-31}]\n", g > p
    print "    to: [impact]" > p
  }
  print "impacts:\n  - id: impact\n    label: People live well at home" > p
  close(p)
  for (k = 0; k < n; k++) {
    w = dir "/workstreams/ws" k ".yaml"
    print "logic_model: 1" > w
    print "title: Work stream " k > w
    print "resources:" > w
    for (j = 0; j < 4; j++) printf "  - {id: r%d, label: Resource %d, to: [a%d]}\n", j, j, j > w
    print "activities:" > w
    for (j = 0; j < 4; j++) printf "  - {id: a%d, label: Activity %d, to: [o%d]}\n", j, j, j > w
    print "outputs:" > w
    for (j = 0; j < 4; j++) printf "  - {id: o%d, label: Output %d, to: [c%d], indicators: [{label: Count %d, source: Records, baseline: 0, target: 9, due: 2027-03-31}]}\n", j, j, j, j > w
    print "outcomes:" > w
    for (j = 0; j < 4; j++) {
      printf "  - id: c%d\n    label: Outcome %d\n    term: medium\n", j, j > w
      printf "    indicators: [{label: Rate %d-%d, source: SUS, baseline: 9, target: 8, due: 2027-03-31}]\n", k, j > w
      printf "    to: [../programme.yaml#goal-%d", (k + j) % 5 > w
      if (k + 1 < n && j == 0) printf ", ws%d.yaml#c1", k + 1 > w
      print "]" > w
    }
    print "assumptions:" > w
    for (j = 0; j < 4; j++) printf "  - {id: s%d, text: Belief %d, about: [a%d], status: holds, evidence: A pilot}\n", j, j, j > w
    printf "external_factors:\n  - {id: e0, text: Winter, affects: [c0]}\n" > w
    close(w)
  }
}'
