#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Writes a synthetic logic model of N items (default 10,000, about 2 MB) to stdout: every
# stage, links, indicators, assumptions and factors, in block style as people write them.
# With STYLE "terse" the items have only an id, a one-line label and their links (no detail;
# outcomes a term and a complete indicator on one line): the densest text a model has, the hardest case for memory per byte.
#   bench/generate-model.sh [N] [STYLE] > big.yaml        STYLE: full (default) or terse
set -euo pipefail
n=${1:-10000}
style=${2:-full}
awk -v n="$n" -v style="$style" 'BEGIN {
  per = int(n / 5)
  print "logic_model: 1"
  print "title: Synthetic programme of " n " items"
  print "programme: Benchmark"
  print "updated: 2018-01-01"
  split("resources activities outputs outcomes impacts", sections, " ")
  split("r a o c i", prefix, " ")
  split("Resource Activity Output Outcome Impact", noun, " ")
  for (s = 1; s <= 5; s++) {
    print sections[s] ":"
    for (k = 0; k < per; k++) {
      printf "  - id: %s-%05d\n", prefix[s], k
      if (style == "terse") {
        printf "    label: %s %d for people with frailty\n", noun[s], k
        if (s == 4) printf "    term: short\n    indicators: [{label: Rate %d, source: SUS, baseline: 9, target: 8, due: 2027-03-31}]\n", k
        if (s < 5) printf "    to: [%s-%05d, %s-%05d]\n", prefix[s + 1], k, prefix[s + 1], (k + 1) % per
        continue
      }
      printf "    label: %s %d for people living with frailty in the neighbourhood\n", noun[s], k
      printf "    detail: Synthetic %s number %d, with a sentence of detail for tooltips.\n", tolower(noun[s]), k
      if (s == 4) {
        terms[0] = "short"; terms[1] = "medium"; terms[2] = "long"
        printf "    term: %s\n", terms[k % 3]
        print  "    indicators:"
        printf "      - label: Indicator %d per 1,000 people\n", k
        print  "        source: Secondary Uses Service"
        printf "        baseline: %d\n", 100 + k % 50
        printf "        target: %d\n", 80 + k % 40
        print  "        due: 2027-03-31"
      }
      if (s < 5) printf "    to: [%s-%05d, %s-%05d]\n", prefix[s + 1], k, prefix[s + 1], (k + 1) % per
    }
  }
  if (style == "terse") exit
  print "assumptions:"
  for (k = 0; k < per / 10; k++) {
    printf "  - id: as-%05d\n    text: Assumption %d holds for this step\n", k, k
    printf "    about: [\"a-%05d -> o-%05d\"]\n    evidence: [Audit %d]\n", k, k, k
  }
  print "external_factors:"
  for (k = 0; k < per / 10; k++) {
    printf "  - id: ef-%05d\n    text: External factor %d\n    affects: [c-%05d]\n", k, k, k
  }
}'
