//===- FrontendHost.h - How the pass and front-end modules meet -*- C++ -*-===//
//
// typeslab ships as two modules so that opt can load the pass:
//
//   TypeslabPass.so     the pass, the -typeslab-* options and the verdict
//                       store; links LLVM only. Loads into opt and clang.
//   TypeslabFrontend.so the front-end half (a Clang plugin action); links
//                       libclang-cpp, which cannot be loaded into opt (both
//                       define the option pgo-cold-func-opt).
//
// When TypeslabPass.so is loaded into a process that already has Clang
// (cc1, through -fpass-plugin= or -fplugin=), it loads TypeslabFrontend.so
// from its own folder (FrontendLoader.cpp) and calls the attach function
// below with a FrontendHost. The front end then fills the pass's store and
// reads the pass's options and spec through it, so the options stay
// registered once and both halves see one store. Users keep naming only
// TypeslabPass.so:
//
//   clang -O2 -fpass-plugin=TypeslabPass.so -c foo.c
//   opt -load-pass-plugin=TypeslabPass.so -passes=typeslab -S foo.ll
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_FRONTENDHOST_H
#define TYPESLAB_LIB_FRONTENDHOST_H

#include "PassOptions.h"
#include "VerdictStore.h"

#include <string>

namespace typeslab {

/// Raised whenever FrontendHost or the types it carries change shape.
inline constexpr unsigned FrontendHostVersion = 1;

struct FrontendHost {
  unsigned Version = FrontendHostVersion;
  unsigned Size = sizeof(FrontendHost);
  VerdictStore *Store = nullptr;
  PassOptions (*Options)() = nullptr;
  const AllocatorSpec *(*Spec)(std::string &Error) = nullptr;
};

/// File name of the front-end module, looked up next to TypeslabPass.so.
inline constexpr const char FrontendModuleName[] = "TypeslabFrontend.so";
/// The attach function TypeslabFrontend.so exports.
inline constexpr const char FrontendAttachSymbol[] = "typeslab_frontend_attach";

} // namespace typeslab

/// Registers the front-end action with Clang, bound to Host (which must
/// outlive the process). Returns false, registering nothing, when Host was
/// built from another FrontendHost layout.
extern "C" bool typeslab_frontend_attach(const typeslab::FrontendHost *Host);

#endif // TYPESLAB_LIB_FRONTENDHOST_H
