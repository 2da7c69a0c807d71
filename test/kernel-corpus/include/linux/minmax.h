/* Minimal <linux/minmax.h>: type-checked, single-evaluation min/max. */
#ifndef _CORPUS_LINUX_MINMAX_H
#define _CORPUS_LINUX_MINMAX_H
#define __cmp_once(op, x, y)                                                   \
  ({                                                                           \
    typeof(x) __x = (x);                                                       \
    typeof(y) __y = (y);                                                       \
    __x op __y ? __x : __y;                                                    \
  })
#define max(x, y) __cmp_once(>, x, y)
#define min(x, y) __cmp_once(<, x, y)
#define max_t(type, x, y) max((type)(x), (type)(y))
#endif
