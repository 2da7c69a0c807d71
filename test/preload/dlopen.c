/* A library loaded with dlopen allocates and frees through the preloaded
 * runtime: in its constructor, for the program, and on the program's
 * memory; its objects outlive dlclose. argv[1] is the library's path. */
#include "preload_check.h"

#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  CHECK(argc == 2);
  void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 1;
  }
  void **at_load = dlsym(h, "plugin_made_at_load");
  void *(*give)(size_t) = (void *(*)(size_t))dlsym(h, "plugin_give");
  void (*take)(void *) = (void (*)(void *))dlsym(h, "plugin_take");
  char *(*dup)(const char *) = (char *(*)(const char *))dlsym(h, "plugin_strdup");
  CHECK(at_load && give && take && dup);
  unsigned char *loaded = *at_load;
  CHECK(ours(loaded, 200) && loaded[199] == 0x5a);
  unsigned char *g = give(5000);
  CHECK(ours(g, 5000) && g[4999] == 0xa5);
  char *s = dup("from the plugin");
  CHECK(ours(s, 16) && !strcmp(s, "from the plugin"));
  void *mine = malloc(300);
  CHECK(ours(mine, 300));
  take(mine);
  CHECK(!ours(mine, 1)); /* freed by the library: no longer live */
  CHECK(dlclose(h) == 0);
  free(loaded);
  free(g);
  free(s);
  puts("dlopen: ok");
  return 0;
}
