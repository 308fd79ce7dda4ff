# Windows: pingscope.exe with the Qt libraries and plugins windeployqt picks (the TLS backends among them),
# libcurl, c-ares and what they link, in an NSIS installer with a Start-menu shortcut and an uninstaller.
# Configured here, built by .github/workflows/release.yml.
qt_generate_deploy_app_script(TARGET pingscope FILENAME_VARIABLE pingscope_deploy_script
                              NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${pingscope_deploy_script})

# windeployqt copies Qt only; the other DLLs are found from the executable's imports. The directories are
# where vcpkg (or any prefix pkg-config names) keeps libcurl's and c-ares' DLLs.
set(PINGSCOPE_DLL_DIRS "${CURL_PREFIX}/bin;${CARES_PREFIX}/bin" CACHE STRING
    "Directories holding the non-Qt DLLs pingscope.exe needs")
install(CODE "set(PINGSCOPE_EXECUTABLE \"$<TARGET_FILE:pingscope>\")
set(PINGSCOPE_DLL_DIRS \"${PINGSCOPE_DLL_DIRS}\")")
install(SCRIPT ${CMAKE_CURRENT_LIST_DIR}/InstallRuntimeDlls.cmake)

install(FILES ${PROJECT_SOURCE_DIR}/resources/profiles/home-lab.json
              ${PROJECT_SOURCE_DIR}/resources/profiles/demo.json
        DESTINATION profiles)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION .)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt)

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_FILE_NAME pingscope-${PROJECT_VERSION}-windows-x64)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_NSIS_PACKAGE_NAME Pingscope)
set(CPACK_NSIS_DISPLAY_NAME Pingscope)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\pingscope.exe)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN pingscope.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# CPACK_PACKAGE_EXECUTABLES (set by the caller) makes the Start-menu shortcut; NSIS always writes
# Uninstall.exe and lists it under "Apps & features".
