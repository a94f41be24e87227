# SPDX-License-Identifier: Apache-2.0
# `cpack -G DEB` in a build directory: lmc_VERSION_ARCH.deb, installing under /usr.
# `cpack --config CPackSourceConfig.cmake`: lmc-VERSION.tar.gz, the sources.
# scripts/setup.sh package builds with Debian's hardening flags and runs both, then lintian.
set(CPACK_PACKAGE_NAME lmc)
set(CPACK_PACKAGE_VENDOR "lmc developers")
set(CPACK_PACKAGE_CONTACT "lmc developers <lmc-logic-models@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "checker and diagram compiler for programme logic models")
# Debian's extended description: each line one space in, blank lines as " .".
set(CPACK_PACKAGE_DESCRIPTION [[
People who redesign health and care services describe each programme as a
logic model: resources, activities, outputs, outcomes and impact, with the
assumptions the chain rests on. lmc reads a model written in YAML and checks
its logic as a compiler checks code, pointing at the line to fix; draws it as
a one-page diagram (SVG, PDF, PNG); says what changed between two revisions;
reports what an evaluator needs; and serves workshops (a live page redrawn on
every save) and editors (a language server).]])
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Depends: the shared libraries the two programs link (libgvc6 among them, which brings the
# Graphviz plugins lmc loads by path), found by dpkg-shlibdeps; and what lmc loads by name when
# it draws: fontconfig (dlopen), the fonts every diagram is measured and drawn with
# (lib/src/render/gvc_backend.cpp), and the en-GB hyphenation patterns its line breaking reads
# (libhyphen is linked statically; lib/src/render/text_metrics.cpp).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libfontconfig1, hyphen-en-gb, fonts-dejavu-core, fonts-dejavu-extra, fonts-noto-core, fonts-noto-color-emoji")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "git, bash-completion")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debian wants the manual pages compressed, a changelog in its own format, the binaries without
# their .comment sections, and the lintian overrides in place: done in the staging directory,
# so `cmake --install` leaves plain files.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/deb-staging.cmake)
set(CPACK_LMC_CHANGELOG ${PROJECT_SOURCE_DIR}/CHANGELOG.md)
set(CPACK_LMC_LINTIAN_OVERRIDES ${PROJECT_SOURCE_DIR}/packaging/debian/lmc.lintian-overrides)

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "lmc-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/node_modules/" "\\\\.swp$")
include(CPack)
