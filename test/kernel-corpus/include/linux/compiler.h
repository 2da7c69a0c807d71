/* Minimal <linux/compiler.h>: attributes the corpus uses. */
#ifndef _CORPUS_LINUX_COMPILER_H
#define _CORPUS_LINUX_COMPILER_H
#if defined(__has_attribute) && __has_attribute(counted_by)
#define __counted_by(member) __attribute__((counted_by(member)))
#else
#define __counted_by(member)
#endif
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define __must_check __attribute__((warn_unused_result))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __must_be_array(a) BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))
#define __is_constexpr(x)                                                      \
  (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
#endif
