# The eBPF engine: programs compiled by clang for the BPF target, embedded in
# sctrace as a bpftool skeleton. vmlinux.h (the kernel's types, for CO-RE) is
# generated from this machine's BTF at build time (docs/ebpf.md). Without
# clang, bpftool, libbpf or BTF, sctrace is built without the engine and
# --backend=ebpf says so.
find_program(SCTRACE_CLANG clang)
find_program(SCTRACE_BPFTOOL bpftool PATHS /usr/sbin /sbin)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(LIBBPF QUIET IMPORTED_TARGET libbpf)
endif()

set(ebpf_src ${CMAKE_SOURCE_DIR}/src/engine/ebpf)
# The record format and capture plan the kernel side shares with user space.
set(capture_src ${CMAKE_SOURCE_DIR}/src/engine/capture)
file(GLOB SCTRACE_EBPF_SOURCES CONFIGURE_DEPENDS ${ebpf_src}/*.cpp)
list(FILTER SCTRACE_EBPF_SOURCES EXCLUDE REGEX "(_test|_benchmark)\\.cpp$")

if(SCTRACE_CLANG AND SCTRACE_BPFTOOL AND LIBBPF_FOUND AND EXISTS /sys/kernel/btf/vmlinux)
  set(gen ${CMAKE_BINARY_DIR}/ebpf)
  file(MAKE_DIRECTORY ${gen})
  add_custom_command(
    OUTPUT ${gen}/vmlinux.h
    COMMAND sh -c "${SCTRACE_BPFTOOL} btf dump file /sys/kernel/btf/vmlinux format c > vmlinux.h.tmp && mv vmlinux.h.tmp vmlinux.h"
    WORKING_DIRECTORY ${gen}
    COMMENT "vmlinux.h from this kernel's BTF"
    VERBATIM)
  file(GLOB bpf_programs CONFIGURE_DEPENDS ${ebpf_src}/*.bpf.c)
  file(GLOB bpf_headers CONFIGURE_DEPENDS ${ebpf_src}/*.h ${capture_src}/*.h)
  set(skeletons)
  foreach(prog ${bpf_programs})
    get_filename_component(name ${prog} NAME_WE)
    add_custom_command(
      OUTPUT ${gen}/${name}.skel.h
      COMMAND ${SCTRACE_CLANG} -g -O2 -Wall -target bpf -D__TARGET_ARCH_x86 -I${gen} -I${ebpf_src} -I${capture_src}
              -c ${prog} -o ${gen}/${name}.bpf.o
      COMMAND sh -c "${SCTRACE_BPFTOOL} gen skeleton ${name}.bpf.o name ${name}_bpf > ${name}.skel.h.tmp && mv ${name}.skel.h.tmp ${name}.skel.h"
      DEPENDS ${prog} ${gen}/vmlinux.h ${bpf_headers}
      WORKING_DIRECTORY ${gen}
      COMMENT "eBPF skeleton ${name}"
      VERBATIM)
    list(APPEND skeletons ${gen}/${name}.skel.h)
  endforeach()
  add_custom_target(sctrace_ebpf_skeletons DEPENDS ${skeletons})
  add_library(sctrace_ebpf STATIC ${SCTRACE_EBPF_SOURCES})
  add_dependencies(sctrace_ebpf sctrace_ebpf_skeletons)
  target_include_directories(sctrace_ebpf PRIVATE ${gen} ${capture_src})
  target_link_libraries(sctrace_ebpf PUBLIC sctrace_capture PkgConfig::LIBBPF)
  target_compile_definitions(sctrace_ebpf PUBLIC SCTRACE_HAVE_EBPF=1)
  set(SCTRACE_HAVE_EBPF ON)
else()
  message(STATUS "eBPF engine left out: needs clang, bpftool, libbpf-dev and /sys/kernel/btf/vmlinux")
  set(SCTRACE_HAVE_EBPF OFF)
endif()
