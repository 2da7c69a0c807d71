#!/usr/bin/env python3
"""Writes a large kernel-style C translation unit for compile-time benchmarks.

Each of N "drivers" has its own private struct, a flexible-array message
type, list handling and a mix of allocation sites (sizeof(*p), arrays,
struct_size-like sizes, byte buffers) between ordinary code, so that the
pass's share of the compile is measured on realistic density.
  gen_tu.py N > big.c
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
out = sys.stdout
out.write("""typedef unsigned long size_t;
typedef unsigned int gfp_t;
typedef unsigned char u8;
#define GFP_KERNEL 0xcc0u
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void kfree(const void *p);
struct list_head { struct list_head *next, *prev; };
static inline void list_add(struct list_head *n, struct list_head *h) {
  n->next = h->next; n->prev = h; h->next->prev = n; h->next = n;
}
""")
for i in range(n):
    out.write(f"""
struct drv{i}_priv {{ int id; unsigned flags; void *regs; struct list_head node; long stats[{i % 7 + 1}]; }};
struct drv{i}_msg {{ unsigned len; struct drv{i}_priv *owner; u8 data[]; }};
static struct list_head drv{i}_list = {{ &drv{i}_list, &drv{i}_list }};
static unsigned long drv{i}_checksum(const u8 *b, size_t len) {{
  unsigned long h = {i}u;
  for (size_t k = 0; k < len; ++k) h = h * 31u + b[k] + (h >> 7);
  return h;
}}
struct drv{i}_priv *drv{i}_probe(int id, size_t nbuf, size_t len) {{
  struct drv{i}_priv *p = kzalloc(sizeof(*p), GFP_KERNEL);
  if (!p) return 0;
  p->id = id;
  p->regs = kmalloc(len, GFP_KERNEL);
  long *tbl = kmalloc_array(nbuf, sizeof(long), GFP_KERNEL);
  struct drv{i}_msg *m = kmalloc(sizeof(*m) + len * sizeof(u8), GFP_KERNEL);
  if (!tbl || !m || !p->regs) {{ kfree(tbl); kfree(m); kfree(p->regs); kfree(p); return 0; }}
  for (size_t k = 0; k < nbuf; ++k) tbl[k] = (long)(k * {i + 3});
  m->len = (unsigned)len; m->owner = p;
  for (size_t k = 0; k < len; ++k) m->data[k] = (u8)(k ^ {i & 255});
  p->stats[0] = (long)drv{i}_checksum(m->data, len) + tbl[nbuf ? nbuf - 1 : 0];
  list_add(&p->node, &drv{i}_list);
  kfree(tbl); kfree(m);
  return p;
}}
""")
