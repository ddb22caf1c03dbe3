# CPACK_PRE_BUILD_SCRIPTS hook: signs the staged app bundle (after macdeployqt ran at install time, before the
# DMG is made) with the hardened runtime and the entitlements, when MACOS_SIGNING_IDENTITY is set.
set(_identity "$ENV{MACOS_SIGNING_IDENTITY}")
if(NOT _identity)
    message(STATUS "codesign: MACOS_SIGNING_IDENTITY not set, leaving the bundle unsigned")
    return()
endif()
file(GLOB_RECURSE _bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
foreach(_bundle IN LISTS _bundles)
    if(IS_DIRECTORY "${_bundle}" AND _bundle MATCHES "\\.app$")
        execute_process(
            COMMAND codesign --force --deep --options runtime --timestamp
                    --entitlements "${CMAKE_CURRENT_LIST_DIR}/tokendesk.entitlements"
                    --sign "${_identity}" "${_bundle}"
            RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR "codesign failed for ${_bundle}")
        endif()
    endif()
endforeach()
