#include "pool.h"

struct item *one(void) {
  struct item *it = kmalloc(sizeof(struct item), GFP_KERNEL);
  return it;
}
