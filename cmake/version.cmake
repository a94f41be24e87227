# SPDX-License-Identifier: Apache-2.0
# lmc's version is the newest release in CHANGELOG.md: the first heading `## X.Y.Z - DATE`.
# Included by the top-level CMakeLists.txt (before project()), and runnable as a script:
#   cmake -DCHANGELOG=CHANGELOG.md -P cmake/version.cmake    prints the version
# The release's date (YYYY-MM-DD) is the manual pages' date, so a build is reproducible.
function(lmc_changelog_version changelog out_var date_var)
  file(STRINGS "${changelog}" headings REGEX "^## [0-9]+\\.[0-9]+\\.[0-9]+ ")
  if(NOT headings)
    message(FATAL_ERROR "${changelog} names no release (a heading `## X.Y.Z - DATE`)")
  endif()
  list(GET headings 0 newest)
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" version "${newest}")
  string(REGEX MATCH "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" date "${newest}")
  if(NOT date)
    message(FATAL_ERROR "${changelog}: the release heading `${newest}` has no date (YYYY-MM-DD)")
  endif()
  set(${out_var} "${version}" PARENT_SCOPE)
  set(${date_var} "${date}" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND NOT CMAKE_PARENT_LIST_FILE)
  lmc_changelog_version("${CHANGELOG}" version date)
  message("${version}")
endif()
