/* Driver A: its own struct priv, plus the shared struct shared_cfg. */
#include "kernel.h"
struct priv { int a; char *p; };
struct shared_cfg { long id; void *ops; };
void record(const char *who, const void *obj, unsigned long token);
void *drv_a_probe(void) {
  struct priv *p = kmalloc(sizeof(*p), GFP_KERNEL);
  struct shared_cfg *c = kmalloc(sizeof(*c), GFP_KERNEL);
  (void)c;
  return p;
}
