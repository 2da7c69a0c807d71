// Proves that runtime-sized buffers stored to u8 * or char * are typed as an
// array of their byte type, as clang 22 types them, with a descriptor that
// says the type holds no pointers; and that a buffer that only reaches a
// 'void *' stays untyped.
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%typeslab_pass -I %S/Inputs -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -O0 -fpass-plugin=%typeslab_pass -I %S/Inputs -S -emit-llvm -o - %s | FileCheck %s --check-prefix=IR
#include "kernel.h"

// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'u8_buf' as 'unsigned char' (array, evidence: destination from the front end
u8 *u8_buf(size_t len) { u8 *b = kmalloc(len, GFP_KERNEL); return b; }
// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kzalloc' call in 'char_buf' as 'char' (array, evidence: destination from the front end
char *char_buf(size_t len) { char *s; s = kzalloc(len + 1, GFP_KERNEL); return s; }
// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'sized_chars' as 'char' (array, evidence: size from the front end
char *sized_chars(size_t len) { char *s = kmalloc(len * sizeof(char), GFP_KERNEL); return s; }
// A const-qualified destination does not split the type.
// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'const_chars' as 'char' (array, evidence: destination from the front end
const char *const_chars(size_t len) { const char *s = kmalloc(len, GFP_KERNEL); return s; }
// Negative: nothing but a 'void *' sees the result.
struct req { size_t len; void *data; };
// CHECK: byte-buffer.c:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'void_buf': size is a runtime value and the result is only stored to a 'void *' (assignment to field 'data') [runtime-size-no-type]
void void_buf(struct req *r) { r->data = kmalloc(r->len, GFP_KERNEL); }

// The byte types' descriptors: flags 0 (no pointers), size 1, align 1.
// IR-DAG: @__typeslab_type_[[UCHAR:[0-9a-f]+]].name = {{.*}} c"unsigned char\00"
// IR-DAG: @__typeslab_type_[[CHAR:[0-9a-f]+]].name = {{.*}} c"char\00"
// IR-DAG: @__typeslab_type_[[UCHAR]] = linkonce_odr dso_local global %typeslab.type { i32 {{[0-9]+}}, i16 1, i16 0, i64 {{-?[0-9]+}}, i64 1, i64 0, i32 1, i32 0,
// IR-DAG: @__typeslab_type_[[CHAR]] = linkonce_odr dso_local global %typeslab.type { i32 {{[0-9]+}}, i16 1, i16 0, i64 {{-?[0-9]+}}, i64 1, i64 0, i32 1, i32 0,
