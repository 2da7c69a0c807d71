//===- TypeIdentity.cpp - Identity strings and IR type identity -----------===//
//
// Builds the identity string of include/typeslab/token.h and its hash for
// any TypeIdentity, and computes the identity of an IR type (the pass's
// fallback when no front-end verdict exists, e.g. under
// `opt -load-pass-plugin=TypeslabPass.so -passes=typeslab`). LLVM-only (part
// of typeslabLLVM); the identity of a Clang type is ASTTypeIdentity.cpp's.
//
//===----------------------------------------------------------------------===//
#include "TypeIdentity.h"

#include "typeslab/token.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/Support/raw_ostream.h"

namespace typeslab {

std::string TypeIdentity::identityString() const {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << Name << '|' << Size << '|' << ElemSize << '|';
  for (size_t I = 0; I < PointerGranules.size(); ++I)
    OS << (I ? "," : "") << PointerGranules[I];
  return S;
}

void TypeIdentity::finalize() {
  llvm::sort(PointerGranules);
  PointerGranules.erase(llvm::unique(PointerGranules), PointerGranules.end());
  if (!PointerGranules.empty())
    Flags |= TYPESLAB_F_HAS_POINTER;
  std::string Id = identityString();
  Hash = typeslab_hash64(Id.data(), Id.size());
}

/// "struct.foo.12" -> "struct foo"; "union.u" -> "union u".
static std::string nameFromIRStruct(llvm::StructType *ST) {
  if (!ST->hasName())
    return "struct (literal)";
  llvm::StringRef N = ST->getName();
  std::string Kind = "struct";
  if (N.consume_front("struct.")) {
  } else if (N.consume_front("union.")) {
    Kind = "union";
  }
  // Strip the ".<digits>" suffixes LLVM adds to keep names unique.
  while (true) {
    size_t Dot = N.rfind('.');
    if (Dot == llvm::StringRef::npos)
      break;
    llvm::StringRef Tail = N.substr(Dot + 1);
    if (Tail.empty() || !llvm::all_of(Tail, llvm::isDigit))
      break;
    N = N.take_front(Dot);
  }
  if (N == "anon")
    return Kind + " (anonymous)";
  return Kind + " " + N.str();
}

static void walkIR(const llvm::DataLayout &DL, llvm::Type *T, uint64_t Offset,
                   TypeIdentity &Out) {
  if (Offset / TYPESLAB_GRANULE >= MaxScannedGranules)
    return;
  if (T->isPointerTy()) {
    Out.PointerGranules.push_back(Offset / TYPESLAB_GRANULE);
    return;
  }
  if (auto *AT = llvm::dyn_cast<llvm::ArrayType>(T)) {
    uint64_t ES = DL.getTypeAllocSize(AT->getElementType());
    for (uint64_t I = 0; I < AT->getNumElements() && ES; ++I) {
      if ((Offset + I * ES) / TYPESLAB_GRANULE >= MaxScannedGranules)
        break;
      walkIR(DL, AT->getElementType(), Offset + I * ES, Out);
    }
    return;
  }
  if (auto *ST = llvm::dyn_cast<llvm::StructType>(T)) {
    if (ST->isOpaque())
      return;
    const llvm::StructLayout *SL = DL.getStructLayout(ST);
    for (unsigned I = 0; I < ST->getNumElements(); ++I)
      walkIR(DL, ST->getElementType(I), Offset + SL->getElementOffset(I), Out);
  }
}

bool identityFromIR(const llvm::DataLayout &DL, llvm::Type *T,
                    TypeIdentity &Out) {
  if (!T || !T->isSized())
    return false;
  Out = TypeIdentity();
  Out.Flags |= TYPESLAB_F_FROM_IR;
  if (auto *ST = llvm::dyn_cast<llvm::StructType>(T)) {
    Out.Name = nameFromIRStruct(ST);
    if (ST->getNumElements())
      if (auto *AT = llvm::dyn_cast<llvm::ArrayType>(
              ST->getElementType(ST->getNumElements() - 1)))
        if (AT->getNumElements() == 0) {
          Out.ElemSize = DL.getTypeAllocSize(AT->getElementType());
          Out.Flags |= TYPESLAB_F_HAS_FLEX;
        }
  } else {
    std::string S;
    llvm::raw_string_ostream OS(S);
    T->print(OS);
    Out.Name = S;
  }
  Out.Size = DL.getTypeAllocSize(T);
  Out.Align = DL.getABITypeAlign(T).value();
  walkIR(DL, T, 0, Out);
  Out.finalize();
  return true;
}

} // namespace typeslab
