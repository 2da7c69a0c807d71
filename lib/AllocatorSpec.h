//===- AllocatorSpec.h - Which functions allocate, and how ------*- C++ -*-===//
//
// An allocator spec names the functions typeslab treats as allocators and
// where their size, count, flags, old-pointer and result live, plus the name
// of the typed variant a call is rewritten to and where its token goes. Two
// profiles are built in (kernel, libc); users add entries from JSON:
//
//   {"version": 1, "allocators": [
//     {"name": "pool_alloc", "typed": "pool_alloc_token",
//      "size": 1, "flags": 2, "family": "pool_alloc"}]}
//
// Argument indices are 0-based. Shared by the pass and the Clang checker.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_ALLOCATORSPEC_H
#define TYPESLAB_LIB_ALLOCATORSPEC_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace typeslab {

enum class Profile { Kernel, Libc };

/// Parses "kernel" / "libc"; std::nullopt otherwise.
std::optional<Profile> parseProfile(llvm::StringRef Name);

/// How one allocator takes its arguments. Index -1 means "absent".
struct AllocatorInfo {
  std::string Name;   ///< Callee name as it appears in the call.
  std::string Family; ///< Name shown to users (kmalloc for kmalloc_noprof).
  std::string Typed;  ///< Typed variant the call is rewritten to.
  int SizeArg = -1;   ///< Byte size, or the element size when CountArg >= 0.
  int CountArg = -1;  ///< Element count of array allocators.
  int FlagsArg = -1;  ///< gfp_t flags.
  int OldPtrArg = -1; ///< Old pointer of realloc-style allocators.
  int AlignArg = -1;  ///< Alignment of aligned allocators.
  int SrcArg = -1;    ///< Source of duplicating allocators (kmemdup).
  int ResultArg = -1; ///< Out-parameter receiving the result; -1: returned.
  int TokenArg = -1;  ///< Token position in the typed variant; -1: last.

  /// Highest argument index the entry refers to, or -1.
  int maxArgIndex() const;
  bool isArray() const { return CountArg >= 0; }
};

class AllocatorSpec {
public:
  /// The built-in entries of one profile.
  static AllocatorSpec builtin(Profile P);

  /// Adds (or replaces) entries from a JSON spec file. The error names the
  /// file, the entry and what is wrong.
  llvm::Error addFromFile(llvm::StringRef Path);
  /// Same, from text already in memory; Origin names it in errors.
  llvm::Error addFromJSON(llvm::StringRef Text, llvm::StringRef Origin);

  const AllocatorInfo *lookup(llvm::StringRef Name) const;
  /// Adds an allocator found in the code (a wrapper), replacing any entry
  /// of the same name.
  void addDerived(AllocatorInfo Info) { add(std::move(Info)); }
  /// True when Name is the typed variant of some entry.
  bool isTypedVariant(llvm::StringRef Name) const;
  const std::vector<AllocatorInfo> &entries() const { return Entries; }

private:
  void add(AllocatorInfo Info);

  std::vector<AllocatorInfo> Entries;
  llvm::StringMap<size_t> ByName;
  llvm::StringMap<size_t> ByTyped;
};

} // namespace typeslab

#endif // TYPESLAB_LIB_ALLOCATORSPEC_H
