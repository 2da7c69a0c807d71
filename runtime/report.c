/*===- runtime/report.c - The one way misuse is reported ------------------===*
 *
 * Every detected misuse prints exactly one line to stderr:
 *   typeslab: <error> of 0x<pointer> in cache '<name>' (size <objsize>)
 * (or "... (not a typeslab object)" when no cache owns the pointer), then
 * aborts, unless TYPESLAB_ON_ERROR=continue / TYPESLAB_OPT_CONTINUE.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void ts_report(const char *error, const void *p, const struct ts_cache *c) {
  char line[256];
  int n;
  if (c)
    n = snprintf(line, sizeof line,
                 "typeslab: %s of %p in cache '%s' (size %u)\n", error, p,
                 c->name, c->objsize);
  else
    n = snprintf(line, sizeof line,
                 "typeslab: %s of %p (not a typeslab object)\n", error, p);
  if (n > 0) {
    ssize_t w = write(2, line, (size_t)n < sizeof line ? (size_t)n
                                                         : sizeof line - 1);
    (void)w;
  }
  ts.errors++;
  if (!(ts.options & TYPESLAB_OPT_CONTINUE))
    abort();
}

size_t typeslab_error_count(void) { return ts.errors; }
