// Proves that the checker handles the kernel's string copies, which have no
// size argument (kstrndup, kvasprintf) or a length that is not the whole
// size (kmemdup_nul): 'char *' destinations and byte sources are quiet,
// what the pass leaves untyped is a remark with the pass's reason, and no
// sizeof or memset check fires on a copy (a memset of a fresh copy is not
// a kzalloc in disguise, and sizeof(s) measures a string, not an object).
// RUN: %clang -O0 -fsyntax-only -Xclang -verify -I %typeslab_include -fplugin=%typeslab_checker %s
// RUN: %clang -O2 -fsyntax-only -Xclang -verify -I %typeslab_include -fplugin=%typeslab_checker %s
#include <string.h>
#include <typeslab/kernel.h>

struct node {
  size_t len;
  void *data;
  void *blob;
  char *name;
};

void set_name(struct node *n, const char *s) {
  n->name = kstrndup(s, 16, GFP_KERNEL);
}

void set_name_len(struct node *n, const char *s) {
  n->name = kmemdup_nul(s, n->len, GFP_KERNEL);
}

char *format_name(const char *fmt, va_list ap) {
  return kvasprintf(GFP_KERNEL, fmt, ap);
}

void keep_copy(struct node *n, const char *s) {
  n->blob = kstrndup(s, n->len, GFP_KERNEL);
}

void format_blob(struct node *n, const char *fmt, va_list ap) {
  // expected-remark@+1 {{untyped 'kvasprintf' call in 'format_blob': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'blob') [runtime-size-no-type]}}
  n->blob = kvasprintf(GFP_KERNEL, fmt, ap);
}

void copy_blob(struct node *n) {
  // expected-remark@+1 {{untyped 'kmemdup_nul' call in 'copy_blob': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'blob') [runtime-size-no-type]}}
  n->blob = kmemdup_nul(n->data, n->len, GFP_KERNEL);
}

void pointer_sized(struct node *n, const char *s) {
  n->name = kmemdup_nul(s, sizeof(s), GFP_KERNEL);
}

void cleared_copy(struct node *n, const char *s) {
  char *p = kmemdup_nul(s, 10, GFP_KERNEL);
  memset(p, 0, 10);
  n->name = p;
}
