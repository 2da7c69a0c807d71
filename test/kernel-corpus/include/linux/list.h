/* Minimal <linux/list.h>: circular doubly linked lists. */
#ifndef _CORPUS_LINUX_LIST_H
#define _CORPUS_LINUX_LIST_H
#include <linux/kernel.h>
struct list_head {
  struct list_head *next, *prev;
};
#define LIST_HEAD_INIT(name) {&(name), &(name)}
static inline void INIT_LIST_HEAD(struct list_head *l) { l->next = l->prev = l; }
static inline void list_add(struct list_head *n, struct list_head *h) {
  n->next = h->next;
  n->prev = h;
  h->next->prev = n;
  h->next = n;
}
static inline void list_add_tail(struct list_head *n, struct list_head *h) {
  list_add(n, h->prev);
}
static inline void list_del(struct list_head *e) {
  e->prev->next = e->next;
  e->next->prev = e->prev;
}
static inline int list_empty(const struct list_head *h) { return h->next == h; }
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_for_each_safe(pos, n, head)                                       \
  for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#endif
