// Proves that in C++ the checker checks each template instantiation with its
// own types and never the dependent pattern (whose 'type-parameter-0-0' is no
// type), and proposes no kmalloc_obj conversion: that family is C macros.
// RUN: %clang -x c++ -std=c++17 -O0 -fsyntax-only -Xclang -verify -fplugin=%typeslab_checker %s
// RUN: %clang -x c++ -std=c++17 -O2 -fsyntax-only -Xclang -verify -fplugin=%typeslab_checker %s
typedef unsigned long size_t;
extern "C" void *kmalloc(size_t size, unsigned flags);
extern "C" void *kzalloc(size_t size, unsigned flags);

struct Pod { long a; void *b; };
struct Big { long x[8]; };
struct Opaque;

template <typename T> struct Alloc {
  T *one() { return static_cast<T *>(kmalloc(sizeof(T), 0)); }
  // expected-remark@+1 {{untyped 'kzalloc' call in 'bytes': size is a constant with no type and the result is only stored to a 'void *' (return from 'bytes') [constant-size-no-type]}}
  void *bytes() { return kzalloc(64, 0); }
};

Pod *plain() { return static_cast<Pod *>(kmalloc(sizeof(Pod), 0)); }

void *use() {
  Alloc<Pod> a;
  Alloc<Big> b;
  return a.one() && b.one() && plain() ? a.bytes() : b.bytes();
}
