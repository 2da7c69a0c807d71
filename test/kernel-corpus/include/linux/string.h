/* Minimal <linux/string.h>: the C library's, plus kstrdup. */
#ifndef _CORPUS_LINUX_STRING_H
#define _CORPUS_LINUX_STRING_H
#include <string.h>
#include <typeslab/kernel.h>
#endif
