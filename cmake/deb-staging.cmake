# SPDX-License-Identifier: Apache-2.0
# Run by CPack after it installs lmc into its staging directory, before it builds the .deb:
# what Debian's policy asks of a package that `cmake --install` need not do. (The source
# archive runs it too: nothing to do there.)
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()
file(GLOB prefix LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/usr")
if(NOT IS_DIRECTORY "${prefix}/share/doc/lmc")
  message(FATAL_ERROR "deb-staging: no ${prefix}/share/doc/lmc: was lmc installed under /usr?")
endif()

# gzip -9n: no name or time stamp inside, so the package is the same from one build to the next.
function(compress file)
  execute_process(COMMAND gzip -9nf "${file}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "deb-staging: gzip ${file} failed")
  endif()
endfunction()

file(GLOB pages "${prefix}/share/man/man1/*.1")
foreach(page ${pages})
  compress("${page}")
endforeach()

# A native package's changelog.gz is read as a Debian changelog: one entry a release of
# CHANGELOG.md (which is installed beside it as it is), newest first.
file(STRINGS "${CPACK_LMC_CHANGELOG}" releases REGEX "^## [0-9]+\\.[0-9]+\\.[0-9]+ - [0-9-]+")
set(entries "")
foreach(heading ${releases})
  string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" version "${heading}")
  string(REGEX MATCH "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" day "${heading}")
  execute_process(COMMAND date -u -R -d "${day} 12:00" OUTPUT_VARIABLE when
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "deb-staging: '${heading}' in CHANGELOG.md has no valid date")
  endif()
  string(APPEND entries
         "lmc (${version}) unstable; urgency=medium\n\n"
         "  * Release ${version}: /usr/share/doc/lmc/CHANGELOG.md says what changed.\n\n"
         " -- ${CPACK_PACKAGE_CONTACT}  ${when}\n\n")
endforeach()
file(WRITE "${prefix}/share/doc/lmc/changelog" "${entries}")
compress("${prefix}/share/doc/lmc/changelog")

# CPack's strip leaves the compiler's .comment and .note sections.
foreach(program bin/lmc libexec/lmc/lmc-serve)
  execute_process(COMMAND strip --remove-section=.comment --remove-section=.note
                          "${prefix}/${program}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "deb-staging: strip ${program} failed")
  endif()
endforeach()

# configure_file, not file(INSTALL): that would put CPack's DESTDIR in front once more.
configure_file("${CPACK_LMC_LINTIAN_OVERRIDES}" "${prefix}/share/lintian/overrides/lmc" COPYONLY)
