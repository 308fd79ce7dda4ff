# Runs at install time (and so inside CPack): copies the non-system, non-Qt DLLs pingscope.exe imports,
# such as libcurl and c-ares, next to it. PINGSCOPE_EXECUTABLE and PINGSCOPE_DLL_DIRS are set just before.
file(GET_RUNTIME_DEPENDENCIES
     EXECUTABLES "${PINGSCOPE_EXECUTABLE}"
     RESOLVED_DEPENDENCIES_VAR pingscope_dlls
     UNRESOLVED_DEPENDENCIES_VAR pingscope_missing_dlls
     DIRECTORIES ${PINGSCOPE_DLL_DIRS}
     PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^[Qq]t6"
     POST_EXCLUDE_REGEXES "[/\\\\][Ss]ystem32[/\\\\]")
if(pingscope_missing_dlls)
    message(WARNING "pingscope.exe needs DLLs that were not found: ${pingscope_missing_dlls}")
endif()
file(INSTALL ${pingscope_dlls} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
