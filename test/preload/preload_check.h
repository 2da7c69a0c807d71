/* Helpers of the preload tests: CHECK (the runtime tests' check.h), and
 * whether an entry point or an object is libtypeslab.so's. The programs
 * link no typeslab library; they find its introspection through dlsym and
 * fail when it is missing, so a run without LD_PRELOAD fails. */
#ifndef TYPESLAB_TEST_PRELOAD_CHECK_H
#define TYPESLAB_TEST_PRELOAD_CHECK_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dladdr */
#endif
#include "../runtime/check.h"

#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

/* The object file that defines the global symbol name. */
static inline const char *definer(const char *name) {
  void *f = dlsym(RTLD_DEFAULT, name);
  Dl_info info;
  if (!f || !dladdr(f, &info) || !info.dli_fname)
    return "(undefined)";
  const char *slash = strrchr(info.dli_fname, '/');
  return slash ? slash + 1 : info.dli_fname;
}

static inline int from_typeslab(const char *name) {
  return strcmp(definer(name), "libtypeslab.so") == 0;
}

/* The preloaded runtime's view of p: live with at least n usable bytes.
 * glibc's malloc_usable_size would not say 0 for a foreign pointer; the
 * check of the definer comes first. */
static inline int ours(void *p, size_t n) {
  static size_t (*usable)(void *);
  if (!usable) {
    CHECK(from_typeslab("malloc_usable_size"));
    usable = (size_t (*)(void *))dlsym(RTLD_DEFAULT, "malloc_usable_size");
  }
  return p && usable(p) >= n;
}
#endif
