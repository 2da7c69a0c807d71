//===- IRInference.cpp - Allocation-site type inference on IR -------------===//
//
// Evidence, strongest first:
//   1. struct GEPs on the result, directly or through the local it is stored
//      to at -O0 (store %call, %p.addr; load %p.addr; gep %struct.T);
//   2. the debug-info type of that local, or of the function's return value
//      when the result is returned;
//   3. clang 22's !alloc_token metadata, accepted only when the size agrees
//      (clang types kmalloc_array(ARRAY_SIZE(x), sizeof(T)) as x's array).
// The size argument (constant, n * C, C1 + n * C2) cross-checks the type and
// gives the shape. Two different candidate types make a conflict.
//
//===----------------------------------------------------------------------===//
#include "IRInference.h"

#include "typeslab/token.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/PatternMatch.h"

using namespace llvm;
using namespace llvm::PatternMatch;

namespace typeslab {
namespace {

/// What the size argument says, in bytes.
struct IRSize {
  std::optional<uint64_t> Fixed;  ///< A constant size.
  std::optional<uint64_t> Elem;   ///< n * Elem.
  std::optional<uint64_t> Header; ///< Header + n * Elem.
};

IRSize readSize(Value *V) {
  IRSize S;
  if (!V)
    return S;
  const APInt *C1, *C2;
  Value *N;
  if (match(V, m_APInt(C1))) {
    S.Fixed = C1->getLimitedValue();
  } else if (match(V, m_c_Mul(m_Value(N), m_APInt(C1)))) {
    S.Elem = C1->getLimitedValue();
  } else if (match(V, m_Shl(m_Value(N), m_APInt(C1)))) {
    S.Elem = uint64_t(1) << C1->getLimitedValue(63);
  } else if (match(V, m_c_Add(m_c_Mul(m_Value(N), m_APInt(C2)), m_APInt(C1)))) {
    S.Header = C1->getLimitedValue();
    S.Elem = C2->getLimitedValue();
  }
  return S;
}

/// Strips typedefs and qualifiers from a debug-info type.
const DIType *stripDI(const DIType *T) {
  while (const auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type &&
        Tag != dwarf::DW_TAG_restrict_type && Tag != dwarf::DW_TAG_atomic_type)
      break;
    T = D->getBaseType();
  }
  return T;
}

/// The IR type a debug-info pointee names, when the module has one.
Type *irTypeForDI(Module &M, const DIType *T) {
  T = stripDI(T);
  const auto *CT = dyn_cast_or_null<DICompositeType>(T);
  if (!CT || CT->getName().empty())
    return nullptr;
  const char *Prefix = CT->getTag() == dwarf::DW_TAG_union_type ? "union."
                       : CT->getTag() == dwarf::DW_TAG_structure_type
                           ? "struct."
                           : nullptr;
  if (!Prefix)
    return nullptr;
  return StructType::getTypeByName(M.getContext(),
                                   (Prefix + CT->getName()).str());
}

const DIType *pointeeDI(const DIType *T) {
  T = stripDI(T);
  const auto *P = dyn_cast_or_null<DIDerivedType>(T);
  if (!P || P->getTag() != dwarf::DW_TAG_pointer_type)
    return nullptr;
  return P->getBaseType();
}

class IRReader {
public:
  explicit IRReader(CallBase &CB) : CB(CB), M(*CB.getModule()) {}

  /// Collects candidate types from the uses of the result.
  void readUses() {
    SmallVector<Value *, 8> Work{&CB};
    SmallPtrSet<Value *, 16> Seen;
    while (!Work.empty()) {
      Value *V = Work.pop_back_val();
      if (!Seen.insert(V).second || Seen.size() > 64)
        continue;
      for (User *U : V->users()) {
        if (auto *GEP = dyn_cast<GetElementPtrInst>(U)) {
          if (GEP->getPointerOperand() == V &&
              isa<StructType>(GEP->getSourceElementType()))
            addCandidate(GEP->getSourceElementType(), "ir-gep");
          continue;
        }
        if (auto *SI = dyn_cast<StoreInst>(U)) {
          if (SI->getValueOperand() != V)
            continue;
          Value *Ptr = SI->getPointerOperand()->stripPointerCasts();
          if (auto *AI = dyn_cast<AllocaInst>(Ptr)) {
            readAllocaDebugInfo(AI);
            for (User *AU : AI->users())
              if (auto *LI = dyn_cast<LoadInst>(AU))
                if (LI->getType()->isPointerTy())
                  Work.push_back(LI);
          }
          continue;
        }
        if (auto *RI = dyn_cast<ReturnInst>(U)) {
          (void)RI;
          readReturnDebugInfo();
          continue;
        }
        if (isa<BitCastInst, PHINode, SelectInst>(U))
          Work.push_back(U);
      }
    }
  }

  void readAllocaDebugInfo(AllocaInst *AI) {
    for (DbgVariableRecord *DVR : findDVRDeclares(AI))
      if (DILocalVariable *Var = DVR->getVariable())
        if (const DIType *P = pointeeDI(Var->getType()))
          if (Type *T = irTypeForDI(M, P))
            addCandidate(T, "ir-debuginfo");
  }

  void readReturnDebugInfo() {
    const DISubprogram *SP = CB.getFunction()->getSubprogram();
    if (!SP || !SP->getType())
      return;
    auto Types = SP->getType()->getTypeArray();
    if (Types.size() == 0)
      return;
    if (const DIType *P = pointeeDI(Types[0]))
      if (Type *T = irTypeForDI(M, P))
        addCandidate(T, "ir-debuginfo-return");
  }

  void addCandidate(Type *T, const char *How) {
    for (auto &C : Candidates)
      if (C.first == T)
        return;
    Candidates.push_back({T, How});
  }

  SmallVector<std::pair<Type *, const char *>, 2> Candidates;

private:
  CallBase &CB;
  Module &M;
};

/// Does the size agree with a type of Size bytes (and flexible tail Elem)?
bool sizeAgrees(const IRSize &S, const TypeIdentity &T, bool ArrayAlloc,
                std::optional<uint64_t> ElemArg) {
  if (ArrayAlloc)
    return !ElemArg || *ElemArg == T.Size;
  if (S.Fixed)
    return *S.Fixed == T.Size || (T.ElemSize && *S.Fixed >= T.Size &&
                                  (*S.Fixed - T.Size) % T.ElemSize == 0);
  if (S.Header && S.Elem)
    return *S.Header <= T.Size + 8 && (!T.ElemSize || *S.Elem == T.ElemSize);
  if (S.Elem)
    return *S.Elem == T.Size;
  return true;
}

SiteShape shapeOf(const IRSize &S, bool ArrayAlloc) {
  if (ArrayAlloc || (S.Elem && !S.Header))
    return SiteShape::Array;
  if (S.Header)
    return SiteShape::Flex;
  if (S.Fixed)
    return SiteShape::Single;
  return SiteShape::Unknown;
}

std::string describeSize(const IRSize &S, std::optional<uint64_t> ElemArg) {
  if (ElemArg)
    return "element size " + std::to_string(*ElemArg);
  if (S.Fixed)
    return "size " + std::to_string(*S.Fixed);
  if (S.Header && S.Elem)
    return "size " + std::to_string(*S.Header) + " + n * " +
           std::to_string(*S.Elem);
  if (S.Elem)
    return "size n * " + std::to_string(*S.Elem);
  return "a runtime size";
}

/// clang 22's !alloc_token !{!"<type name>", i1 <contains pointer>}.
bool identityFromAllocTokenMD(CallBase &CB, const DataLayout &DL,
                              TypeIdentity &Out, std::string &Name) {
  Name = allocTokenTypeName(CB);
  if (Name.empty())
    return false;
  MDNode *MD = CB.getMetadata("alloc_token");
  StringRef N = Name;
  LLVMContext &Ctx = CB.getContext();
  Type *T = nullptr;
  if (N.consume_front("struct ")) {
    T = StructType::getTypeByName(Ctx, ("struct." + N).str());
  } else if (N.consume_front("union ")) {
    T = StructType::getTypeByName(Ctx, ("union." + N).str());
  } else if (!N.contains(' ') && !N.contains('[') &&
             !N.contains('*')) {
    // C records come without their tag ("foo" for struct foo): take the
    // module's struct or union of that name, unless both exist.
    Type *S = StructType::getTypeByName(Ctx, ("struct." + N).str());
    Type *U = StructType::getTypeByName(Ctx, ("union." + N).str());
    T = S && U ? nullptr : S ? S : U;
  }
  if (T && identityFromIR(DL, T, Out))
    return true;
  // A scalar or array name: keep the name, take the pointer bit as given.
  Out = TypeIdentity();
  Out.Name = Name;
  Out.Flags |= TYPESLAB_F_FROM_IR;
  if (MD->getNumOperands() > 1)
    if (auto *C = mdconst::dyn_extract<ConstantInt>(MD->getOperand(1)))
      if (C->isOne())
        Out.PointerGranules.push_back(0);
  Out.finalize();
  return true;
}

} // namespace

std::string allocTokenTypeName(const CallBase &CB) {
  MDNode *MD = CB.getMetadata("alloc_token");
  if (!MD || MD->getNumOperands() < 1)
    return "";
  auto *S = dyn_cast<MDString>(MD->getOperand(0));
  return S ? S->getString().str() : "";
}

SiteResult inferFromIR(CallBase &CB, const AllocatorInfo &A,
                       const DataLayout &DL) {
  SiteResult R;
  R.Source = VerdictSource::IR;
  auto Arg = [&](int I) -> Value * {
    return I >= 0 && static_cast<unsigned>(I) < CB.arg_size()
               ? CB.getArgOperand(I)
               : nullptr;
  };
  IRSize S = readSize(Arg(A.SizeArg));
  std::optional<uint64_t> ElemArg;
  if (A.isArray())
    ElemArg = S.Fixed;
  SiteShape Shape = shapeOf(S, A.isArray());

  IRReader Reader(CB);
  if (A.ResultArg < 0)
    Reader.readUses();

  SmallVector<std::pair<TypeIdentity, std::string>, 2> Agreeing;
  std::string Disagree;
  for (auto &[T, How] : Reader.Candidates) {
    TypeIdentity Id;
    if (!identityFromIR(DL, T, Id))
      continue;
    if (!sizeAgrees(S, Id, A.isArray(), ElemArg)) {
      Disagree = "the result is used as '" + Id.Name + "' (" +
                 std::to_string(Id.Size) + " bytes) but the allocation has " +
                 describeSize(S, ElemArg);
      continue;
    }
    Agreeing.push_back({Id, How});
  }
  if (Agreeing.size() > 1) {
    R.Class = ReasonClass::ConflictingEvidence;
    R.Reason = "the result is used as both '" + Agreeing[0].first.Name +
               "' and '" + Agreeing[1].first.Name + "'";
    return R;
  }
  if (Agreeing.size() == 1) {
    R.Typed = true;
    R.Identity = Agreeing[0].first;
    R.Evidence = Agreeing[0].second;
    R.Shape = Shape;
    R.Class = ReasonClass::None;
    return R;
  }
  if (!Disagree.empty()) {
    R.Class = ReasonClass::ConflictingEvidence;
    R.Reason = Disagree;
    return R;
  }
  TypeIdentity MDId;
  std::string MDName;
  if (identityFromAllocTokenMD(CB, DL, MDId, MDName)) {
    bool Scalar = MDId.Size == 0;
    if (Scalar || sizeAgrees(S, MDId, A.isArray(), ElemArg)) {
      R.Typed = true;
      R.Identity = MDId;
      R.Evidence = "alloc-token-metadata";
      R.Shape = Shape;
      R.Class = ReasonClass::None;
      return R;
    }
    R.Class = ReasonClass::ConflictingEvidence;
    R.Reason = "clang's !alloc_token names '" + MDName + "' (" +
               std::to_string(MDId.Size) + " bytes) but the allocation has " +
               describeSize(S, ElemArg);
    return R;
  }
  R.Class = S.Fixed ? ReasonClass::ConstantSizeNoType
                    : ReasonClass::RuntimeSizeNoType;
  R.Reason = "no front-end verdict and the IR names no type for " +
             describeSize(S, ElemArg);
  return R;
}

} // namespace typeslab
