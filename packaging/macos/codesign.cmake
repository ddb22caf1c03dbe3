# CPACK_PRE_BUILD_SCRIPTS hook: signs the staged app bundle (after macdeployqt ran at install time, before the
# DMG is made) with the hardened runtime, a secure timestamp and the entitlements, when MACOS_SIGNING_IDENTITY
# is set. Signs inside out (libraries and plugins, frameworks, helper executables, then the bundle), as Apple
# asks, instead of the deprecated `codesign --deep`.
set(_identity "$ENV{MACOS_SIGNING_IDENTITY}")
if(NOT _identity)
    message(STATUS "codesign: MACOS_SIGNING_IDENTITY not set, leaving the bundle unsigned")
    return()
endif()
set(_entitlements "${CMAKE_CURRENT_LIST_DIR}/tokendesk.entitlements")

function(tokendesk_codesign path)
    execute_process(
        COMMAND codesign --force --options runtime --timestamp ${ARGN} --sign "${_identity}" "${path}"
        RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "codesign failed for ${path}")
    endif()
endfunction()

file(GLOB_RECURSE _bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
foreach(_bundle IN LISTS _bundles)
    if(NOT IS_DIRECTORY "${_bundle}" OR NOT _bundle MATCHES "\\.app$")
        continue()
    endif()
    # 1. Loose libraries and Qt plugins (Contents/Frameworks/*.dylib, Contents/PlugIns/**/*.dylib).
    file(GLOB_RECURSE _dylibs "${_bundle}/Contents/Frameworks/*.dylib" "${_bundle}/Contents/PlugIns/*.dylib")
    foreach(_dylib IN LISTS _dylibs)
        tokendesk_codesign("${_dylib}")
    endforeach()
    # 2. Qt frameworks, each signed as a whole.
    file(GLOB _frameworks LIST_DIRECTORIES true "${_bundle}/Contents/Frameworks/*.framework")
    foreach(_framework IN LISTS _frameworks)
        tokendesk_codesign("${_framework}")
    endforeach()
    # 3. Helper executables next to the main one (tokendesk-cli, tokendesk-sandbox): same entitlements.
    get_filename_component(_main "${_bundle}" NAME_WE)
    file(GLOB _executables "${_bundle}/Contents/MacOS/*")
    foreach(_exe IN LISTS _executables)
        get_filename_component(_name "${_exe}" NAME)
        if(NOT _name STREQUAL _main)
            tokendesk_codesign("${_exe}" --entitlements "${_entitlements}")
        endif()
    endforeach()
    # 4. The bundle itself (seals Info.plist, resources and the main executable).
    tokendesk_codesign("${_bundle}" --entitlements "${_entitlements}")
endforeach()
