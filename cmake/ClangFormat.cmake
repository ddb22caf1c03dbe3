# `cmake --build <dir> --target format` rewrites every C++ file in the tree with clang-format;
# `format-check` fails when a file is not formatted (CI uses the same check through .ci/run).
find_program(CLANG_FORMAT_EXE NAMES clang-format clang-format-14 clang-format-15 clang-format-16 clang-format-17)
if(CLANG_FORMAT_EXE)
    set(_format_dirs app ui models tests)
    add_custom_target(format
        COMMAND "${CMAKE_COMMAND}" -DCLANG_FORMAT=${CLANG_FORMAT_EXE} -DMODE=fix
                -DROOT=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/RunClangFormat.cmake
        COMMENT "Formatting C++ sources with clang-format")
    add_custom_target(format-check
        COMMAND "${CMAKE_COMMAND}" -DCLANG_FORMAT=${CLANG_FORMAT_EXE} -DMODE=check
                -DROOT=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/cmake/RunClangFormat.cmake
        COMMENT "Checking C++ formatting with clang-format")
endif()
