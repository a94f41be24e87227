// SPDX-License-Identifier: Apache-2.0
// `lmc adapt`: a blueprint's text made the start of a site's adaptation (spec, "Spread"): its
// content kept as written, `adapts:` filled in, each context assumption reset to untested with
// the blueprint's evidence kept as a note of what held at the origin, and comments that take a
// workshop through what it must decide.
#pragma once

#include <string>
#include <string_view>

namespace lmc {

struct AdaptRequest {
  std::string_view blueprint_text;  ///< the blueprint as read (without a byte-order mark)
  std::string blueprint_path;       ///< as the adaptation names it: relative to the new file, '/'
  std::string site;                 ///< --site: added to the title; may be empty
  std::string today;                ///< YYYY-MM-DD, in the header comment
};

struct AdaptResult {
  bool ok = false;
  std::string text;   ///< the adaptation
  std::string error;  ///< why not: the blueprint cannot be read, or its text cannot be edited
};

AdaptResult adapt_blueprint(const AdaptRequest& request);

}  // namespace lmc
