# Application icons, all generated at build time from the one source, resources/icons/tokendesk.svg, by a small
# Qt tool (tokendesk-icongen: QSvgRenderer -> QImage -> PNG, ICO and ICNS containers written by hand). Outputs in
# ${TOKENDESK_ICON_DIR}: <n>.png for the hicolor sizes (Linux, installed by packaging/CMakeLists.txt),
# tokendesk.ico (Windows: the executable's resource, the MSI and NSIS icons) and tokendesk.icns (macOS bundle).
# Nothing generated is committed; the same SVG and Qt version always give the same bytes.
# Included from app/desktop/CMakeLists.txt, so the .icns can be a source of the tokendesk target.
set(TOKENDESK_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/tokendesk.svg")
set(TOKENDESK_ICON_DIR "${PROJECT_BINARY_DIR}/icons" CACHE INTERNAL "Generated application icons")
set(TOKENDESK_ICON_SIZES 16 22 24 32 48 64 128 256 512 CACHE INTERNAL "hicolor PNG sizes of the application icon")

add_executable(tokendesk-icongen
    "${CMAKE_CURRENT_LIST_DIR}/main.cpp"
    "${CMAKE_CURRENT_LIST_DIR}/AppIconWriter.h"
    "${CMAKE_CURRENT_LIST_DIR}/AppIconWriter.cpp")
target_link_libraries(tokendesk-icongen PRIVATE Qt6::Gui Qt6::Svg)
tokendesk_set_target_options(tokendesk-icongen)

set(_tokendesk_icon_outputs "${TOKENDESK_ICON_DIR}/tokendesk.ico" "${TOKENDESK_ICON_DIR}/tokendesk.icns")
foreach(_size IN LISTS TOKENDESK_ICON_SIZES)
    list(APPEND _tokendesk_icon_outputs "${TOKENDESK_ICON_DIR}/${_size}.png")
endforeach()
# Windows has no rpath: put Qt's DLL folder on PATH for the tool (no platform plugin is needed, it draws into a
# QImage without a QGuiApplication). Sanitizer builds (TOKENDESK_SANITIZE) must not fail the build on a leak report.
set(_tokendesk_icongen_env ${CMAKE_COMMAND} -E env)
if(WIN32)
    list(APPEND _tokendesk_icongen_env --modify "PATH=path_list_prepend:$<TARGET_FILE_DIR:Qt6::Core>")
endif()
list(APPEND _tokendesk_icongen_env ASAN_OPTIONS=detect_leaks=0 --)
add_custom_command(OUTPUT ${_tokendesk_icon_outputs}
    COMMAND ${_tokendesk_icongen_env} $<TARGET_FILE:tokendesk-icongen> "${TOKENDESK_ICON_SVG}" "${TOKENDESK_ICON_DIR}"
    DEPENDS tokendesk-icongen "${TOKENDESK_ICON_SVG}"
    COMMENT "Rendering the application icons (PNG, ICO, ICNS) from tokendesk.svg"
    VERBATIM)
add_custom_target(tokendesk_app_icons ALL DEPENDS ${_tokendesk_icon_outputs})

# Wires the icon into an executable: the .ico through a resource script on Windows, the .icns as a bundle
# resource on macOS. Linux needs nothing here (the desktop file names the themed icon by app id).
function(tokendesk_add_app_icon target)
    add_dependencies(${target} tokendesk_app_icons)
    if(WIN32)
        set(_rc "${CMAKE_CURRENT_BINARY_DIR}/${target}.rc")
        configure_file("${PROJECT_SOURCE_DIR}/packaging/windows/tokendesk.rc.in" "${_rc}" @ONLY)
        set_source_files_properties("${_rc}" PROPERTIES OBJECT_DEPENDS "${TOKENDESK_ICON_DIR}/tokendesk.ico")
        target_sources(${target} PRIVATE "${_rc}")
    elseif(APPLE)
        set(_icns "${TOKENDESK_ICON_DIR}/tokendesk.icns")
        set_source_files_properties("${_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources GENERATED TRUE)
        target_sources(${target} PRIVATE "${_icns}")
        set_target_properties(${target} PROPERTIES MACOSX_BUNDLE_ICON_FILE tokendesk.icns)
    endif()
endfunction()
