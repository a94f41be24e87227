# SPDX-License-Identifier: Apache-2.0
# Writes OUT: a C++ table of the files DIR/GLOB, sorted by name, so the binary carries the same
# text the source tree shows (rule pages, init templates, the serve page).
#   cmake -DOUT=... -DDIR=... -DGLOB=*.md -DHEADER=check/rule_docs.h -DTYPE=RuleDoc
#         -DTABLE=kRuleDocs -DNAMESPACE=lmc [-DKEY=NAME_WE|NAME] -P embed_files.cmake
# The table is TYPE TABLE[] = {{key, text}, ...} with TABLE##Count (as `${TABLE}Count`) beside it.
if(NOT KEY)
  set(KEY NAME_WE)
endif()
file(GLOB files ${DIR}/${GLOB})
list(SORT files)
set(body "// Generated from ${DIR} by cmake/embed_files.cmake. Do not edit.\n")
string(APPEND body "#include <cstddef>\n#include <string_view>\n#include \"${HEADER}\"\n\n")
string(APPEND body "namespace ${NAMESPACE} {\n\nconst ${TYPE} ${TABLE}[] = {\n")
set(count 0)
foreach(file ${files})
  get_filename_component(key ${file} ${KEY})
  file(READ ${file} text)
  string(FIND "${text}" ")lmcembed\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} holds the raw string delimiter )lmcembed\"")
  endif()
  string(APPEND body "  {\"${key}\", R\"lmcembed(${text})lmcembed\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "};\n\nconst std::size_t ${TABLE}Count = ${count};\n\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
