//===- ASTTypeIdentity.cpp - Type identity of a Clang type ----------------===//
//
// Computes the TypeIdentity of a Clang type (authoritative: the front-end
// half in TypeslabFrontend.so, under `clang -fpass-plugin=TypeslabPass.so`,
// and the checker, `clang -fplugin=KmallocObjChecker.so`): canonical name,
// size, alignment, flexible-array element size and pointer granules, from
// the record layout. Part of typeslabClang.
//
//===----------------------------------------------------------------------===//
#include "ASTTypeIdentity.h"

#include "typeslab/token.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/RecordLayout.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace typeslab {

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
    if (Offset / TYPESLAB_GRANULE >= MaxScannedGranules)
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
        if ((Offset + I * ElemSize) / TYPESLAB_GRANULE >= MaxScannedGranules)
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

} // namespace typeslab
