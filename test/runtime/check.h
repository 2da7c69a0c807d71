/* Tiny assertion helpers for the runtime tests: a failed CHECK prints the
 * expression and line and exits 1. */
#ifndef TYPESLAB_TEST_CHECK_H
#define TYPESLAB_TEST_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#define CHECK(e)                                                               \
  do {                                                                         \
    if (!(e)) {                                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #e);    \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)
/* The profile TYPESLAB_PROFILE names, as typeslab_init() options: the
 * tests that pass options of their own follow the environment too. */
#include <string.h>
static inline unsigned test_profile(void) {
  const char *p = getenv("TYPESLAB_PROFILE");
  return p && !strcmp(p, "fast") ? 1u << 3 /* TYPESLAB_OPT_FAST */ : 0;
}
#endif
