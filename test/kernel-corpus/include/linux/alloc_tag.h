/* Minimal <linux/alloc_tag.h>: alloc_hooks() in the shape of 6.10+ with
 * memory allocation profiling, a typeof(call) local set in both arms. */
#ifndef _CORPUS_LINUX_ALLOC_TAG_H
#define _CORPUS_LINUX_ALLOC_TAG_H
extern int mem_alloc_profiling_key;
#ifdef CORPUS_NO_ALLOC_HOOKS
#define alloc_hooks(_do_alloc) (_do_alloc)
#else
#define alloc_hooks(_do_alloc)                                                 \
  ({                                                                           \
    typeof(_do_alloc) _res;                                                    \
    if (mem_alloc_profiling_key)                                               \
      _res = _do_alloc;                                                        \
    else                                                                       \
      _res = _do_alloc;                                                        \
    _res;                                                                      \
  })
#endif
#endif
