/* Minimal <linux/gfp.h>: the runtime defines gfp_t and the flags. */
#ifndef _CORPUS_LINUX_GFP_H
#define _CORPUS_LINUX_GFP_H
#include <typeslab/kernel.h>
#endif
