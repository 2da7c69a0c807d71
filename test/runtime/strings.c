/* The string allocators kstrdup, kstrndup, kmemdup_nul and kvasprintf, in
 * the mode TYPESLAB_MODE sets and argv[1] names: contents and NUL
 * terminator, the exact size (a page-backed copy's ksize is its request),
 * NULL for a NULL string, NULL when the copy is too large, and the token's
 * cache in isolated mode.
 * With argv[2] = "nofail", a too-large kmemdup_nul with __GFP_NOFAIL must
 * report and abort (test/runtime/CMakeLists.txt checks the line). */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

__attribute__((section(TYPESLAB_DESC_SECTION), used,
               aligned(8))) struct typeslab_type char_type = {
    TYPESLAB_DESC_MAGIC,
    TYPESLAB_DESC_VERSION,
    0,
    0x3333,
    1,
    0,
    1,
    0,
    "char",
    0};
#define TC ((typeslab_token_t)(uintptr_t)&char_type)

/* Above 8 KiB objects come from pages and ksize() is the request itself. */
#define BIG 9000
#define HUGE ((5u << 20) - 1) /* above KMALLOC_MAX_SIZE with its NUL */

static char *vfmt(typeslab_token_t tok, gfp_t gfp, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p =
      tok ? kvasprintf_token(gfp, fmt, ap, tok) : kvasprintf(gfp, fmt, ap);
  va_end(ap);
  return p;
}

static void check_contents(void) {
  char *a = kstrndup("devname", 3, GFP_KERNEL);
  CHECK(a && !strcmp(a, "dev") && ksize(a) >= 4);
  char *b = kstrndup("dev", 64, GFP_KERNEL); /* max above the length */
  CHECK(b && !strcmp(b, "dev"));
  char *c = kstrndup("dev", 0, GFP_KERNEL);
  CHECK(c && c[0] == '\0');
  /* kmemdup_nul copies len bytes, embedded NULs and all, then adds one. */
  char *d = kmemdup_nul("ab\0cdef", 5, GFP_KERNEL);
  CHECK(d && !memcmp(d, "ab\0cd", 6) && ksize(d) >= 6);
  char *e = kmemdup_nul("xyz", 0, GFP_KERNEL);
  CHECK(e && !ZERO_OR_NULL_PTR(e) && e[0] == '\0');
  char *f = vfmt(0, GFP_KERNEL, "%s-%d:%03x", "eth", 12, 0xa);
  CHECK(f && !strcmp(f, "eth-12:00a") && ksize(f) >= 11);
  char *g = vfmt(0, GFP_KERNEL, "");
  CHECK(g && g[0] == '\0');
  char *h = kstrdup("", GFP_KERNEL);
  CHECK(h && h[0] == '\0');
  kfree(a), kfree(b), kfree(c), kfree(d), kfree(e), kfree(f), kfree(g);
  kfree(h);
}

/* __GFP_ZERO changes nothing a copy shows: every byte up to the NUL is
 * written. The copies still fill a slot that held other bytes. */
static void check_zero_flag(void) {
  char *junk = kmalloc(8, GFP_KERNEL);
  memset(junk, 'J', 8);
  kfree(junk);
  char *a = kstrndup("abcdefg", 5, GFP_KERNEL | __GFP_ZERO);
  CHECK(a && !strcmp(a, "abcde"));
  char *b = kmemdup_nul("abcdefg", 5, GFP_KERNEL | __GFP_ZERO);
  CHECK(b && !strcmp(b, "abcde"));
  char *c = vfmt(0, GFP_KERNEL | __GFP_ZERO, "%d", 12345);
  CHECK(c && !strcmp(c, "12345"));
  kfree(a), kfree(b), kfree(c);
}

static void check_exact_size(void) {
  static char src[BIG + 100];
  memset(src, 'a', sizeof src - 1);
  char *a = kstrndup(src, BIG, GFP_KERNEL);
  CHECK(a && strlen(a) == BIG && ksize(a) == BIG + 1);
  char *b = kmemdup_nul(src, BIG, GFP_KERNEL);
  CHECK(b && strlen(b) == BIG && ksize(b) == BIG + 1);
  char *c = vfmt(0, GFP_KERNEL, "%.*s!", BIG - 1, src);
  CHECK(c && strlen(c) == BIG && c[BIG - 1] == '!' && ksize(c) == BIG + 1);
  char *d = kstrdup(src + 99, GFP_KERNEL); /* BIG characters */
  CHECK(d && strlen(d) == BIG && ksize(d) == BIG + 1);
  kfree(a), kfree(b), kfree(c), kfree(d);
}

static void check_null_and_failure(void) {
  CHECK(kstrdup(NULL, GFP_KERNEL) == NULL);
  CHECK(kstrdup_token(NULL, GFP_KERNEL, TC) == NULL);
  CHECK(kstrndup(NULL, 8, GFP_KERNEL) == NULL);
  CHECK(kstrndup_token(NULL, 8, GFP_KERNEL, TC) == NULL);
  CHECK(kmemdup_nul(NULL, 8, GFP_KERNEL) == NULL);
  CHECK(kmemdup_nul_token(NULL, 8, GFP_KERNEL, TC) == NULL);
  CHECK(vfmt(0, GFP_KERNEL, NULL) == NULL);
  CHECK(vfmt(TC, GFP_KERNEL, NULL) == NULL);
  /* A copy above KMALLOC_MAX_SIZE fails as kmalloc does, and len + 1 never
   * wraps to a zero-byte object. */
  static char huge[HUGE + 1];
  memset(huge, 'h', HUGE);
  CHECK(kstrdup(huge, GFP_KERNEL) == NULL);
  CHECK(kstrndup(huge, HUGE, GFP_KERNEL) == NULL);
  CHECK(kmemdup_nul(huge, HUGE, GFP_KERNEL) == NULL);
  CHECK(vfmt(0, GFP_KERNEL, "%s", huge) == NULL);
  CHECK(vfmt(TC, GFP_KERNEL, "%*d", HUGE, 1) == NULL);
  volatile size_t max = SIZE_MAX;
  CHECK(kmemdup_nul("x", max, GFP_KERNEL) == NULL);
  /* But strnlen stops at max: the bound keeps the copy small. */
  char *s = kstrndup(huge, 16, GFP_KERNEL);
  CHECK(s && strlen(s) == 16);
  kfree(s);
}

/* The token decides the cache: the char buckets in isolated mode, apart
 * from the untyped copies. */
static void check_token(int isolated) {
  char *p[4] = {kstrdup_token("a", GFP_KERNEL, TC),
                kstrndup_token("abcdef", 3, GFP_KERNEL, TC),
                kmemdup_nul_token("abcdef", 3, GFP_KERNEL, TC),
                vfmt(TC, GFP_KERNEL, "%s%d", "ab", 1)};
  char *u = kstrndup("abcdef", 3, GFP_KERNEL);
  CHECK(!strcmp(p[1], "abc") && !strcmp(p[2], "abc") && !strcmp(p[3], "ab1"));
  for (int i = 0; i < 4; ++i) {
    CHECK(p[i] && typeslab_object_token(p[i]) == TC);
    if (isolated)
      CHECK(!strncmp(typeslab_cache_name_of(p[i]), "char[", 5));
    CHECK(typeslab_slab_of(p[i]) != typeslab_slab_of(u) || !isolated);
  }
  CHECK(u && typeslab_object_token(u) == 0);
  if (isolated)
    CHECK(!strncmp(typeslab_cache_name_of(u), "kmalloc-untyped-", 16));
  for (int i = 0; i < 4; ++i)
    kfree(p[i]);
  kfree(u);
}

int main(int argc, char **argv) {
  /* TYPESLAB_MODE picks the mode; argv[1] says which one it must be. */
  CHECK(argc == 2 || argc == 3);
  CHECK(!strcmp(typeslab_mode_name(typeslab_current_mode()), argv[1]));
  if (argc == 3 && !strcmp(argv[2], "nofail")) {
    static char huge[HUGE];
    kmemdup_nul(huge, HUGE, GFP_KERNEL | __GFP_NOFAIL);
    return 0; /* not reached */
  }
  check_contents();
  check_zero_flag();
  check_exact_size();
  check_null_and_failure();
  check_token(!strcmp(argv[1], "isolated"));
  printf("strings %s: ok\n", argv[1]);
  return 0;
}
