/* Minimal <linux/kernel.h>. */
#ifndef _CORPUS_LINUX_KERNEL_H
#define _CORPUS_LINUX_KERNEL_H
#include <linux/align.h>
#include <linux/compiler.h>
#include <linux/minmax.h>
#include <linux/types.h>
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))
#define container_of(ptr, type, member)                                        \
  ((type *)((char *)(ptr) - offsetof(type, member)))
#define PAGE_SIZE 4096ul
#endif
