/* One typed allocation through a spec allocator, for the ccache and distcc
 * tests. */
typedef unsigned long size_t;
void *pool_alloc(size_t size, unsigned flags);
struct item { long a, b; };
struct item *item_new(void) {
  struct item *it = pool_alloc(sizeof(*it), 0);
  return it;
}
