//===- TypeIdentity.h - Name + layout identity of an allocated type -*- C++
//-*-===//
//
// A TypeIdentity is everything a descriptor carries: canonical name, size,
// alignment, flexible-array element size, pointer granules and flags, and the
// layout hash over the identity string of include/typeslab/token.h. It is
// computed from a Clang type (the front-end half, the checker) or from an IR
// type (the pass's fallback), so both give one token to one type.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_TYPEIDENTITY_H
#define TYPESLAB_LIB_TYPEIDENTITY_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class QualType;
} // namespace clang

namespace llvm {
class DataLayout;
class Type;
} // namespace llvm

namespace typeslab {

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

/// Identity of a (complete) Clang type; qualifiers and typedefs dropped.
/// Returns false for incomplete, function and void types.
bool identityFromAST(const clang::ASTContext &Ctx, clang::QualType T,
                     TypeIdentity &Out);

/// The user-facing canonical name of a Clang type (no qualifiers, no
/// source locations for anonymous records).
std::string canonicalTypeName(const clang::ASTContext &Ctx, clang::QualType T);

/// Identity of an IR type; named structs map "struct.foo.12" to
/// "struct foo". Returns false for types with no size.
bool identityFromIR(const llvm::DataLayout &DL, llvm::Type *T,
                    TypeIdentity &Out);

} // namespace typeslab

#endif // TYPESLAB_LIB_TYPEIDENTITY_H
