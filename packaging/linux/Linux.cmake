# Linux: the files a desktop expects, under the FHS paths, and the .deb, .rpm and .tar.gz that carry them. The
# headless build (PINGSCOPE_GUI=OFF) packages as pingscope-cli: the program, its man page, docs and an example
# profile, and neither desktop entry nor icons nor a dependency on the GUI libraries.
find_program(PINGSCOPE_GZIP gzip REQUIRED)
set(PINGSCOPE_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/${PINGSCOPE_PACKAGE_NAME})

# Icons: the SVG for any size, plus PNGs for desktops and lintian that want fixed sizes.
set(icon_sizes 16 32 48 64 128 256)
set(icon_pngs)
if(PINGSCOPE_GUI)
    set(icon_requests)
    foreach(size IN LISTS icon_sizes)
        set(png ${generated}/icons/${size}x${size}/${PINGSCOPE_APP_ID}.png)
        file(MAKE_DIRECTORY ${generated}/icons/${size}x${size})
        list(APPEND icon_pngs ${png})
        list(APPEND icon_requests ${size}:${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    add_custom_command(OUTPUT ${icon_pngs}
        COMMAND pingscope_icon_renderer ${icon_svg} ${icon_requests}
        DEPENDS pingscope_icon_renderer ${icon_svg}
        COMMENT "Rendering the icon's PNG sizes"
        VERBATIM)
endif()

# The release date goes with the version: the metainfo's <release> and the package changelog say both.
configure_file(${PROJECT_SOURCE_DIR}/resources/${PINGSCOPE_APP_ID}.metainfo.xml
               ${generated}/${PINGSCOPE_APP_ID}.metainfo.xml @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/pingscope.1 ${generated}/man/pingscope.1 @ONLY)
execute_process(COMMAND date -u -R -d "${PINGSCOPE_RELEASE_DATE} 12:00:00"
                OUTPUT_VARIABLE PINGSCOPE_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/../debian/changelog.in ${generated}/doc/changelog @ONLY)

# Debian policy wants the man page and the changelog compressed, without a name or time stamp in the gzip
# header so the same sources give the same package.
add_custom_command(OUTPUT ${generated}/man/pingscope.1.gz ${generated}/doc/changelog.gz
    COMMAND ${PINGSCOPE_GZIP} -9 -n -f -k ${generated}/man/pingscope.1 ${generated}/doc/changelog
    DEPENDS ${generated}/man/pingscope.1 ${generated}/doc/changelog
    VERBATIM)
add_custom_target(pingscope_package_files ALL
    DEPENDS ${icon_pngs} ${generated}/man/pingscope.1.gz ${generated}/doc/changelog.gz)

if(PINGSCOPE_GUI)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/${PINGSCOPE_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${generated}/${PINGSCOPE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME ${PINGSCOPE_APP_ID}.svg)
    # The demo profile goes with the window's --demo, which the headless build does not have.
    install(FILES ${PROJECT_SOURCE_DIR}/resources/profiles/demo.json
            DESTINATION ${CMAKE_INSTALL_DATADIR}/pingscope/profiles)
    # The window's guide, which Help → Documentation opens, with the pictures it shows.
    install(FILES ${PROJECT_SOURCE_DIR}/docs/window.md ${PROJECT_SOURCE_DIR}/docs/window-1400x900.png
                  ${PROJECT_SOURCE_DIR}/docs/window-1024x700.png
            DESTINATION ${PINGSCOPE_DOCDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/resources/profiles/home-lab.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/pingscope/profiles)
install(FILES ${generated}/man/pingscope.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/docs/fleet.md
              ${CMAKE_CURRENT_LIST_DIR}/../debian/copyright ${generated}/doc/changelog.gz
        DESTINATION ${PINGSCOPE_DOCDIR})

# The agent as a service, pingscope-watch@PROFILE (docs/fleet.md), in both packages: both hold the program.
# systemd's own directory for packaged units, /usr/lib/systemd/system on Debian 12 and on rpm systems alike.
set(PINGSCOPE_INSTALLED_EXECUTABLE /usr/${CMAKE_INSTALL_BINDIR}/pingscope)
set(PINGSCOPE_INSTALLED_DOCDIR /usr/${PINGSCOPE_DOCDIR})
configure_file(${CMAKE_CURRENT_LIST_DIR}/pingscope-watch@.service.in ${generated}/systemd/pingscope-watch@.service @ONLY)
install(FILES ${generated}/systemd/pingscope-watch@.service DESTINATION lib/systemd/system)

# One post-install script serves dpkg ("configure") and rpm (1 or 2): it grants cap_net_raw, as iputils does
# for ping, so ICMP endpoints work without root where ping_group_range leaves users out.
configure_file(${CMAKE_CURRENT_LIST_DIR}/postinst.in ${generated}/scripts/postinst @ONLY
               FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB TGZ)
find_program(PINGSCOPE_RPMBUILD rpmbuild)
if(PINGSCOPE_RPMBUILD)
    list(APPEND CPACK_GENERATOR RPM)
else()
    message(STATUS "rpmbuild not found: the package target makes no .rpm (Debian: apt-get install rpm)")
endif()
set(CPACK_PACKAGE_FILE_NAME ${PINGSCOPE_PACKAGE_NAME}-${PROJECT_VERSION}-Linux-${CMAKE_SYSTEM_PROCESSOR})

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(PINGSCOPE_GUI)
    # dpkg-shlibdeps sees linked libraries only; the window also needs Qt's platform plugins.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libcap2-bin, qt6-wayland")
    # Both packages hold /usr/bin/pingscope, and this one does all the other does: installing it replaces
    # pingscope-cli, and whatever needs pingscope-cli is content with it.
    set(CPACK_DEBIAN_PACKAGE_CONFLICTS "pingscope-cli")
    set(CPACK_DEBIAN_PACKAGE_REPLACES "pingscope-cli")
    set(CPACK_DEBIAN_PACKAGE_PROVIDES "pingscope-cli (= ${PROJECT_VERSION})")
else()
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libcap2-bin")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${generated}/scripts/postinst)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE MIT)
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_POST_INSTALL_SCRIPT_FILE ${generated}/scripts/postinst)
if(PINGSCOPE_GUI)
    # rpm has no Replaces; the conflict makes dnf and zypper say why the two cannot be installed together.
    set(CPACK_RPM_PACKAGE_CONFLICTS "pingscope-cli")
endif()
# The package owns its files, not the shared directories the filesystem package already owns.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION /usr/share/man /usr/share/man/man1
    /usr/lib/systemd /usr/lib/systemd/system)
if(PINGSCOPE_GUI)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/applications /usr/share/metainfo
         /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
         /usr/share/icons/hicolor/scalable/apps)
    foreach(size IN LISTS icon_sizes)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
             /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()
# rpmbuild would add /usr/lib/.build-id links; the package needs none of them.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
