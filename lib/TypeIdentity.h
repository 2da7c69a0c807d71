//===- TypeIdentity.h - Name + layout identity of a type --------*- C++ -*-===//
//
// A TypeIdentity is everything a descriptor carries: canonical name, size,
// alignment, flexible-array element size, pointer granules and flags, and the
// layout hash over the identity string of include/typeslab/token.h. This
// header is LLVM-only: it computes the identity of an IR type (the pass's
// fallback, e.g. under `opt -load-pass-plugin=TypeslabPass.so
// -passes=typeslab`); ASTTypeIdentity.h computes it from a Clang type (the
// front-end half under `clang -fpass-plugin=TypeslabPass.so`, the checker
// under `clang -fplugin=KmallocObjChecker.so`), so both give one token to
// one type.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_TYPEIDENTITY_H
#define TYPESLAB_LIB_TYPEIDENTITY_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class DataLayout;
class Type;
} // namespace llvm

namespace typeslab {

/// Granules beyond this are not scanned for pointers (a 512 KiB object).
inline constexpr uint64_t MaxScannedGranules = 1u << 16;

struct TypeIdentity {
  std::string Name;      ///< "struct priv", "int", "char[64]", "struct foo *".
  uint64_t Size = 0;     ///< sizeof(T); header size for flexible structs.
  uint64_t ElemSize = 0; ///< Flexible-array element size, else 0.
  uint32_t Align = 1;
  uint16_t Flags = 0; ///< enum typeslab_type_flags.
  std::vector<uint32_t> PointerGranules;
  uint64_t Hash = 0; ///< typeslab_hash64(identityString()).

  bool hasPointer() const { return !PointerGranules.empty(); }
  /// "<name>|<size>|<elem>|<g0,g1,...>" as documented in token.h.
  std::string identityString() const;
  /// Computes Hash from the other fields.
  void finalize();
};

/// Identity of an IR type; named structs map "struct.foo.12" to
/// "struct foo". Returns false for types with no size.
bool identityFromIR(const llvm::DataLayout &DL, llvm::Type *T,
                    TypeIdentity &Out);

} // namespace typeslab

#endif // TYPESLAB_LIB_TYPEIDENTITY_H
