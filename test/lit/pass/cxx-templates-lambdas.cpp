// Proves that allocation sites in C++ templates get one front-end verdict
// per instantiation, typed with the instantiated type, that sites in lambdas
// and in member functions get verdicts of their own function, and that
// remarks name functions demangled.
// RUN: %clang -x c++ -std=c++17 -O0 -fpass-plugin=%typeslab_pass -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -x c++ -std=c++17 -O2 -fpass-plugin=%typeslab_pass -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s
// RUN: %clang -x c++ -std=c++17 -O0 -fpass-plugin=%typeslab_pass -Rpass=typeslab -Rpass-missed=typeslab -c -o /dev/null %s 2>&1 | FileCheck %s --check-prefix=NOT
typedef unsigned long size_t;
extern "C" void *kmalloc(size_t size, unsigned flags);

struct Pod { long a; void *b; };
struct Big { long x[8]; };

template <typename T> struct Alloc {
  // CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+2]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'Alloc<Pod>::one()' as 'Pod' (single, evidence: size+cast
  // CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'Alloc<Big>::one()' as 'Big' (single, evidence: size+cast
  T *one() { return static_cast<T *>(kmalloc(sizeof(T), 0)); }
};

// CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+2]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'Pod* make<Pod>(unsigned long)' as 'Pod' (array, evidence: size+cast
// CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'Big* make<Big>(unsigned long)' as 'Big' (array, evidence: size+cast
template <typename T> T *make(size_t n) { return static_cast<T *>(kmalloc(n * sizeof(T), 0)); }

struct Holder {
  // CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'Holder::get()' as 'Big' (single, evidence: size+cast
  Big *get() { return static_cast<Big *>(kmalloc(sizeof(Big), 0)); }
};

// A lambda in an inline function or a template has a mangled name of its own.
inline Big *inline_lambda() {
  // CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'inline_lambda()::'lambda'()::operator()() const' as 'Big' (single, evidence: size+cast
  auto lam = [] { return static_cast<Big *>(kmalloc(sizeof(Big), 0)); };
  return lam();
}
template <typename T> T *templ_lambda() {
  // CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: typed 'kmalloc' call in 'Pod* templ_lambda<Pod>()::'lambda'()::operator()() const' as 'Pod' (single, evidence: size+cast
  auto lam = [] { return static_cast<T *>(kmalloc(sizeof(T), 0)); };
  return lam();
}

Pod *use_all(Holder &h, size_t n) {
  Alloc<Pod> a;
  Alloc<Big> b;
  // A lambda of a plain function is '$_N', numbered by codegen in an order
  // the front end does not see: it gets no verdict (never another lambda's),
  // so the IR rules decide.
  // CHECK-DAG: cxx-templates-lambdas.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: untyped 'kmalloc' call in 'use_all(Holder&, unsigned long)::$_0::operator()() const': no front-end verdict
  auto lam = [] { return static_cast<Pod *>(kmalloc(sizeof(Pod), 0)); };
  b.one();
  make<Big>(n);
  h.get();
  inline_lambda();
  templ_lambda<Pod>();
  Pod *p = make<Pod>(n);
  return p ? p : lam() ? lam() : a.one();
}
// No name is mangled.
// NOT-NOT: '_Z
