# One static library per folder of src/, named dp_<folder>. Sources are globbed so that adding a
# file needs no CMake edit; a module lists only the modules it may use (the direction of flow).
#
# A module sees only its own headers and those of the modules it links: its folder is exposed as
# <name>/ in an include folder of its own (a link to src/<name>), never src/ as a whole. Linking
# is PUBLIC, because a module's headers include its dependencies' headers; that the includes of
# each module name only modules it declares is checked by scripts/check_layers.py (a test), from
# the map this file writes (module-deps.txt in the build folder).
function(digipuls_module_include target name)
  set(inc ${PROJECT_BINARY_DIR}/module-include/${name})
  file(MAKE_DIRECTORY ${inc})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${name} ${inc}/${name} SYMBOLIC)
  target_include_directories(${target} PUBLIC ${inc})
endfunction()

function(digipuls_declare name deps)
  set_property(GLOBAL APPEND PROPERTY DIGIPULS_MODULES ${name})
  set_property(GLOBAL PROPERTY DIGIPULS_DEPS_${name} "${deps}")
endfunction()

function(digipuls_module name)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  if(NOT srcs)
    set(srcs ${PROJECT_SOURCE_DIR}/cmake/empty.cpp)
  endif()
  add_library(dp_${name} STATIC ${srcs})
  digipuls_module_include(dp_${name} ${name})
  target_link_libraries(dp_${name} PUBLIC ${M_DEPS})
  digipuls_declare(${name} "${M_DEPS}")
endfunction()

# module-deps.txt: one line per module, "name: dep dep ..." (modules only, in declaration order).
function(digipuls_write_module_map)
  get_property(modules GLOBAL PROPERTY DIGIPULS_MODULES)
  set(text "")
  foreach(m ${modules})
    get_property(deps GLOBAL PROPERTY DIGIPULS_DEPS_${m})
    set(line "${m}:")
    foreach(d ${deps})
      if(d MATCHES "^dp_(.+)$" AND NOT d STREQUAL "dp_resources")
        string(APPEND line " ${CMAKE_MATCH_1}")
      endif()
    endforeach()
    string(APPEND text "${line}\n")
  endforeach()
  file(WRITE ${PROJECT_BINARY_DIR}/module-deps.txt "${text}")
endfunction()

# Tests mirror src/: tests/<module>/*_test.cpp become one executable <module>_tests. Its tests
# are labelled "unit" and "<module>": `ctest -L '^collection$'` runs one module's tests.
function(digipuls_tests name)
  cmake_parse_arguments(T "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*_test.cpp)
  if(NOT srcs)
    message(FATAL_ERROR "tests/${name}: no *_test.cpp files")
  endif()
  add_executable(${name}_tests ${srcs})
  target_include_directories(${name}_tests PRIVATE ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${name}_tests PRIVATE ${T_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name}_tests PRIVATE
    DIGIPULS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DIGIPULS_BINARY="$<TARGET_FILE:digipuls>")
  # Tests that run the program (the CLI, a server) need it built first; the others do not, so
  # that a sanitizer build of the pure modules' tests builds no more than those modules.
  foreach(f ${srcs})
    file(STRINGS ${f} runs REGEX "DIGIPULS_BINARY|run_cli|ServerProcess|support/site.h|support/server_process.h")
    if(runs)
      add_dependencies(${name}_tests digipuls)
      break()
    endif()
  endforeach()
  gtest_discover_tests(${name}_tests
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
    PROPERTIES LABELS "unit;${name}"
    DISCOVERY_TIMEOUT 60)
endfunction()
