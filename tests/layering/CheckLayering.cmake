# cmake -DMODELS_DIR=<src>/models -DLINKS_FILE=<build>/tests/layering/layer_links.cmake -P CheckLayering.cmake
# Fails when a layer of models/ uses a layer that is not below it:
#   (a) an #include "<layer>/..." in models/<layer>/ (file and line are named), and
#   (b) a link edge between the tokendesk_<layer> libraries (from the configured targets).
# A layer may use only the layers of lower rank; layers of one rank may not use each other.
# Keep this order in step with models/CMakeLists.txt and README.md ("Architecture").
cmake_minimum_required(VERSION 3.25)

set(ranks
    "core"
    "net store"
    "providers"
    "items workflows"
    "workspace")

set(layers "")
set(rank 0)
foreach(group IN LISTS ranks)
    separate_arguments(group_layers UNIX_COMMAND "${group}")
    foreach(layer IN LISTS group_layers)
        set(rank_${layer} ${rank})
        list(APPEND layers ${layer})
    endforeach()
    math(EXPR rank "${rank} + 1")
endforeach()

set(errors "")

# May <from> use <to>? Sets <out> to TRUE or FALSE.
function(layer_may_use out from to)
    if(from STREQUAL to OR rank_${to} LESS rank_${from})
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

# Every folder of models/ is a layer of the list above, so a new folder cannot slip past the check.
file(GLOB entries RELATIVE "${MODELS_DIR}" "${MODELS_DIR}/*")
foreach(entry IN LISTS entries)
    if(IS_DIRECTORY "${MODELS_DIR}/${entry}" AND NOT entry IN_LIST layers)
        list(APPEND errors "models/${entry}/ is not a layer: add it to the order in ${CMAKE_CURRENT_LIST_FILE}")
    endif()
endforeach()

# (a) includes. Lines are numbered by hand: file(STRINGS) drops empty lines, and ';', '[', ']' and '\' would
# change how CMake splits the text into a list, so they are blanked first.
foreach(layer IN LISTS layers)
    file(GLOB_RECURSE sources RELATIVE "${MODELS_DIR}" "${MODELS_DIR}/${layer}/*.h" "${MODELS_DIR}/${layer}/*.cpp")
    list(SORT sources)
    foreach(source IN LISTS sources)
        file(READ "${MODELS_DIR}/${source}" text)
        string(REGEX REPLACE "[];[\\]" "_" text "${text}")
        string(REPLACE "\n" ";" lines "${text}")
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[\"<](\\.\\./)*([A-Za-z_]+)/")
                set(used "${CMAKE_MATCH_2}")
                if(used IN_LIST layers)
                    layer_may_use(ok ${layer} ${used})
                    if(NOT ok)
                        string(STRIP "${line}" line)
                        list(APPEND errors
                            "models/${source}:${number}: ${layer} may not include ${used} (${line})")
                    endif()
                endif()
            endif()
        endforeach()
    endforeach()
endforeach()

# (b) link edges.
if(NOT EXISTS "${LINKS_FILE}")
    message(FATAL_ERROR "layering: ${LINKS_FILE} is missing; configure the build again")
endif()
include("${LINKS_FILE}")
foreach(layer IN LISTS layers)
    if(NOT DEFINED links_tokendesk_${layer})
        list(APPEND errors "tokendesk_${layer}: no link libraries recorded in ${LINKS_FILE}")
        continue()
    endif()
    string(REGEX MATCHALL "tokendesk_[A-Za-z0-9_]+" linked "${links_tokendesk_${layer}}")
    list(REMOVE_DUPLICATES linked)
    foreach(library IN LISTS linked)
        string(REGEX REPLACE "^tokendesk_" "" used "${library}")
        if(used IN_LIST layers)
            layer_may_use(ok ${layer} ${used})
        else()
            set(ok FALSE) # the app, ui, cli or sandbox libraries sit above every layer
        endif()
        if(NOT ok)
            list(APPEND errors "tokendesk_${layer} links ${library}: ${layer} may use only the layers below it")
        endif()
    endforeach()
endforeach()

if(errors)
    list(JOIN errors "\n  " text)
    list(JOIN ranks " < " order)
    message(FATAL_ERROR "layering: models/ uses a layer that is not below it:\n  ${text}\n"
        "Order, lowest first (a layer may use only the groups before its own): ${order}")
endif()
list(JOIN ranks " < " text)
message(STATUS "layering: ok (${text})")
