//===- ASTInference.cpp - Allocation-site type inference on the AST -------===//
//
// Two independent readings of an allocator call are combined:
//   * the size: what sizeof/offsetof terms the size (or element-size)
//     argument is built from, through arithmetic, the kernel's overflow
//     helpers (size_add, size_mul, array_size, struct_size), ALIGN/round_up,
//     max() statement expressions, ?: and local size variables. A sizeof
//     divided by a sizeof (ARRAY_SIZE) is a count, never a type;
//   * the destination: where the result goes (assignment, initialisation,
//     return, argument, explicit cast), seeing through parentheses, implicit
//     casts and alloc_hooks()-style statement expressions whose value is a
//     local that only holds the call's result. Nothing crosses an unrelated
//     call or assignment, so an outer cast never types an inner allocation.
// When both readings name different records, the site is reported as
// conflicting instead of guessed. Runs in TypeslabFrontend.so (under
// `clang -fpass-plugin=TypeslabPass.so`) and in the checker
// (`clang -fplugin=KmallocObjChecker.so`).
//
//===----------------------------------------------------------------------===//
#include "ASTInference.h"

#include "AllocatorDeclaration.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace typeslab {

namespace {

/// What a size expression says about the allocated type.
struct SizeFact {
  enum Kind {
    None,   ///< No type; Runtime tells whether the value is constant.
    Count,  ///< A count such as ARRAY_SIZE(x): never a type.
    Typed,  ///< sizeof(T), possibly plus/minus untyped terms.
    Array,  ///< n * sizeof(T).
    Flex,   ///< sizeof(S)/offsetof(S, m) + n * sizeof(E).
    Bucket, ///< Picks between two types (c ? sizeof(A) : sizeof(B)).
    Mixed,  ///< Two records in one block (sizeof(A) + sizeof(B)).
  } K = None;
  QualType T;     ///< Typed, Array: the type; Flex: the header.
  QualType Other; ///< Flex: the element; Bucket, Mixed: the second type.
  /// None: why a size that looked typable was not followed (a helper or
  /// size variable given up on), for the reason; empty otherwise.
  std::string Note;
  bool Runtime = false; ///< Some term is a runtime value.
  bool Exact = false;   ///< Typed and exactly sizeof(T).
  bool Offset = false;  ///< Typed from offsetof(T, m): a header's part.

  bool hasType() const { return K == Typed || K == Array || K == Flex; }
  /// Bucket and Mixed name two types and type nothing.
  bool isTwoTypes() const { return K == Bucket || K == Mixed; }
  static SizeFact none(bool Runtime) {
    SizeFact F;
    F.Runtime = Runtime;
    return F;
  }
  static SizeFact givenUp(std::string Note) {
    SizeFact F = none(true);
    F.Note = std::move(Note);
    return F;
  }
};

std::string quoted(const ASTContext &Ctx, QualType T) {
  return "'" + canonicalTypeName(Ctx, T) + "'";
}

/// The writes to one local variable in the body that declares it, and where
/// each stands against one read of it: the straight-line test of size
/// variables (`sz = sizeof(T); sz *= nr;`) and of returned locals.
class VariableWrites {
public:
  struct Write {
    const Expr *E = nullptr; ///< Assignment, compound assignment, ++ or --.
    std::vector<const Stmt *> Path; ///< Its ancestors, body first, E last.
    unsigned Order = 0;             ///< Pre-order index in the body.
    bool Before = false; ///< Runs before the read, on the read's own path.
  };

  VariableWrites(const VarDecl *VD, const Expr *Read) : VD(VD), Read(Read) {}

  void scan(const Stmt *Body) { walk(Body); }

  /// Empty when W runs before the read on its straight-line path (setting
  /// W.Before) or after it with no way back; otherwise why not, in words
  /// that follow "size variable 'sz' is".
  std::string straightLine(Write &W) const {
    if (ReadPath.empty())
      return "read outside the body that declares it";
    size_t K = 0;
    while (K + 1 < W.Path.size() && K + 1 < ReadPath.size() &&
           W.Path[K + 1] == ReadPath[K + 1])
      ++K;
    const auto *CS = dyn_cast<CompoundStmt>(W.Path[K]);
    if (!CS || W.Path.size() != K + 2 || K + 1 >= ReadPath.size())
      return "written under a condition, in a loop or inside another "
             "expression";
    for (size_t I = 0; I <= K; ++I)
      if (isa<ForStmt, WhileStmt, DoStmt>(ReadPath[I]) &&
          !llvm::is_contained(DeclPath, ReadPath[I]))
        return "written in a loop around the allocation";
    const Stmt *WTop = W.Path[K + 1], *RTop = ReadPath[K + 1];
    for (const Stmt *C : CS->body()) {
      if (C == RTop)
        break;
      if (C == WTop)
        W.Before = true;
    }
    for (unsigned L : Labels)
      if (W.Before ? (L > W.Order && L < ReadOrder)
                   : (L > DeclOrder && L < ReadOrder))
        return W.Before ? "written before a label that a jump to the "
                          "allocation could take past the write"
                        : "written after the allocation, and a label before "
                          "it could take a jump back";
    return "";
  }

  std::vector<Write> Writes;
  bool AddressTaken = false;

private:
  bool refers(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == VD;
  }

  void walk(const Stmt *S) {
    if (!S || isa<UnaryExprOrTypeTraitExpr>(S))
      return; // sizeof(sz = 1) writes nothing
    unsigned Index = Counter++;
    Stack.push_back(S);
    if (S == Read) {
      ReadPath = Stack;
      ReadOrder = Index;
    }
    if (isa<LabelStmt, SwitchCase>(S))
      Labels.push_back(Index);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      if (llvm::is_contained(DS->decls(), VD)) {
        DeclPath = Stack;
        DeclOrder = Index;
      }
    const Expr *Target = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        Target = BO->getLHS();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        Target = UO->getSubExpr();
      else if (UO->getOpcode() == UO_AddrOf && refers(UO->getSubExpr()))
        AddressTaken = true;
    }
    if (Target && refers(Target))
      Writes.push_back({cast<Expr>(S), Stack, Index, false});
    for (const Stmt *C : S->children())
      walk(C);
    Stack.pop_back();
  }

  const VarDecl *VD;
  const Expr *Read;
  unsigned Counter = 0, ReadOrder = 0, DeclOrder = 0;
  std::vector<const Stmt *> Stack, ReadPath, DeclPath;
  std::vector<unsigned> Labels;
};

class SizeReader {
public:
  explicit SizeReader(ASTContext &Ctx) : Ctx(Ctx) {}

  SizeFact read(const Expr *E) {
    if (!E || ++Depth > 64) {
      --Depth;
      return SizeFact::none(true);
    }
    SizeFact F = visit(E);
    --Depth;
    return F;
  }

private:
  bool same(QualType A, QualType B) const {
    return Ctx.hasSameUnqualifiedType(A.getCanonicalType(),
                                      B.getCanonicalType());
  }

  SizeFact visit(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CastExpr>(E))
      return read(CE->getSubExpr());
    if (const auto *FE = dyn_cast<FullExpr>(E))
      return read(FE->getSubExpr());
    if (const auto *U = dyn_cast<UnaryExprOrTypeTraitExpr>(E)) {
      if (U->getKind() != UETT_SizeOf)
        return SizeFact::none(false);
      QualType T = U->getTypeOfArgument();
      if (T->isIncompleteType() || T->isDependentType())
        return SizeFact::none(false);
      // sizeof of an empty struct is the kernel's BUILD_BUG_ON_ZERO: 0.
      if (!T->isVariableArrayType() && Ctx.getTypeSizeInChars(T).isZero())
        return SizeFact::none(false);
      SizeFact F;
      F.K = SizeFact::Typed;
      F.T = T;
      F.Exact = true;
      return F;
    }
    if (const auto *O = dyn_cast<OffsetOfExpr>(E)) {
      SizeFact F;
      F.K = SizeFact::Typed;
      F.T = O->getTypeSourceInfo()->getType();
      F.Offset = true;
      return F;
    }
    if (isa<IntegerLiteral, CharacterLiteral>(E))
      return SizeFact::none(false);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return readDecl(DRE->getDecl(), DRE);
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      return readBinary(BO->getOpcode(), read(BO->getLHS()),
                        read(BO->getRHS()));
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      SizeFact F = read(UO->getSubExpr());
      if (UO->getOpcode() == UO_Not || UO->getOpcode() == UO_Minus ||
          UO->getOpcode() == UO_LNot) {
        // ~(a - 1) is a mask, not a size.
        SizeFact M = SizeFact::none(F.Runtime);
        return M;
      }
      return F;
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
      return readChoice(read(CO->getTrueExpr()), read(CO->getFalseExpr()));
    if (const auto *CE = dyn_cast<ChooseExpr>(E))
      return read(CE->getChosenSubExpr());
    if (const auto *SE = dyn_cast<StmtExpr>(E)) {
      const CompoundStmt *CS = SE->getSubStmt();
      if (!CS->body_empty())
        if (const auto *Last = dyn_cast<Expr>(CS->body_back()))
          return read(Last);
      return SizeFact::none(true);
    }
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return readHelperCall(Call);
    if (const auto *CE = dyn_cast<ConstantExpr>(E))
      return read(CE->getSubExpr());
    return SizeFact::none(!E->isValueDependent() &&
                          !E->isIntegerConstantExpr(Ctx));
  }

  SizeFact readDecl(const ValueDecl *D, const DeclRefExpr *Use) {
    if (isa<EnumConstantDecl>(D))
      return SizeFact::none(false);
    if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
      // A parameter of the size helper being followed: its argument.
      if (!Frames.empty() && P->getDeclContext() == Frames.back().Fn &&
          P->getFunctionScopeIndex() < Frames.back().Args.size())
        return Frames.back().Args[P->getFunctionScopeIndex()];
      return SizeFact::none(true);
    }
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return SizeFact::none(true);
    // `sz = sz * n` while folding sz's assignments: the value so far.
    auto Folding = Fold.find(VD);
    if (Folding != Fold.end())
      return Folding->second;
    if (!Visited.insert(VD).second)
      return SizeFact::none(true);
    SizeFact F = readVariable(VD, Use);
    Visited.erase(VD);
    return F;
  }

  /// A size variable: its initialiser, then every assignment that reaches
  /// the use, in order, when they all run on the straight-line path to it.
  SizeFact readVariable(const VarDecl *VD, const DeclRefExpr *Use) {
    const Expr *Init = VD->getAnyInitializer();
    if (!VD->hasLocalStorage())
      return Init ? read(Init) : SizeFact::none(true);
    const auto *Owner = dyn_cast<Decl>(VD->getDeclContext());
    const Stmt *Body = Owner ? Owner->getBody() : nullptr;
    if (!Body)
      return Init ? read(Init) : SizeFact::none(true);
    std::string Name = "'" + VD->getName().str() + "'";
    VariableWrites W(VD, Use);
    W.scan(Body);
    if (W.AddressTaken)
      return SizeFact::givenUp("the address of size variable " + Name +
                               " is taken");
    if (W.Writes.empty())
      return Init ? read(Init) : SizeFact::none(true);
    std::vector<const Expr *> Before;
    for (VariableWrites::Write &Wr : W.Writes) {
      std::string Why = W.straightLine(Wr);
      if (!Why.empty())
        return SizeFact::givenUp("size variable " + Name + " is " + Why);
      if (Wr.Before)
        Before.push_back(Wr.E);
    }
    SizeFact F;
    bool Have = Init != nullptr;
    if (Init)
      F = read(Init);
    for (const Expr *E : Before) {
      const auto *BO = dyn_cast<BinaryOperator>(E);
      if (BO && BO->getOpcode() == BO_Assign) {
        F = read(BO->getRHS());
        Have = true;
        continue;
      }
      if (!Have)
        return SizeFact::givenUp("size variable " + Name +
                                 " is updated before it is set");
      Fold[VD] = F;
      if (BO) {
        BinaryOperatorKind Op =
            BinaryOperator::getOpForCompoundAssignment(BO->getOpcode());
        F = readBinary(Op, F, read(BO->getRHS()));
      } else {
        F = readSum(F, SizeFact::none(false)); // ++sz, sz--
      }
      Fold.erase(VD);
    }
    if (!Have)
      return SizeFact::givenUp("size variable " + Name +
                               " is read before it is set");
    return F;
  }

  /// size_add(a, b), size_mul(a, b), array_size(a, b), array3_size(a, b, c)
  /// and size_sub(a, b) read like the operators they stand for; any other
  /// callee is followed when it is a static size helper (readSizeHelper).
  SizeFact readHelperCall(const CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !FD->getIdentifier())
      return SizeFact::none(true);
    BinaryOperatorKind Op =
        llvm::StringSwitch<BinaryOperatorKind>(FD->getName())
            .Cases("size_add", "__size_add", BO_Add)
            .Cases("size_mul", "__size_mul", "typeslab_size_mul", BO_Mul)
            .Case("array_size", BO_Mul)
            .Case("array3_size", BO_Mul)
            .Case("size_sub", BO_Sub)
            .Default(BO_Comma);
    if (Op == BO_Comma)
      return readSizeHelper(Call, FD);
    if (Call->getNumArgs() < 2)
      return SizeFact::none(true);
    SizeFact F = readBinary(Op, read(Call->getArg(0)), read(Call->getArg(1)));
    if (Call->getNumArgs() == 3)
      F = readBinary(Op, F, read(Call->getArg(2)));
    return F;
  }

  /// `static inline size_t ring_bytes(int n) { return n * sizeof(struct
  /// ring_desc); }`: a static function of this TU whose body is one return
  /// of a pure size expression of its parameters is read with its
  /// arguments in place of the parameters, two helpers deep at most.
  SizeFact readSizeHelper(const CallExpr *Call, const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def) || !Def || Def->isExternallyVisible() ||
        !Def->getReturnType()->isIntegerType())
      return SizeFact::none(true);
    std::string Name = "'" + Def->getName().str() + "'";
    const auto *CS = dyn_cast_or_null<CompoundStmt>(Def->getBody());
    const auto *RS = CS && CS->size() == 1
                         ? dyn_cast<ReturnStmt>(CS->body_front())
                         : nullptr;
    if (!RS || !RS->getRetValue())
      return SizeFact::givenUp("size helper " + Name +
                               " is not a single 'return'");
    if (!pureSize(RS->getRetValue(), Def))
      return SizeFact::givenUp("size helper " + Name +
                               " returns more than a size expression of its "
                               "parameters");
    if (Frames.size() >= 2)
      return SizeFact::givenUp("size helper " + Name +
                               " is more than two helpers deep");
    for (const Frame &Fr : Frames)
      if (Fr.Fn == Def)
        return SizeFact::givenUp("size helper " + Name + " calls itself");
    Frame Fr;
    Fr.Fn = Def;
    for (const Expr *Arg : Call->arguments())
      Fr.Args.push_back(read(Arg));
    Frames.push_back(std::move(Fr));
    SizeFact F = read(RS->getRetValue());
    Frames.pop_back();
    return F;
  }

  /// Parameters of Fn, constants, sizeof/offsetof, arithmetic, casts, ?:
  /// and calls (checked when followed): nothing that reads or writes
  /// anything else.
  static bool pureSize(const Stmt *S, const FunctionDecl *Fn) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      const ValueDecl *D = DRE->getDecl();
      if (const auto *P = dyn_cast<ParmVarDecl>(D))
        return P->getDeclContext() == Fn;
      return isa<EnumConstantDecl, FunctionDecl>(D);
    }
    if (isa<UnaryExprOrTypeTraitExpr, OffsetOfExpr, IntegerLiteral,
            CharacterLiteral>(S))
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->isAssignmentOp())
        return false;
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf ||
          UO->getOpcode() == UO_Deref)
        return false;
    if (!isa<BinaryOperator, UnaryOperator, CastExpr, ParenExpr,
             ConditionalOperator, CallExpr, ConstantExpr>(S))
      return false;
    for (const Stmt *C : S->children())
      if (!C || !pureSize(C, Fn))
        return false;
    return true;
  }

  /// F with the run-time flag of its operands, and the first note of a
  /// given-up operand when F has none.
  static SizeFact runtimeOf(SizeFact F, const SizeFact &L, const SizeFact &R) {
    F.Runtime = L.Runtime || R.Runtime;
    if (F.Note.empty())
      F.Note = !L.Note.empty() ? L.Note : R.Note;
    return F;
  }

  SizeFact readBinary(BinaryOperatorKind Op, SizeFact L, SizeFact R) {
    switch (Op) {
    case BO_Mul: {
      SizeFact F;
      if (L.K == SizeFact::Typed || L.K == SizeFact::Array) {
        F.K = SizeFact::Array;
        F.T = L.T;
      } else if (R.K == SizeFact::Typed || R.K == SizeFact::Array) {
        F.K = SizeFact::Array;
        F.T = R.T;
      } else if (L.isTwoTypes()) {
        F = L;
      } else if (R.isTwoTypes()) {
        F = R;
      }
      return runtimeOf(F, L, R);
    }
    case BO_Div:
      // sizeof(x) / sizeof(x[0]) is ARRAY_SIZE: a count.
      if (L.hasType() && R.hasType()) {
        SizeFact F;
        F.K = SizeFact::Count;
        return runtimeOf(F, L, R);
      }
      return runtimeOf(L.hasType() ? L : SizeFact::none(true), L, R);
    case BO_Add:
    case BO_Or:
    case BO_And:
    case BO_Xor:
      return readSum(L, R);
    case BO_Sub:
      // offsetof(S, b) - offsetof(S, a), sizeof(A) - sizeof(B): the bytes
      // between two places, not an object of either type.
      if (L.hasType() && R.hasType())
        return runtimeOf(SizeFact::none(false), L, R);
      [[fallthrough]];
    case BO_Shl:
    case BO_Shr:
      if (L.K != SizeFact::None)
        return runtimeOf(dropExact(L), L, R);
      return runtimeOf(SizeFact::none(true), L, R);
    case BO_Comma:
      return R;
    default:
      return runtimeOf(SizeFact::none(false), L, R);
    }
  }

  static SizeFact dropExact(SizeFact F) {
    F.Exact = false;
    return F;
  }

  /// header + tail, ALIGN's (x + mask) & ~mask, and the like.
  SizeFact readSum(const SizeFact &L, const SizeFact &R) {
    if (L.isTwoTypes() || R.isTwoTypes())
      return L.isTwoTypes() ? L : R;
    // sizeof(A) + sizeof(B): two objects in one block, not one type.
    if (L.K == SizeFact::Typed && R.K == SizeFact::Typed && !L.Offset &&
        !R.Offset && !same(L.T, R.T) &&
        (L.T->isRecordType() || R.T->isRecordType()))
      return runtimeOf(twoObjects(L.T, R.T), L, R);
    if (L.K == SizeFact::Flex || R.K == SizeFact::Flex)
      return runtimeOf(L.K == SizeFact::Flex ? L : R, L, R);
    // A header plus n elements: the flexible struct, not the element.
    if (L.K == SizeFact::Typed && R.K == SizeFact::Array)
      return runtimeOf(flex(L.T, R.T), L, R);
    if (L.K == SizeFact::Array && R.K == SizeFact::Typed)
      return runtimeOf(flex(R.T, L.T), L, R);
    if (L.hasType())
      return runtimeOf(dropExact(L), L, R);
    if (R.hasType())
      return runtimeOf(dropExact(R), L, R);
    return runtimeOf(SizeFact::none(false), L, R);
  }

  SizeFact flex(QualType Header, QualType Elem) {
    SizeFact F;
    F.K = SizeFact::Flex;
    F.T = Header;
    F.Other = Elem;
    return F;
  }

  /// sizeof(A) + sizeof(B), one of them a record. Of two records, only a
  /// header that declares a flexible array member shows a layout: the
  /// second object is its tail (netdev_priv style), and the header's type
  /// stands for the block when the tail holds no pointer the header's type
  /// lacks. Anything else names two types.
  SizeFact twoObjects(QualType A, QualType B) {
    TypeIdentity HA, HB;
    bool Known = identityFromAST(Ctx, A, HA) && identityFromAST(Ctx, B, HB);
    // A record and a scalar (a trailing checksum, a count): the record,
    // unless the scalar is a pointer the record's type does not declare.
    if (!A->isRecordType() || !B->isRecordType()) {
      bool RecordFirst = A->isRecordType();
      QualType Rec = RecordFirst ? A : B, Sc = RecordFirst ? B : A;
      const TypeIdentity &HR = RecordFirst ? HA : HB;
      const TypeIdentity &HS = RecordFirst ? HB : HA;
      if (Known && (HR.hasPointer() || !HS.hasPointer())) {
        SizeFact F;
        F.K = SizeFact::Typed;
        F.T = Rec;
        return F;
      }
      SizeFact F;
      F.K = SizeFact::Mixed;
      F.T = Rec;
      F.Other = Sc;
      F.Note = quoted(Ctx, Sc) + " holds a pointer and " + quoted(Ctx, Rec) +
               " holds none";
      return F;
    }
    const auto *RD = A->getAsRecordDecl();
    bool HasTail = RD && !RD->isUnion() && RD->hasFlexibleArrayMember();
    if (HasTail && Known && (HA.hasPointer() || !HB.hasPointer()))
      return flex(A, B);
    SizeFact F;
    F.K = SizeFact::Mixed;
    F.T = A;
    F.Other = B;
    F.Note = HasTail && Known
                 ? quoted(Ctx, B) + " holds pointers and " + quoted(Ctx, A) +
                       ", whose flexible tail it fills, holds none"
                 : "two objects in one block, and " + quoted(Ctx, A) +
                       " declares no flexible array member to hold the second";
    return F;
  }

  SizeFact readChoice(const SizeFact &A, const SizeFact &B) {
    if (A.hasType() && B.hasType()) {
      if (same(A.T, B.T) && A.K == B.K)
        return A;
      SizeFact F;
      F.K = SizeFact::Bucket;
      F.T = A.T;
      F.Other = B.T;
      F.Runtime = true;
      return F;
    }
    if (A.isTwoTypes() || B.isTwoTypes())
      return A.isTwoTypes() ? A : B;
    // max(sizeof(T), 128): the typed side, rounded up to a floor.
    if (A.hasType())
      return runtimeOf(dropExact(A), A, B);
    if (B.hasType())
      return runtimeOf(dropExact(B), A, B);
    return runtimeOf(SizeFact::none(false), A, B);
  }

  ASTContext &Ctx;
  unsigned Depth = 0;
  llvm::SmallPtrSet<const VarDecl *, 4> Visited;
  /// Size variables being folded, with their value so far.
  llvm::DenseMap<const VarDecl *, SizeFact> Fold;
  /// Size helpers being followed, innermost last, with their arguments.
  struct Frame {
    const FunctionDecl *Fn = nullptr;
    std::vector<SizeFact> Args;
  };
  std::vector<Frame> Frames;
};

/// How the result of an allocator call is used, as far as it is followed.
enum class ResultUse {
  None,           ///< It reaches no typed pointer.
  Cast,           ///< An explicit cast to a pointer type.
  Assignment,     ///< Assigned to a variable, field or other lvalue.
  Initialisation, ///< The initialiser of a variable.
  Return,         ///< Returned from the enclosing function.
  ReturnedLocal,  ///< Stored to a 'void *' local the function returns.
  Argument,       ///< An argument of a call.
  Field,          ///< A field of a struct initialiser.
};

/// Where the result of an allocator call goes.
struct Destination {
  QualType Pointee; ///< Null when the result reaches no typed pointer.
  bool Found = false;
  ResultUse Use = ResultUse::None; ///< How, for the rules; None unless Found.
  std::string How; ///< The same in words, for reasons: "assignment to 'p'".
  std::string Key;              ///< Evidence keyword: destination / cast.
  const VarDecl *Var = nullptr; ///< The local the result is stored to.
};

class DestinationReader {
public:
  DestinationReader(ASTContext &Ctx, const FunctionParents *Parents)
      : Ctx(Ctx), Parents(Parents) {}

  Destination read(const Expr *Call) {
    DynTypedNode Cur = DynTypedNode::create(*Call);
    for (unsigned Step = 0; Step < 16; ++Step) {
      DynTypedNode P = parentOf(Cur);
      const Stmt *CurS = Cur.get<Stmt>();
      if (const auto *PE = P.get<ParenExpr>()) {
        Cur = DynTypedNode::create(*PE);
        continue;
      }
      if (const auto *ICE = P.get<ImplicitCastExpr>()) {
        if (ICE->getType()->isPointerType() || ICE->getCastKind() == CK_NoOp ||
            ICE->getCastKind() == CK_BitCast) {
          Cur = DynTypedNode::create(*ICE);
          continue;
        }
        return {};
      }
      if (const auto *EC = P.get<ExplicitCastExpr>()) {
        QualType T = EC->getTypeAsWritten();
        if (!T->isPointerType())
          return {};
        if (T->getPointeeType()->isVoidType()) {
          Cur = DynTypedNode::create(*EC);
          continue;
        }
        return found(T->getPointeeType(), ResultUse::Cast,
                     "cast to " + quoted(Ctx, T), "cast");
      }
      if (const auto *CO = P.get<ConditionalOperator>()) {
        if (CurS == CO->getCond())
          return {};
        Cur = DynTypedNode::create(*CO);
        continue;
      }
      if (const auto *BO = P.get<BinaryOperator>()) {
        if (BO->getOpcode() == BO_Comma && CurS == BO->getRHS()) {
          Cur = DynTypedNode::create(*BO);
          continue;
        }
        if (BO->getOpcode() != BO_Assign || CurS != BO->getRHS())
          return {};
        const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
        if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (const StmtExpr *SE = transparentHolder(VD)) {
              Cur = DynTypedNode::create(*SE);
              continue;
            }
        Destination D = fromPointer(LHS->getType(), ResultUse::Assignment,
                                    "assignment to " + describe(LHS));
        if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
          D.Var = dyn_cast<VarDecl>(DRE->getDecl());
        return D;
      }
      if (const auto *VD = P.get<VarDecl>()) {
        if (const StmtExpr *SE = transparentHolder(VD)) {
          Cur = DynTypedNode::create(*SE);
          continue;
        }
        Destination D =
            fromPointer(VD->getType(), ResultUse::Initialisation,
                        "initialisation of '" + VD->getName().str() + "'");
        D.Var = VD;
        return D;
      }
      if (const auto *CS = P.get<CompoundStmt>()) {
        // The value of a statement expression is its last statement.
        if (CS->body_empty() || CS->body_back() != CurS)
          return {};
        DynTypedNode GP = parentOf(DynTypedNode::create(*CS));
        if (!GP.get<StmtExpr>())
          return {};
        Cur = GP;
        continue;
      }
      if (const auto *RS = P.get<ReturnStmt>()) {
        const FunctionDecl *FD = enclosingFunction(*RS);
        if (!FD)
          return {};
        return fromPointer(FD->getReturnType(), ResultUse::Return,
                           "return from '" + FD->getName().str() + "'");
      }
      if (const auto *CE = P.get<CallExpr>()) {
        const FunctionDecl *FD = CE->getDirectCallee();
        if (!FD || CurS == CE->getCallee())
          return {};
        for (unsigned I = 0; I < CE->getNumArgs(); ++I)
          if (CE->getArg(I) == CurS && I < FD->getNumParams())
            return fromPointer(FD->getParamDecl(I)->getType(),
                               ResultUse::Argument,
                               "argument " + std::to_string(I + 1) + " of '" +
                                   FD->getName().str() + "'");
        return {};
      }
      if (const auto *ILE = P.get<InitListExpr>()) {
        QualType T = ILE->getType();
        if (const auto *RT = T->getAs<RecordType>()) {
          const RecordDecl *RD = RT->getDecl()->getDefinition();
          if (!RD || RD->isUnion())
            return {};
          unsigned I = 0;
          for (const FieldDecl *FD : RD->fields()) {
            if (I < ILE->getNumInits() && ILE->getInit(I) == CurS)
              return fromPointer(FD->getType(), ResultUse::Field,
                                 "field '" + FD->getName().str() + "'");
            ++I;
          }
        }
        return {};
      }
      return {};
    }
    return {};
  }

private:
  Destination found(QualType Pointee, ResultUse Use, std::string How,
                    std::string Key) {
    Destination D;
    D.Pointee = Pointee;
    D.Found = true;
    D.Use = Use;
    D.How = std::move(How);
    D.Key = std::move(Key);
    return D;
  }

  Destination fromPointer(QualType T, ResultUse Use, std::string How) {
    T = T.getCanonicalType();
    if (!T->isPointerType())
      return {};
    return found(T->getPointeeType(), Use, std::move(How), "destination");
  }

  std::string describe(const Expr *LHS) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
      return "'" + DRE->getDecl()->getName().str() + "'";
    if (const auto *ME = dyn_cast<MemberExpr>(LHS))
      return "field '" + ME->getMemberDecl()->getName().str() + "'";
    return "an lvalue of type " + quoted(Ctx, LHS->getType());
  }

  /// A local declared in a statement expression whose value is that local:
  /// alloc_hooks()'s `typeof(call) _res; _res = call; _res;`.
  const StmtExpr *transparentHolder(const VarDecl *VD) {
    if (!VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
      return nullptr;
    DynTypedNode DS = parentOf(DynTypedNode::create(*VD));
    if (!DS.get<DeclStmt>())
      return nullptr;
    DynTypedNode CSNode = parentOf(DS);
    const auto *CS = CSNode.get<CompoundStmt>();
    if (!CS || CS->body_empty())
      return nullptr;
    const auto *SE = parentOf(CSNode).get<StmtExpr>();
    if (!SE)
      return nullptr;
    const auto *Last = dyn_cast<Expr>(CS->body_back());
    if (!Last)
      return nullptr;
    const auto *DRE = dyn_cast<DeclRefExpr>(Last->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == VD ? SE : nullptr;
  }

  const FunctionDecl *enclosingFunction(const Stmt &S) {
    DynTypedNode N = DynTypedNode::create(S);
    for (unsigned I = 0; I < 256; ++I) {
      N = parentOf(N);
      if (N.getNodeKind().isNone())
        return nullptr;
      if (const auto *FD = N.get<FunctionDecl>())
        return FD;
    }
    return nullptr;
  }

  /// The single parent of N, or an empty node.
  DynTypedNode parentOf(const DynTypedNode &N) {
    if (Parents)
      return Parents->parent(N);
    DynTypedNodeList Ps = Ctx.getParents(N);
    return Ps.size() == 1 ? Ps[0] : DynTypedNode();
  }

  ASTContext &Ctx;
  const FunctionParents *Parents;
};

const Expr *argOrNull(const CallExpr *CE, int I) {
  if (I < 0 || static_cast<unsigned>(I) >= CE->getNumArgs())
    return nullptr;
  return CE->getArg(I);
}

QualType pointeeOf(const Expr *E) {
  if (!E)
    return QualType();
  QualType T = E->IgnoreParenImpCasts()->getType().getCanonicalType();
  if (!T->isPointerType())
    return QualType();
  return T->getPointeeType();
}

/// True when some return statement of FD returns the local V.
bool returnsLocal(const FunctionDecl *FD, const VarDecl *V) {
  if (!FD || !V || !V->hasLocalStorage() || !FD->hasBody())
    return false;
  llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *RS = dyn_cast<ReturnStmt>(S))
      if (const Expr *RV = RS->getRetValue())
        if (const auto *DRE = dyn_cast<DeclRefExpr>(RV->IgnoreParenCasts()))
          if (DRE->getDecl() == V)
            return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// True when Member is the type of a field of the struct Outer, or of a
/// struct nested in it by value, setting Offset to its byte offset. Unions
/// and arrays are not entered: their members share or repeat places.
bool memberOffset(ASTContext &Ctx, QualType Outer, QualType Member,
                  uint64_t &Offset, unsigned Depth = 0) {
  const auto *RD = Outer->getAsRecordDecl();
  if (!RD || RD->isUnion() || Depth > 8 || Outer->isIncompleteType() ||
      !(RD = RD->getDefinition()))
    return false;
  const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD);
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->isBitField())
      continue;
    uint64_t Here = Ctx.toCharUnitsFromBits(L.getFieldOffset(
                                                FD->getFieldIndex()))
                        .getQuantity();
    QualType FT = FD->getType();
    if (Ctx.hasSameUnqualifiedType(FT.getCanonicalType(),
                                   Member.getCanonicalType())) {
      Offset = Here;
      return true;
    }
    uint64_t Inner = 0;
    if (FT->isStructureType() &&
        memberOffset(Ctx, FT, Member, Inner, Depth + 1)) {
      Offset = Here + Inner;
      return true;
    }
  }
  return false;
}

/// `void *p = kzalloc(...); ...; return p;` in a function returning 'T *':
/// the returned type is the destination, when p holds nothing else (no
/// other write, address not taken).
void throughReturnedLocal(Destination &D) {
  const VarDecl *P = D.Var;
  if (!D.Found || !D.Pointee->isVoidType() || !P || !P->hasLocalStorage() ||
      isa<ParmVarDecl>(P))
    return;
  const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
  if (!FD || !FD->hasBody())
    return;
  QualType R = FD->getReturnType().getCanonicalType();
  if (!R->isPointerType() || isByteType(R->getPointeeType()) ||
      R->getPointeeType()->isIncompleteType() || !returnsLocal(FD, P))
    return;
  VariableWrites W(P, nullptr);
  W.scan(FD->getBody());
  bool ByInit = D.Use == ResultUse::Initialisation;
  if (W.AddressTaken || W.Writes.size() != (ByInit ? 0u : 1u))
    return;
  D.Pointee = R->getPointeeType();
  D.Use = ResultUse::ReturnedLocal;
  D.How = "return of '" + P->getName().str() + "' from '" +
          FD->getName().str() + "'";
}

/// Names a parameter of the enclosing function the size depends on.
const ParmVarDecl *sizeParameter(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<ParmVarDecl>(DRE->getDecl());
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (const ParmVarDecl *P = sizeParameter(BO->getLHS()))
      return P;
    return sizeParameter(BO->getRHS());
  }
  return nullptr;
}

/// How one declared parameter or result serves the spec's roles.
DeclaredValue declaredValue(const ASTContext &Ctx, QualType T) {
  DeclaredValue V;
  QualType C = T.getCanonicalType();
  if (C->isIntegerType())
    V.Kind = ValueKind::Integer;
  else if (C->isPointerType() || C->isReferenceType() ||
           C->isBlockPointerType() || C->isNullPtrType())
    V.Kind = ValueKind::Pointer;
  V.Type = T.getAsString(Ctx.getPrintingPolicy());
  return V;
}

/// FD's declaration, as checkAllocatorDeclaration reads it.
DeclaredSignature declaredSignature(const ASTContext &Ctx,
                                    const FunctionDecl &FD) {
  DeclaredSignature D;
  D.Name = FD.getName().str();
  // A C89 'void *kmalloc();' declares no parameters and no prototype; the IR
  // calls it as a variadic function.
  D.Prototyped = FD.hasPrototype() || FD.getNumParams() > 0;
  D.Variadic = FD.isVariadic();
  for (const ParmVarDecl *P : FD.parameters())
    D.Params.push_back(declaredValue(Ctx, P->getType()));
  D.Result = declaredValue(Ctx, FD.getReturnType());
  return D;
}

} // namespace

bool isByteType(QualType T) {
  T = T.getCanonicalType();
  return T->isVoidType() || T->isCharType();
}

FunctionParents::FunctionParents(const FunctionDecl &FD) {
  if (const Stmt *Body = FD.getBody()) {
    Map[Body] = DynTypedNode::create(FD);
    walk(Body);
  }
}

void FunctionParents::walk(const Stmt *S) {
  DynTypedNode Self = DynTypedNode::create(*S);
  for (const Stmt *C : S->children())
    if (C) {
      Map[C] = Self;
      walk(C);
    }
  // A declaration's parent is its DeclStmt; an initialiser's, the variable.
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls()) {
      Map[D] = Self;
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (const Expr *Init = VD->getInit())
          Map[Init] = DynTypedNode::create(*VD);
    }
}

DynTypedNode FunctionParents::parent(const DynTypedNode &N) const {
  const void *Key = N.get<Stmt>() ? static_cast<const void *>(N.get<Stmt>())
                                  : static_cast<const void *>(N.get<Decl>());
  auto It = Map.find(Key);
  return It == Map.end() ? DynTypedNode() : It->second;
}

const AllocatorInfo *SiteInferrer::allocatorFor(const CallExpr *CE) const {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return nullptr;
  return Spec.lookup(FD->getName());
}

QualType SiteInferrer::destinationPointee(const Expr *CE) {
  Destination D = DestinationReader(Ctx, Parents).read(CE);
  return D.Found ? D.Pointee : QualType();
}

const VarDecl *SiteInferrer::destinationVar(const Expr *CE) {
  return DestinationReader(Ctx, Parents).read(CE).Var;
}

SiteVerdict SiteInferrer::infer(const CallExpr *CE, const AllocatorInfo &A) {
  SiteVerdict V;
  if (const FunctionDecl *Callee = CE->getDirectCallee()) {
    DeclarationVerdict DV =
        checkAllocatorDeclaration(A, declaredSignature(Ctx, *Callee));
    if (!DV.ok()) {
      V.Class = DV.Class;
      V.Reason = std::move(DV.Reason);
      return V;
    }
  }

  SizeReader Sizes(Ctx);
  SizeFact S = Sizes.read(argOrNull(CE, A.SizeArg));
  if (A.isArray()) {
    // The element-size argument names the type; the count never does,
    // unless the two were written the other way round.
    SizeFact Count = Sizes.read(argOrNull(CE, A.CountArg));
    if (S.K == SizeFact::Typed || S.K == SizeFact::Array) {
      S.K = SizeFact::Array;
    } else if (S.K == SizeFact::None &&
               (Count.K == SizeFact::Typed || Count.K == SizeFact::Array)) {
      S = Count;
      S.K = SizeFact::Array;
    }
    S.Runtime |= Count.Runtime;
    S.Exact = false;
  }
  Destination D = DestinationReader(Ctx, Parents).read(CE);
  throughReturnedLocal(D);
  QualType Src = pointeeOf(argOrNull(CE, A.SrcArg));
  QualType Old = pointeeOf(argOrNull(CE, A.OldPtrArg));

  auto finish = [&](QualType T, SiteShape Shape, std::string Evidence) {
    if (!identityFromAST(Ctx, T, V.Identity)) {
      V.Class = ReasonClass::IncompleteType;
      V.Reason = "the type " + quoted(Ctx, T) + " is incomplete here";
      return V;
    }
    V.Typed = true;
    V.Type = T;
    V.Shape = Shape;
    V.Evidence = std::move(Evidence);
    V.Class = ReasonClass::None;
    return V;
  };

  if (S.K == SizeFact::Bucket) {
    V.Class = ReasonClass::SizeBucket;
    V.Reason = "the size picks between " + quoted(Ctx, S.T) + " and " +
               quoted(Ctx, S.Other) + " at run time";
    return V;
  }
  if (S.K == SizeFact::Mixed) {
    V.Class = ReasonClass::ConflictingEvidence;
    V.Reason = "the size adds " + quoted(Ctx, S.T) + " and " +
               quoted(Ctx, S.Other) + ": " + S.Note;
    return V;
  }

  if (S.hasType()) {
    SiteShape Shape = S.K == SizeFact::Array  ? SiteShape::Array
                      : S.K == SizeFact::Flex ? SiteShape::Flex
                      : S.Exact               ? SiteShape::Single
                                              : SiteShape::Flex;
    QualType T = S.T;
    // sizeof(table) into an element pointer: an array of the element.
    if (D.Found)
      if (const auto *AT = Ctx.getAsConstantArrayType(T))
        if (Ctx.hasSameUnqualifiedType(AT->getElementType().getCanonicalType(),
                                       D.Pointee.getCanonicalType())) {
          T = AT->getElementType();
          Shape = SiteShape::Array;
        }
    if (D.Found && !isByteType(D.Pointee)) {
      QualType DT = D.Pointee;
      if (Ctx.hasSameUnqualifiedType(T.getCanonicalType(),
                                     DT.getCanonicalType()))
        return finish(T, Shape, "size+" + D.Key);
      // n * sizeof(**p) into a pointer to a whole array 'T (*p)[8][9]': the
      // memory is an array of the destination array's elements.
      if (S.K == SizeFact::Array)
        if (const auto *AT = Ctx.getAsConstantArrayType(DT))
          if (Ctx.hasSameUnqualifiedType(
                  AT->getElementType().getCanonicalType(),
                  T.getCanonicalType()))
            return finish(T, SiteShape::Array, "size+" + D.Key);
      // container_of's round trip: the block is stored to a pointer to its
      // first member, at offset 0, and recovered later. Only a first
      // member stands for the outer object; any other is a conflict.
      uint64_t MemberOffset = 0;
      if (DT->isStructureType() && memberOffset(Ctx, T, DT, MemberOffset)) {
        if (MemberOffset == 0)
          return finish(T, Shape, "size+first-member");
        V.Class = ReasonClass::ConflictingEvidence;
        V.Reason = "the size names " + quoted(Ctx, T) + " but the " + D.How +
                   " names " + quoted(Ctx, DT) + ", its member at byte " +
                   std::to_string(MemberOffset) +
                   ", not a first member at offset 0";
        return V;
      }
      bool Records = T->isRecordType() || DT->isRecordType();
      bool SizesDiffer =
          !DT->isIncompleteType() && !T->isIncompleteType() &&
          Ctx.getTypeSizeInChars(DT) != Ctx.getTypeSizeInChars(T);
      if (Records || SizesDiffer) {
        V.Class = ReasonClass::ConflictingEvidence;
        V.Reason = "the size names " + quoted(Ctx, T) + " but the " + D.How +
                   " names " + quoted(Ctx, DT);
        return V;
      }
      // Two scalars of one size (sizeof(long) into an 'unsigned long *',
      // sizeof(void *) into a 'struct foo **'): the size only measures, the
      // destination says what the elements are.
      if (!DT->isIncompleteType())
        return finish(DT, Shape, "size+" + D.Key);
    }
    return finish(T, Shape, "size");
  }

  if (D.Found && !isByteType(D.Pointee))
    return finish(D.Pointee, S.Runtime ? SiteShape::Unknown : SiteShape::Single,
                  D.Key);
  if (!Src.isNull() && !isByteType(Src))
    return finish(Src, SiteShape::Unknown, "source");
  if (!Old.isNull() && !isByteType(Old))
    return finish(Old, SiteShape::Unknown, "old-pointer");

  // A char/u8 buffer is typed as an array of its byte type, as clang 22
  // types it: its token marks data that holds no pointers, so it shares
  // nothing with a pointer-bearing type.
  if (D.Found && !D.Pointee->isVoidType())
    return finish(D.Pointee, SiteShape::Array, D.Key);

  if (S.K == SizeFact::Count) {
    V.Class = ReasonClass::NoEvidence;
    V.Reason = "the size is an element count and nothing names the element "
               "type";
    return V;
  }
  const Expr *SizeArg = argOrNull(CE, A.SizeArg);
  if (const ParmVarDecl *P = sizeParameter(SizeArg)) {
    const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (FD && (D.Use == ResultUse::Return || returnsLocal(FD, D.Var))) {
      V.Class = ReasonClass::OpaqueWrapper;
      V.Wrapper = FD;
      V.WrapperSizeParam = static_cast<int>(P->getFunctionScopeIndex());
      V.Reason = "the size comes from parameter '" + P->getName().str() +
                 "' of '" + FD->getName().str() +
                 "', so only its callers know the type";
      return V;
    }
  }
  // A byte source or old pointer types what reaches no typed pointer, unless
  // the site is a wrapper whose callers can name a better type.
  if (!Src.isNull() && !Src->isVoidType())
    return finish(Src, SiteShape::Array, "source");
  if (!Old.isNull() && !Old->isVoidType())
    return finish(Old, SiteShape::Array, "old-pointer");
  std::string Where =
      D.Found ? "the result is only stored to a 'void *' (" + D.How + ")"
              : "the result does not reach a typed pointer";
  if (S.Runtime) {
    V.Class = ReasonClass::RuntimeSizeNoType;
    V.Reason = "size is a runtime value" +
               (S.Note.empty() ? std::string() : " (" + S.Note + ")") +
               " and " + Where;
  } else {
    V.Class = ReasonClass::ConstantSizeNoType;
    V.Reason = "size is a constant with no type and " + Where;
  }
  return V;
}

} // namespace typeslab
