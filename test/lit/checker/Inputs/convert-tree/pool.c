#include "pool.h"

struct pool *pool_create(size_t n) {
  struct pool *p = kzalloc(sizeof(*p), GFP_KERNEL);
  if (!p)
    return NULL;
  p->items = kmalloc_array(n, sizeof(struct item), GFP_KERNEL);
  p->spare = kmalloc(sizeof(struct item), GFP_ATOMIC);
  return p;
}
