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
#endif
