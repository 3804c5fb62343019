# Desktop integration and packages: `cmake --build --preset release --target package` writes
# scorescope_<version>~deb12_amd64.deb (Debian 12; ~deb13 on 13, ~deb13+cuda for a CUDA
# LibTorch: the .deb depends on the release's own libraries) and a .tar.gz into the build directory.
set(SCORESCOPE_APP_ID io.github.scorescope.Scorescope)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/${SCORESCOPE_APP_ID}.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/${SCORESCOPE_APP_ID}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/scorescope.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME ${SCORESCOPE_APP_ID}.svg)
foreach(size 16 32 48 64 128 256)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/scorescope-${size}.png
          DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME ${SCORESCOPE_APP_ID}.png)
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/configs ${PROJECT_SOURCE_DIR}/resources/presets DESTINATION share/scorescope)

# Debian's documentation files: the copyright, and the changelog compressed reproducibly (-n).
set(SCORESCOPE_CHANGELOG_GZ ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${SCORESCOPE_CHANGELOG_GZ}
  COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/debian/changelog > ${SCORESCOPE_CHANGELOG_GZ}
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog VERBATIM)
add_custom_target(scorescope_changelog ALL DEPENDS ${SCORESCOPE_CHANGELOG_GZ})
install(FILES ${SCORESCOPE_CHANGELOG_GZ} ${PROJECT_SOURCE_DIR}/packaging/debian/copyright
        DESTINATION share/doc/scorescope)

set(CPACK_PACKAGE_NAME scorescope)
set(CPACK_PACKAGE_VENDOR "The Scorescope developers")
set(CPACK_PACKAGE_CONTACT "The Scorescope developers <scorescope@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "research workbench for score-based diffusion models")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Scorescope trains score-based diffusion models on 2-D toy mixtures and on
Fashion-MNIST and shows their training live: the loss scale across diffusion
time, Stable Target Field target variances, Soft Truncation and sample grids.
An interactive playground steps reverse samplers forward and back, and
scorescope-cli runs every training, analysis and evaluation headless.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY scorescope)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The Debian release built on, in the version as native backports do (0.1.0~deb13 sorts before
# 0.1.0), so that each release's .deb is told apart; the package stays native (no Debian revision),
# as its changelog.gz says.
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
if(EXISTS /etc/os-release)
  file(STRINGS /etc/os-release SCORESCOPE_OS_VERSION REGEX "^VERSION_ID=")
  string(REGEX REPLACE "^VERSION_ID=\"?([0-9]+).*" "\\1" SCORESCOPE_OS_VERSION "${SCORESCOPE_OS_VERSION}")
endif()
if(SCORESCOPE_OS_VERSION MATCHES "^[0-9]+$")
  string(APPEND CPACK_DEBIAN_PACKAGE_VERSION "~deb${SCORESCOPE_OS_VERSION}")
endif()
if(TORCH_CUDA_LIBRARIES)
  string(APPEND CPACK_DEBIAN_PACKAGE_VERSION "+cuda")
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/scorescope/scorescope")
# The runtime libraries' packages, found by dpkg-shlibdeps from the binaries (never the -dev ones);
# OpenBLAS is loaded by LibTorch at run time, so it is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp | libopenblas0")
# The toolbar's SVG icons need Qt's SVG icon engine, a plugin that dpkg-shlibdeps cannot see: inside
# libqt6svg6 on Debian 12, its own package from Debian 13 on (without it the buttons lose their icons).
if(SCORESCOPE_OS_VERSION GREATER_EQUAL 13)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", qt6-svg-plugins")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "dataset-fashion-mnist")
# Qt's own strings (standard buttons, file dialogs) in German and Japanese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
include(CPack)
