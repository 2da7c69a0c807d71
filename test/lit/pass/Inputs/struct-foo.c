/* The front end's view of alloc-token-md-tagless.ll's 'struct foo'. */
#include "kernel.h"

struct foo {
  int a;
  void *p;
};

struct foo *fits(void) { return kmalloc(sizeof(struct foo), GFP_KERNEL); }
