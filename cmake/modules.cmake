# One static library per folder of src/, named dp_<folder>. Sources are globbed so that adding a
# file needs no CMake edit; a module lists only the modules it may use (the direction of flow).
function(digipuls_module name)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  if(NOT srcs)
    set(srcs ${PROJECT_SOURCE_DIR}/cmake/empty.cpp)
  endif()
  add_library(dp_${name} STATIC ${srcs})
  target_include_directories(dp_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(dp_${name} PUBLIC ${M_DEPS})
endfunction()

# Tests mirror src/: tests/<module>/*_test.cpp become one executable <module>_tests.
function(digipuls_tests name)
  cmake_parse_arguments(T "" "" "DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*_test.cpp)
  if(NOT srcs)
    return()
  endif()
  add_executable(${name}_tests ${srcs})
  target_include_directories(${name}_tests PRIVATE ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${name}_tests PRIVATE ${T_DEPS} GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name}_tests PRIVATE
    DIGIPULS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DIGIPULS_BINARY="$<TARGET_FILE:digipuls>")
  add_dependencies(${name}_tests digipuls)
  gtest_discover_tests(${name}_tests
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
    PROPERTIES LABELS unit
    DISCOVERY_TIMEOUT 60)
endfunction()
