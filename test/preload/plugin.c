/* A library the dlopen test loads: it allocates in its constructor, hands
 * out memory and frees memory the program allocated, all through whatever
 * malloc the process has (libtypeslab.so under LD_PRELOAD). */
#include <stdlib.h>
#include <string.h>

void *plugin_made_at_load;
void *plugin_give(size_t n);
void plugin_take(void *p);
char *plugin_strdup(const char *s);

__attribute__((constructor)) static void plugin_load(void) {
  plugin_made_at_load = malloc(200);
  memset(plugin_made_at_load, 0x5a, 200);
}

void *plugin_give(size_t n) {
  void *p = malloc(n);
  memset(p, 0xa5, n);
  return p;
}

void plugin_take(void *p) { free(p); }

char *plugin_strdup(const char *s) { return strdup(s); }
