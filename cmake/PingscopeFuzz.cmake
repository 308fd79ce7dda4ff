# -DPINGSCOPE_FUZZ=ON: the libFuzzer targets of tests/fuzz. libFuzzer is clang's, and it only finds
# its way through code built with its coverage instrumentation, so with this option every library
# (through pingscope_sanitizers, which pingscope_core links publicly) is built for fuzzing, under
# AddressSanitizer and UndefinedBehaviorSanitizer; only the fuzz targets themselves link libFuzzer's
# main (-fsanitize=fuzzer, in tests/fuzz/CMakeLists.txt).
if(NOT PINGSCOPE_FUZZ)
    return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PINGSCOPE_FUZZ needs clang (libFuzzer); configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()
if(NOT PINGSCOPE_BUILD_TESTS)
    message(FATAL_ERROR "PINGSCOPE_FUZZ needs PINGSCOPE_BUILD_TESTS: the fuzz targets live in tests/fuzz")
endif()
# -O1 even in Debug builds, which keep Q_ASSERT: at -O0 a fuzzer runs several times slower.
# -fno-sanitize=function: clang 14 cannot emit that check's prologue for a coroutine's split parts
# ("error: Cannot represent a difference across sections"), and the engine is made of coroutines.
target_compile_options(pingscope_sanitizers INTERFACE
                       -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
                       -fno-omit-frame-pointer -fno-sanitize-recover=undefined -O1)
target_link_options(pingscope_sanitizers INTERFACE -fsanitize=address,undefined -fno-sanitize=function)
