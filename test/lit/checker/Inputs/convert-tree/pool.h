#include <typeslab/kernel.h>
#include <typeslab/kmalloc_obj.h>

struct item {
  long key;
  void *val;
};
struct pool {
  struct item *items;
  struct item *spare;
};
