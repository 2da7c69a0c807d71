//===- TypeIdentity.cpp - Name + layout identity from AST or IR types -----===//
//
// Builds the identity string of include/typeslab/token.h for a Clang type
// (authoritative: the front-end half and the checker) or for an IR type (the
// pass's fallback when no front-end verdict exists, e.g. under opt).
//
//===----------------------------------------------------------------------===//
#include "TypeIdentity.h"

#include "typeslab/token.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecordLayout.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace typeslab {

/// Granules beyond this are not scanned for pointers (a 512 KiB object).
static constexpr uint64_t MaxGranules = 1u << 16;

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

//===----------------------------------------------------------------------===//
// AST
//===----------------------------------------------------------------------===//

static QualType unqualified(const ASTContext &Ctx, QualType T) {
  T = T.getCanonicalType();
  Qualifiers Quals;
  return const_cast<ASTContext &>(Ctx).getUnqualifiedArrayType(T, Quals);
}

std::string canonicalTypeName(const ASTContext &Ctx, QualType T) {
  T = unqualified(Ctx, T);
  if (const auto *RT = T->getAs<RecordType>()) {
    const RecordDecl *RD = RT->getDecl();
    if (!RD->getIdentifier()) {
      // Anonymous: its typedef name where it has one, never a path.
      if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
        return TD->getName().str();
      return std::string(RD->isUnion() ? "union" : "struct") + " (anonymous)";
    }
  }
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.AnonymousTagLocations = false;
  PP.SuppressScope = false;
  PP.FullyQualifiedName = true;
  PP.PrintAsCanonical = true;
  return T.getAsString(PP);
}

namespace {

class ASTLayoutWalker {
public:
  ASTLayoutWalker(const ASTContext &Ctx, TypeIdentity &Out)
      : Ctx(Ctx), Out(Out) {}

  void walk(QualType T, uint64_t Offset) {
    if (Offset / TYPESLAB_GRANULE >= MaxGranules)
      return;
    T = T.getCanonicalType();
    if (const auto *AT = T->getAs<AtomicType>())
      T = AT->getValueType().getCanonicalType();
    if (T->isPointerType() || T->isBlockPointerType() ||
        T->isObjCObjectPointerType() || T->isMemberFunctionPointerType()) {
      Out.PointerGranules.push_back(Offset / TYPESLAB_GRANULE);
      return;
    }
    if (const auto *CAT = Ctx.getAsConstantArrayType(T)) {
      QualType Elem = CAT->getElementType();
      if (!hasPointer(Elem))
        return;
      uint64_t ElemSize = Ctx.getTypeSizeInChars(Elem).getQuantity();
      uint64_t N = CAT->getZExtSize();
      for (uint64_t I = 0; I < N && ElemSize; ++I) {
        if ((Offset + I * ElemSize) / TYPESLAB_GRANULE >= MaxGranules)
          break;
        walk(Elem, Offset + I * ElemSize);
      }
      return;
    }
    const auto *RT = T->getAs<RecordType>();
    if (!RT)
      return;
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    if (!RD || RD->isInvalidDecl())
      return;
    const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD);
    unsigned Idx = 0;
    for (const FieldDecl *FD : RD->fields()) {
      unsigned I = Idx++;
      if (FD->isBitField())
        continue;
      uint64_t FieldOff = Offset + L.getFieldOffset(I) / 8;
      if (Ctx.getAsIncompleteArrayType(FD->getType()))
        continue; // The flexible tail; described by ElemSize.
      walk(FD->getType(), FieldOff);
    }
  }

  bool hasPointer(QualType T) {
    T = T.getCanonicalType();
    if (const auto *AT = T->getAs<AtomicType>())
      T = AT->getValueType().getCanonicalType();
    if (T->isPointerType() || T->isBlockPointerType() ||
        T->isObjCObjectPointerType() || T->isMemberFunctionPointerType())
      return true;
    if (const auto *AT = Ctx.getAsArrayType(T))
      return hasPointer(AT->getElementType());
    if (const auto *RT = T->getAs<RecordType>()) {
      const RecordDecl *RD = RT->getDecl()->getDefinition();
      if (!RD)
        return false;
      auto [It, New] = Memo.try_emplace(RD, false);
      if (!New)
        return It->second;
      bool Any = false;
      for (const FieldDecl *FD : RD->fields())
        Any |= hasPointer(FD->getType());
      Memo[RD] = Any;
      return Any;
    }
    return false;
  }

private:
  const ASTContext &Ctx;
  TypeIdentity &Out;
  llvm::DenseMap<const RecordDecl *, bool> Memo;
};

} // namespace

bool identityFromAST(const ASTContext &Ctx, QualType T, TypeIdentity &Out) {
  if (T.isNull())
    return false;
  T = unqualified(Ctx, T);
  if (T->isVoidType() || T->isFunctionType() || T->isIncompleteType() ||
      T->isDependentType() || T->isVariablyModifiedType())
    return false;
  Out = TypeIdentity();
  Out.Name = canonicalTypeName(Ctx, T);
  Out.Size = Ctx.getTypeSizeInChars(T).getQuantity();
  Out.Align = Ctx.getTypeAlignInChars(T).getQuantity();
  if (const auto *RT = T->getAs<RecordType>()) {
    const RecordDecl *RD = RT->getDecl()->getDefinition();
    if (!RD)
      return false;
    if (!RD->getIdentifier() && !RD->getTypedefNameForAnonDecl())
      Out.Flags |= TYPESLAB_F_ANONYMOUS;
    // A trailing flexible array member gives the element size.
    const FieldDecl *Last = nullptr;
    for (const FieldDecl *FD : RD->fields())
      Last = FD;
    if (Last)
      if (const auto *IAT = Ctx.getAsIncompleteArrayType(Last->getType())) {
        Out.ElemSize =
            Ctx.getTypeSizeInChars(IAT->getElementType()).getQuantity();
        Out.Flags |= TYPESLAB_F_HAS_FLEX;
      }
  }
  ASTLayoutWalker(Ctx, Out).walk(T, 0);
  Out.finalize();
  return true;
}

//===----------------------------------------------------------------------===//
// IR
//===----------------------------------------------------------------------===//

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
  if (Offset / TYPESLAB_GRANULE >= MaxGranules)
    return;
  if (T->isPointerTy()) {
    Out.PointerGranules.push_back(Offset / TYPESLAB_GRANULE);
    return;
  }
  if (auto *AT = llvm::dyn_cast<llvm::ArrayType>(T)) {
    uint64_t ES = DL.getTypeAllocSize(AT->getElementType());
    for (uint64_t I = 0; I < AT->getNumElements() && ES; ++I) {
      if ((Offset + I * ES) / TYPESLAB_GRANULE >= MaxGranules)
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
