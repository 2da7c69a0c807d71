/* The slot arithmetic of the fast paths (ts_slot_of in runtime/internal.h)
 * is exact: for every object size a slab can hold (multiples of 16 up to
 * 32 KiB) and every offset in a 64 KiB slab, the slot index is
 * offset / size and "a slot's start" holds exactly when size divides the
 * offset. A wrong slot would free or hand out the wrong object.
 */
#include "check.h"
#include "internal.h"

int main(void) {
  long wrong = 0;
  for (uint32_t size = 16; size <= TS_SLAB_SIZE / 2; size += 16) {
    struct ts_slab s = {.objsize = size,
                        .recip = (uint32_t)((1ull << 32) / size + 1)};
    for (uint32_t off = 0; off < TS_SLAB_SIZE; ++off) {
      bool exact;
      uint32_t slot = ts_slot_of(&s, (const void *)(uintptr_t)off, &exact);
      wrong += slot != off / size || exact != (off % size == 0);
    }
  }
  CHECK(wrong == 0);
  printf("slot-math: every size and offset exact\n");
  return 0;
}
