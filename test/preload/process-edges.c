/* Allocations at the edges of a process's life are the runtime's and stay
 * sound: in a preinit_array function (before any library's constructor),
 * in a constructor, then after main in an atexit handler and in a
 * destructor, which free the early objects and allocate again. The last
 * step prints "process-edges: ok"; a failed check exits 1 first. */
#include "preload_check.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *Preinit, *Ctor, *ForExit;

static void check_string(const char *p, const char *want) {
  if (!ours((void *)p, strlen(want) + 1) || strcmp(p, want)) {
    fprintf(stderr, "lost '%s'\n", want);
    _exit(1);
  }
}

static void at_preinit(void) {
  Preinit = malloc(32);
  if (Preinit)
    strcpy(Preinit, "preinit");
}
__attribute__((section(".preinit_array"), used)) static void (*const
    PreinitEntry)(void) = at_preinit;

__attribute__((constructor)) static void at_ctor(void) {
  Ctor = strdup("constructor");
}

static void at_exit_handler(void) {
  check_string(ForExit, "for the exit handler");
  free(ForExit);
  free(Preinit);
  ForExit = malloc(5000);
  strcpy(ForExit, "from the exit handler");
  check_string(ForExit, "from the exit handler");
}

__attribute__((destructor)) static void at_dtor(void) {
  check_string(ForExit, "from the exit handler");
  free(ForExit);
  char *p = calloc(10, 100);
  if (!ours(p, 1000) || p[999]) {
    fputs("calloc in a destructor\n", stderr);
    _exit(1);
  }
  free(p);
  const char ok[] = "process-edges: ok\n";
  if (write(1, ok, sizeof ok - 1) != sizeof ok - 1)
    _exit(1);
}

int main(void) {
  check_string(Preinit, "preinit");
  check_string(Ctor, "constructor");
  free(Ctor);
  ForExit = strdup("for the exit handler");
  CHECK(atexit(at_exit_handler) == 0);
  return 0;
}
