set(CPACK_PACKAGE_NAME "tokendesk")
set(CPACK_PACKAGE_VENDOR "TokenDesk developers")
set(CPACK_PACKAGE_CONTACT "TokenDesk developers <maintainers@tokendesk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Issue, audit and revoke API tokens across services")
# Wrapped for Debian's extended description (lines under 80 characters).
set(CPACK_PACKAGE_DESCRIPTION "TokenDesk is a desktop tool for administrators who issue, audit and revoke
API tokens across Specter, MagicBell, NetSapiens and Svix: live remaining
life, MFA sign-in, secrets in the system keychain, a command-line companion
and an offline sandbox that emulates every service.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "TokenDesk")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build.*/")

if(WIN32)
    set(CPACK_GENERATOR "WIX;NSIS")
    # Must never change: Windows Installer uses it to find and replace earlier versions.
    set(CPACK_WIX_UPGRADE_GUID "6C1E0F4B-3A52-4D8E-9B7A-2F15C0D9E841")
    # tokendesk.ico is rendered from resources/icons/tokendesk.svg at build time (packaging/icons/).
    set(CPACK_WIX_PRODUCT_ICON "${TOKENDESK_ICON_DIR}/tokendesk.ico")
    set(CPACK_WIX_PROGRAM_MENU_FOLDER "TokenDesk")
    set(CPACK_WIX_LICENSE_RTF "${PROJECT_SOURCE_DIR}/packaging/windows/license.rtf")
    set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}")
    # Start-menu shortcut "TokenDesk" -> bin\tokendesk.exe, made by both WIX and NSIS from this pair.
    set(CPACK_PACKAGE_EXECUTABLES "tokendesk" "TokenDesk")
    set(CPACK_NSIS_MUI_ICON "${TOKENDESK_ICON_DIR}/tokendesk.ico")
    set(CPACK_NSIS_MUI_UNIICON "${TOKENDESK_ICON_DIR}/tokendesk.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tokendesk.exe")
    set(CPACK_NSIS_DISPLAY_NAME "TokenDesk")
    set(CPACK_NSIS_PACKAGE_NAME "TokenDesk")
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    # Relative to $INSTDIR\${CPACK_NSIS_EXECUTABLES_DIRECTORY} (bin).
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN "tokendesk.exe")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "TokenDesk")
    set(CPACK_DMG_FORMAT "UDBZ")
    # Volume icon of the mounted DMG (CPack DragNDrop reads CPACK_PACKAGE_ICON as an .icns).
    set(CPACK_PACKAGE_ICON "${TOKENDESK_ICON_DIR}/tokendesk.icns")
    set(CPACK_PRE_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/packaging/macos/codesign.cmake")
else()
    set(CPACK_GENERATOR "DEB;RPM;TGZ")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    # DEB: dependencies computed from the binaries with dpkg-shlibdeps.
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, libqt6sql6-sqlite, qt6-qpa-plugins")
    # Qt loads its SVG image plugin at run time, so dpkg-shlibdeps cannot see it; without it every provider logo and
    # the window icon are null pixmaps. Which package ships it depends on the distribution (Debian 12: libqt6svg6;
    # Debian 13, Qt >= 6.7: qt6-svg-plugins), so ask dpkg which package owns the plugin this build uses.
    set(_svg_plugin "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}/imageformats/libqsvg.so")
    set(_svg_package "")
    find_program(TOKENDESK_DPKG_QUERY dpkg-query)
    if(TOKENDESK_DPKG_QUERY AND EXISTS "${_svg_plugin}")
        execute_process(COMMAND "${TOKENDESK_DPKG_QUERY}" -S "${_svg_plugin}"
            OUTPUT_VARIABLE _svg_owner ERROR_QUIET RESULT_VARIABLE _svg_result)
        if(_svg_result EQUAL 0)
            string(REGEX REPLACE ":.*" "" _svg_package "${_svg_owner}")
        endif()
    endif()
    if(NOT _svg_package)
        if(Qt6_VERSION VERSION_GREATER_EQUAL 6.7)
            set(_svg_package "qt6-svg-plugins")
        else()
            set(_svg_package "libqt6svg6")
        endif()
    endif()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_svg_package}")
    # RPM
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "MIT")
    set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
    set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_RPM_PACKAGE_AUTOREQ ON)
    # Directories owned by the filesystem / hicolor-icon-theme packages must not be owned by ours.
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
        /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps /usr/share/doc)
    foreach(_size IN LISTS TOKENDESK_ICON_SIZES)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
            /usr/share/icons/hicolor/${_size}x${_size} /usr/share/icons/hicolor/${_size}x${_size}/apps)
    endforeach()
endif()

include(CPack)
