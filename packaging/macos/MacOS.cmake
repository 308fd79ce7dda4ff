# macOS: Pingscope.app with its Info.plist and an icns icon, made self-contained by macdeployqt (which also
# copies libcurl, c-ares and QCoro from their prefixes), in a drag-and-drop .dmg.
# Configured here, built by .github/workflows/release.yml.
find_program(PINGSCOPE_ICONUTIL iconutil REQUIRED)

# iconutil wants an .iconset folder with each size at 1x and 2x.
set(iconset ${generated}/Pingscope.iconset)
set(icns ${generated}/Pingscope.icns)
set(iconset_requests)
foreach(size 16 32 128 256 512)
    math(EXPR double "${size} * 2")
    list(APPEND iconset_requests ${size}:${iconset}/icon_${size}x${size}.png
                                 ${double}:${iconset}/icon_${size}x${size}@2x.png)
endforeach()
add_custom_command(OUTPUT ${icns}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
    COMMAND pingscope_icon_renderer ${icon_svg} ${iconset_requests}
    COMMAND ${PINGSCOPE_ICONUTIL} --convert icns --output ${icns} ${iconset}
    DEPENDS pingscope_icon_renderer ${icon_svg}
    COMMENT "Making Pingscope.icns"
    VERBATIM)
add_custom_target(pingscope_icns DEPENDS ${icns})
add_dependencies(pingscope pingscope_icns)
target_sources(pingscope PRIVATE ${icns})
set_source_files_properties(${icns} TARGET_DIRECTORY pingscope
                            PROPERTIES GENERATED TRUE MACOSX_PACKAGE_LOCATION Resources)

set_target_properties(pingscope PROPERTIES
    OUTPUT_NAME Pingscope
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_BUNDLE_NAME Pingscope
    MACOSX_BUNDLE_GUI_IDENTIFIER ${PINGSCOPE_APP_ID}
    MACOSX_BUNDLE_ICON_FILE Pingscope.icns
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "Copyright (c) 2026 The Pingscope developers")

qt_generate_deploy_app_script(TARGET pingscope FILENAME_VARIABLE pingscope_deploy_script
                              NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${pingscope_deploy_script})

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME pingscope-${PROJECT_VERSION}-macos)
set(CPACK_DMG_VOLUME_NAME "Pingscope ${PROJECT_VERSION}")
