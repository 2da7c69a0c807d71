// Proves that runtime-sized buffers stored to u8 * or char * are untyped
// with the byte-buffer class, and that an explicit sizeof(char) is typed.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
#include "kernel.h"

// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'u8_buf': the result is a byte buffer (initialisation of 'b' of type 'unsigned char *') [byte-buffer]
u8 *u8_buf(size_t len) { u8 *b = kmalloc(len, GFP_KERNEL); return b; }
// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kzalloc' call in 'char_buf': the result is a byte buffer (assignment to 's' of type 'char *') [byte-buffer]
char *char_buf(size_t len) { char *s; s = kzalloc(len + 1, GFP_KERNEL); return s; }
// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'sized_chars' as 'char' (array, evidence: size from the front end
char *sized_chars(size_t len) { char *s = kmalloc(len * sizeof(char), GFP_KERNEL); return s; }
