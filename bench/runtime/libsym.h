/*===- bench/runtime/libsym.h - malloc/free of a named allocator ----*- C -*-===*
 *
 * lib_symbol(ALLOC, "malloc"|"free") for ALLOC glibc, jemalloc or mimalloc.
 * jemalloc must be preloaded (LD_PRELOAD=libjemalloc.so.2: its static TLS
 * block cannot be dlopen'ed), so its malloc is the process's malloc; this
 * checks that it really is. mimalloc is dlopen'ed and called as mi_malloc /
 * mi_free, leaving glibc's malloc to everything else. Exits on failure.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_BENCH_LIBSYM_H
#define TYPESLAB_BENCH_LIBSYM_H

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *lib_symbol(const char *alloc, const char *fn) {
  int is_malloc = !strcmp(fn, "malloc");
  if (!strcmp(alloc, "glibc"))
    return is_malloc ? (void *)malloc : (void *)free;
  if (!strcmp(alloc, "jemalloc")) {
    if (!dlsym(RTLD_DEFAULT, "mallocx")) {
      fprintf(stderr, "bench: run jemalloc with LD_PRELOAD=libjemalloc.so.2\n");
      exit(2);
    }
    return is_malloc ? (void *)malloc : (void *)free;
  }
  if (!strcmp(alloc, "mimalloc")) {
    void *h = dlopen("libmimalloc.so.2", RTLD_NOW | RTLD_LOCAL);
    void *f = h ? dlsym(h, is_malloc ? "mi_malloc" : "mi_free") : NULL;
    if (!f) {
      fprintf(stderr, "bench: mimalloc: %s\n", dlerror());
      exit(2);
    }
    return f;
  }
  fprintf(stderr, "bench: unknown allocator '%s'\n", alloc);
  exit(2);
}

#endif /* TYPESLAB_BENCH_LIBSYM_H */
