/* Records the token of every typed call and prints the descriptor it names,
 * so the test can compare descriptors across translation units. */
#include <stdio.h>
#include <stdlib.h>
#include "typeslab/token.h"

static void show(const char *site, typeslab_token_t token) {
  const struct typeslab_type *d = (const struct typeslab_type *)token;
  printf("%s desc=%p name='%s' size=%llu magic_ok=%d\n", site, (void *)d,
         d->name, (unsigned long long)d->size,
         d->magic == TYPESLAB_DESC_MAGIC);
}
static int n;
void *kmalloc_token(unsigned long size, unsigned flags, typeslab_token_t t) {
  (void)flags;
  char site[16];
  snprintf(site, sizeof site, "call%d", n++);
  show(site, t);
  return calloc(1, size);
}
void *kzalloc_token(unsigned long size, unsigned flags, typeslab_token_t t) {
  return kmalloc_token(size, flags, t);
}
int alloc_profiling;
void *drv_a_probe(void);
void *drv_b_probe(void);
extern const struct typeslab_type __start_typeslab_types[];
extern const struct typeslab_type __stop_typeslab_types[];
int main(void) {
  drv_a_probe();
  drv_b_probe();
  printf("descriptors=%ld\n",
         (long)(__stop_typeslab_types - __start_typeslab_types));
  return 0;
}
