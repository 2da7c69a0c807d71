//===- CheckerOptions.cpp - Checks and options of KmallocObjChecker -------===//
//
// Parses the -fplugin-arg-kmalloc_obj-* arguments:
//   no-<check> / error-<check>    silence a check, or make it an error
//   no-all / error-all            the same for every check
//   drop-gfp-kernel               omit an explicit GFP_KERNEL in fix-its
//   profile=kernel|libc           the built-in allocator set
//   spec=<file>                   a JSON allocator spec added to it
//
//===----------------------------------------------------------------------===//
#include "CheckerOptions.h"

namespace typeslab {

llvm::StringRef checkName(Check C) {
  static constexpr const char *Names[NumChecks] = {
      "sizeof-pointer",   "undersized-struct",  "open-coded-multiply",
      "counted-by-unset", "memset-after-alloc", "use-kmalloc-obj",
      "use-kmalloc-objs", "use-kmalloc-flex",   "untyped",
  };
  return Names[static_cast<unsigned>(C)];
}

std::string CheckerOptions::parse(const std::vector<std::string> &Args) {
  for (const std::string &Arg : Args) {
    llvm::StringRef A(Arg);
    if (A == "drop-gfp-kernel") {
      DropGfpKernel = true;
      continue;
    }
    if (A.consume_front("profile=")) {
      std::optional<Profile> P = parseProfile(A);
      if (!P)
        return "unknown profile '" + A.str() + "' (kernel or libc)";
      AllocProfile = *P;
      continue;
    }
    if (A.consume_front("spec=")) {
      SpecFile = A.str();
      continue;
    }
    Severity S;
    if (A.consume_front("no-"))
      S = Severity::Off;
    else if (A.consume_front("error-"))
      S = Severity::Error;
    else
      return "unknown argument '" + Arg + "'";
    bool Found = false;
    for (unsigned I = 0; I < NumChecks; ++I)
      if (A == "all" || A == checkName(static_cast<Check>(I))) {
        Level[I] = S;
        Found = true;
      }
    if (!Found)
      return "unknown check '" + A.str() + "' in '" + Arg + "'";
  }
  return "";
}

} // namespace typeslab
