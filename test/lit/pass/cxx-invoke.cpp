// Proves that an allocator call that C++ exception handling turns into an
// invoke stays an invoke of the typed variant, with the same normal and
// unwind destinations, the call's attributes and its debug location, at -O0
// and -O2, and that the result passes the IR verifier (-typeslab-verify).
// RUN: %clang -x c++ -std=c++17 -fexceptions -fcxx-exceptions -O0 -g -fpass-plugin=%typeslab_pass -mllvm -typeslab-verify -S -emit-llvm -o - %s | FileCheck %s
// RUN: %clang -x c++ -std=c++17 -fexceptions -fcxx-exceptions -O2 -g -fpass-plugin=%typeslab_pass -mllvm -typeslab-verify -S -emit-llvm -o - %s | FileCheck %s
typedef unsigned long size_t;
typedef unsigned int gfp_t;
extern "C" void *kmalloc(size_t size, gfp_t flags) noexcept(false);
extern "C" void kfree(const void *p);

struct guard {
  ~guard();
};
struct frame {
  frame *up;
  int depth;
};

// CHECK-LABEL: define {{.*}}@_Z9new_framev(
// CHECK: invoke {{.*}}ptr @kmalloc_token(i64 noundef 16, i32 noundef 3264, i64 ptrtoint (ptr @__typeslab_type_{{[0-9a-f]+}} to i64))
// CHECK-NEXT: to label %[[CONT:[a-z0-9._]+]] unwind label %[[LPAD:[a-z0-9._]+]], !dbg ![[LOC:[0-9]+]]
// CHECK: {{^}}[[LPAD]]:
// CHECK-NEXT: landingpad
// CHECK-NOT: @kmalloc(
// CHECK: ![[LOC]] = !DILocation(line: [[@LINE+4]],
frame *new_frame() {
  guard g;
  frame *f = static_cast<frame *>(
      kmalloc(sizeof(frame), 0xcc0u));
  f->up = nullptr;
  f->depth = 0;
  return f;
}
