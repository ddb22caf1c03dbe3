file(GLOB_RECURSE _files
    "${ROOT}/app/*.cpp" "${ROOT}/app/*.h"
    "${ROOT}/ui/*.cpp" "${ROOT}/ui/*.h"
    "${ROOT}/models/*.cpp" "${ROOT}/models/*.h"
    "${ROOT}/tests/*.cpp" "${ROOT}/tests/*.h")
if(MODE STREQUAL "fix")
    execute_process(COMMAND "${CLANG_FORMAT}" -i ${_files} RESULT_VARIABLE _rc)
else()
    execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror ${_files} RESULT_VARIABLE _rc)
endif()
if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "clang-format reported problems")
endif()
