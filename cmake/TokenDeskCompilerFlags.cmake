# Compiler settings shared by every TokenDesk target. Targets call tokendesk_set_target_options().
function(tokendesk_set_target_options target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_USE_QSTRINGBUILDER
        TOKENDESK_VERSION="${PROJECT_VERSION}"
        TOKENDESK_APP_ID="${TOKENDESK_APP_ID}")
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /Zc:__cplusplus /utf-8)
        if(TOKENDESK_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -fstack-protector-strong)
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            target_compile_options(${target} PRIVATE -Wshadow=local)
        else()
            # Clang and Apple clang: -Wshadow-uncaptured-local is the closest to GCC's -Wshadow=local.
            target_compile_options(${target} PRIVATE -Wshadow-uncaptured-local -Wno-gnu-zero-variadic-macro-arguments)
        endif()
        if(TOKENDESK_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    if(TOKENDESK_SANITIZE AND NOT MSVC)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
            -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    if(TOKENDESK_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # The fuzz tree (tests/fuzz): the libraries carry libFuzzer's coverage instrumentation and the same
        # sanitizers as the fuzz targets that link them. Outside libFuzzer the sanitizer runtime answers the
        # coverage hooks, so the other programs of this tree still link and run.
        target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
            -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()
