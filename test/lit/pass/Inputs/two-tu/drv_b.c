/* Driver B: a different struct priv of the same name, plus the same
 * struct shared_cfg as driver A. */
#include "kernel.h"
struct priv { long x[64]; void *q; };
struct shared_cfg { long id; void *ops; };
void *drv_b_probe(void) {
  struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);
  struct shared_cfg *c = kmalloc(sizeof(*c), GFP_KERNEL);
  (void)c;
  return p;
}
