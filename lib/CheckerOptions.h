//===- CheckerOptions.h - The checker's checks and options ------*- C++ -*-===//
//
// The checks of the KmallocObjChecker plugin, their kebab-case names and the
// plugin arguments that silence them, promote them to errors or tune the
// fix-its:
//
//   clang -fplugin=KmallocObjChecker.so
//         -fplugin-arg-kmalloc_obj-no-untyped
//         -fplugin-arg-kmalloc_obj-error-sizeof-pointer
//         -fplugin-arg-kmalloc_obj-drop-gfp-kernel ...
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_CHECKEROPTIONS_H
#define TYPESLAB_LIB_CHECKEROPTIONS_H

#include "AllocatorSpec.h"

#include "llvm/ADT/StringRef.h"

#include <array>
#include <string>
#include <vector>

namespace typeslab {

/// The plugin's name: -fplugin-arg-<name>-<arg>. No dash: the driver splits
/// the plugin name from the argument at the first one.
constexpr const char CheckerPluginName[] = "kmalloc_obj";

enum class Check {
  // Bugs.
  SizeofPointer,
  UndersizedStruct,
  OpenCodedMultiply,
  CountedByUnset,
  MemsetAfterAlloc,
  // Conversions to the kmalloc_obj family.
  UseKmallocObj,
  UseKmallocObjs,
  UseKmallocFlex,
  // Sites the pass will leave untyped (a remark).
  Untyped,
};
constexpr unsigned NumChecks = static_cast<unsigned>(Check::Untyped) + 1;

llvm::StringRef checkName(Check C);

enum class Severity { Off, Default, Error };

struct CheckerOptions {
  std::array<Severity, NumChecks> Level;
  bool DropGfpKernel = false; ///< Omit an explicit GFP_KERNEL in fix-its.
  Profile AllocProfile = Profile::Kernel;
  std::string SpecFile; ///< JSON allocator spec added to the profile.

  CheckerOptions() { Level.fill(Severity::Default); }
  Severity level(Check C) const { return Level[static_cast<unsigned>(C)]; }

  /// Applies the plugin arguments in order; returns the first bad one's
  /// message, or "".
  std::string parse(const std::vector<std::string> &Args);
};

} // namespace typeslab

#endif // TYPESLAB_LIB_CHECKEROPTIONS_H
