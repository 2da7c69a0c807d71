//===- FrontendLoader.cpp - Loads the front-end half into Clang -----------===//
//
// TypeslabPass.so's side of FrontendHost.h. At load time, a static
// initializer checks whether the process already has Clang (libclang-cpp is
// loaded: clang's cc1, which loads -fplugin= and -fpass-plugin= libraries
// before it creates the frontend action). If so, it loads TypeslabFrontend.so
// from the folder TypeslabPass.so was loaded from and attaches it to the
// verdict store below; opt, which has no Clang, loads nothing more and the
// pass uses its IR rules. A missing or foreign front-end module is kept as an
// error that the pass reports when it runs, unless -typeslab-frontend=false.
//
//   clang -O2 -fpass-plugin=TypeslabPass.so -c foo.c    # both halves
//   opt -load-pass-plugin=TypeslabPass.so -passes=typeslab -S foo.ll
//
//===----------------------------------------------------------------------===//
#include "FrontendLoader.h"

#include "FrontendHost.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>

namespace typeslab {

VerdictStore &VerdictStore::get() {
  static VerdictStore Store;
  return Store;
}

namespace {

struct LoadState {
  FrontendLoad Status = FrontendLoad::NoClang;
  std::string Error;
};

LoadState &state() {
  static LoadState S;
  return S;
}

/// TYPESLAB_FRONTEND_MODULE in the folder of Path, or "".
std::string siblingOf(const char *Path) {
  if (!Path || !*Path)
    return "";
  llvm::SmallString<256> P(llvm::sys::path::parent_path(Path));
  llvm::sys::path::append(P, FrontendModuleName);
  return std::string(P);
}

/// Where to look: next to TypeslabPass.so as it was named when loaded, then
/// next to the file it resolves to (a symlink into a build folder).
std::vector<std::string> candidates() {
  std::vector<std::string> Paths;
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&state), &Info) || !Info.dli_fname)
    return Paths;
  Paths.push_back(siblingOf(Info.dli_fname));
  char Real[PATH_MAX];
  if (realpath(Info.dli_fname, Real)) {
    std::string R = siblingOf(Real);
    if (R != Paths.front())
      Paths.push_back(R);
  }
  return Paths;
}

bool clangIsLoaded() {
  void *H = dlopen(TYPESLAB_CLANG_SONAME, RTLD_LAZY | RTLD_NOLOAD);
  if (!H)
    return false;
  dlclose(H); // RTLD_NOLOAD took a reference.
  return true;
}

void load() {
  LoadState &S = state();
  if (!clangIsLoaded())
    return;
  std::vector<std::string> Paths = candidates();
  if (Paths.empty()) {
    S.Status = FrontendLoad::Failed;
    S.Error = std::string("cannot find the front-end half ") +
              FrontendModuleName + ": the folder of the typeslab pass "
              "library is unknown";
    return;
  }
  void *Module = nullptr;
  std::string Tried, Why;
  for (const std::string &P : Paths) {
    Module = dlopen(P.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (Module) {
      Tried = P;
      break;
    }
    const char *E = dlerror();
    if (Why.empty()) {
      Tried = P;
      Why = E ? E : "unknown error";
      // dlerror() names the file first; the message names it already.
      llvm::StringRef W(Why);
      if (W.consume_front(P) && W.consume_front(": "))
        Why = W.str();
    }
  }
  if (!Module) {
    S.Status = FrontendLoad::Failed;
    S.Error = "cannot load the front-end half '" + Tried + "' (" + Why + ")";
    return;
  }
  auto *Attach = reinterpret_cast<bool (*)(const FrontendHost *)>(
      dlsym(Module, FrontendAttachSymbol));
  static FrontendHost Host;
  Host.Store = &VerdictStore::get();
  Host.Options = currentOptions;
  Host.Spec = activeSpec;
  if (!Attach || !Attach(&Host)) {
    S.Status = FrontendLoad::Failed;
    S.Error = "the front-end half '" + Tried +
              "' does not belong to this typeslab pass library (rebuild "
              "both)";
    return;
  }
  S.Status = FrontendLoad::Loaded;
}

struct LoadAtStartup {
  LoadAtStartup() { load(); }
} Loader;

} // namespace

FrontendLoad frontendLoad(std::string &Error) {
  Error = state().Error;
  return state().Status;
}

} // namespace typeslab
