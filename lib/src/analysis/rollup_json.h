// SPDX-License-Identifier: Apache-2.0
// The roll-up as a JSON value, for the reports and exports that embed it.
#pragma once

#include "lmc/rollup.h"
#include "support/json.h"

namespace lmc {

Json roll_up_value(const Graph& graph, const RollUp& r);

}  // namespace lmc
