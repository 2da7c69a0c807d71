//===- CheckerFlow.cpp - What a function does with a new object -----------===//
//
// ObjectFlow (CheckerFlow.h): follows an allocation's result through one
// function body for the checker's counted-by-unset and memset-after-alloc
// checks and the kmalloc_flex fix-it rule.
//
//===----------------------------------------------------------------------===//
#include "CheckerFlow.h"

#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <functional>

using namespace clang;

namespace typeslab {

bool ObjectFlow::refersTo(const Expr *E, const VarDecl *V) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE && DRE->getDecl() == V;
}

DynTypedNode ObjectFlow::parentOf(const Expr *E, const Stmt **Child) const {
  DynTypedNode N = DynTypedNode::create(*E);
  const Stmt *C = E;
  for (;;) {
    DynTypedNode P = Parents.parent(N);
    const Stmt *PS = P.get<Stmt>();
    if (PS && (isa<ParenExpr>(PS) || isa<ImplicitCastExpr>(PS))) {
      N = P;
      C = PS;
      continue;
    }
    if (Child)
      *Child = C;
    return P;
  }
}

FlexAfter ObjectFlow::afterFlexAllocation(const CallExpr *Call,
                                          const VarDecl *Var,
                                          const FieldDecl *Fam,
                                          const FieldDecl *Counter) const {
  struct Event {
    SourceLocation Loc;
    const Expr *E;
  };
  llvm::SmallVector<Event, 16> Events;
  SourceLocation After = SM.getFileLoc(Call->getEndLoc());
  std::function<void(const Stmt *)> Walk = [&](const Stmt *St) {
    if (!St)
      return;
    if (isa<UnaryExprOrTypeTraitExpr>(St))
      return; // Unevaluated: sizeof(p->data[0]) uses nothing.
    if (const auto *E = dyn_cast<Expr>(St)) {
      SourceLocation L = SM.getFileLoc(E->getBeginLoc());
      bool Relevant = false;
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        Relevant = ME->isArrow() && refersTo(ME->getBase(), Var);
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        Relevant = DRE->getDecl() == Var;
      if (Relevant && L.isValid() && SM.isBeforeInTranslationUnit(After, L))
        Events.push_back({L, E});
    }
    for (const Stmt *C : St->children())
      Walk(C);
  };
  Walk(FD.getBody());
  std::stable_sort(Events.begin(), Events.end(),
                   [&](const Event &A, const Event &B) {
                     return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                   });
  FlexAfter Out;
  for (const Event &Ev : Events) {
    const Stmt *Child = nullptr;
    DynTypedNode P = parentOf(Ev.E, &Child);
    if (const auto *ME = dyn_cast<MemberExpr>(Ev.E)) {
      if (ME->getMemberDecl() == Counter) {
        const auto *BO = P.get<BinaryOperator>();
        if (BO && BO->isAssignmentOp() && BO->getLHS() == Child) {
          Out.K = FlexAfter::SetFirst;
          Out.At = ME;
          Out.StoredValue =
              BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr;
          return Out;
        }
        continue; // Reading the counter is not this check's concern.
      }
      if (ME->getMemberDecl() == Fam) {
        const auto *Call = P.get<CallExpr>();
        if (Call &&
            Call->getBuiltinCallee() == Builtin::BI__builtin_counted_by_ref) {
          Out.K = FlexAfter::SetFirst;
          Out.At = ME;
          return Out;
        }
        Out.K = FlexAfter::UseFirst;
        Out.At = ME;
        return Out;
      }
      continue;
    }
    // A bare reference: the base of a member access (seen above), a
    // test, a store of a new value, or an escape to a call.
    if (P.get<MemberExpr>())
      continue;
    const auto *BO = P.get<BinaryOperator>();
    if (BO && BO->isAssignmentOp() && BO->getLHS() == Child) {
      Out.K = FlexAfter::Escapes;
      return Out;
    }
    if (P.get<CallExpr>() || (BO && BO->getOpcode() == BO_Assign) ||
        P.get<VarDecl>() || P.get<ReturnStmt>()) {
      Out.K = FlexAfter::Escapes;
      Out.At = cast<Expr>(Ev.E);
      return Out;
    }
  }
  return Out;
}

const Stmt *ObjectFlow::enclosingStatement(const Stmt *E,
                                           const CompoundStmt **Block) const {
  DynTypedNode N = DynTypedNode::create(*E);
  for (unsigned I = 0; I < 64; ++I) {
    DynTypedNode P = Parents.parent(N);
    if (P.getNodeKind().isNone())
      return nullptr;
    if (const auto *CS = P.get<CompoundStmt>())
      if (!Parents.parent(P).get<StmtExpr>()) {
        *Block = CS;
        return N.get<Stmt>();
      }
    N = P;
  }
  return nullptr;
}

bool ObjectFlow::sameValue(const Expr *A, const Expr *B) const {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  Expr::EvalResult RA, RB;
  if (A->EvaluateAsInt(RA, Ctx) && B->EvaluateAsInt(RB, Ctx))
    return llvm::APSInt::isSameValue(RA.Val.getInt(), RB.Val.getInt());
  llvm::FoldingSetNodeID IA, IB;
  A->Profile(IA, Ctx, /*Canonical=*/true);
  B->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

bool ObjectFlow::isMemset(const CallExpr *CE) {
  const FunctionDecl *F = CE->getDirectCallee();
  if (!F)
    return false;
  unsigned ID = F->getBuiltinID();
  return ID == Builtin::BImemset || ID == Builtin::BI__builtin_memset ||
         (F->getIdentifier() && F->getName() == "memset");
}

const CallExpr *ObjectFlow::asMemset(const Stmt *St) {
  const auto *E = dyn_cast_or_null<Expr>(St);
  const auto *CE = E ? dyn_cast<CallExpr>(E->IgnoreParenCasts()) : nullptr;
  return CE && isMemset(CE) ? CE : nullptr;
}

bool ObjectFlow::testsNonNull(const Expr *Cond, const VarDecl *V) const {
  Cond = Cond->IgnoreParenImpCasts();
  if (refersTo(Cond, V))
    return true;
  // !!p, likely(p): __builtin_expect(!!(p), 1).
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    if (Not->getOpcode() == UO_LNot)
      if (const auto *Inner =
              dyn_cast<UnaryOperator>(Not->getSubExpr()->IgnoreParenImpCasts()))
        return Inner->getOpcode() == UO_LNot &&
               testsNonNull(Inner->getSubExpr(), V);
  if (const auto *CE = dyn_cast<CallExpr>(Cond))
    return CE->getBuiltinCallee() == Builtin::BI__builtin_expect &&
           CE->getNumArgs() == 2 && testsNonNull(CE->getArg(0), V);
  // p != NULL, NULL != p.
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() != BO_NE)
      return false;
    auto IsNull = [&](const Expr *E) {
      return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
    };
    return (refersTo(BO->getLHS(), V) && IsNull(BO->getRHS())) ||
           (refersTo(BO->getRHS(), V) && IsNull(BO->getLHS()));
  }
  return false;
}

const CallExpr *ObjectFlow::memsetIfNonNull(const Stmt *St,
                                            const VarDecl *V) const {
  const auto *If = dyn_cast<IfStmt>(St);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      !testsNonNull(If->getCond(), V))
    return nullptr;
  const Stmt *Then = If->getThen();
  if (const auto *CS = dyn_cast<CompoundStmt>(Then))
    Then = CS->body_empty() ? nullptr : CS->body_front();
  return asMemset(Then);
}

void ObjectFlow::refsIn(const Stmt *E,
                        llvm::SmallPtrSetImpl<const Decl *> &Out) {
  if (!E)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    Out.insert(DRE->getDecl());
  for (const Stmt *C : E->children())
    refsIn(C, Out);
}

bool ObjectFlow::usesOutsideConditions(const Stmt *St, const VarDecl *V) {
  if (!St)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(St))
    return DRE->getDecl() == V;
  const Stmt *Cond = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(St))
    Cond = If->getCond();
  else if (const auto *W = dyn_cast<WhileStmt>(St))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(St))
    Cond = D->getCond();
  for (const Stmt *C : St->children())
    if (C && C != Cond && usesOutsideConditions(C, V))
      return true;
  return false;
}

bool ObjectFlow::modifiesAny(const Stmt *St,
                             const llvm::SmallPtrSetImpl<const Decl *> &Vars) {
  if (!St)
    return false;
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->isAssignmentOp())
      Target = BO->getLHS();
  } else if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
      Target = UO->getSubExpr();
  }
  if (Target)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
      if (Vars.contains(DRE->getDecl()))
        return true;
  for (const Stmt *C : St->children())
    if (modifiesAny(C, Vars))
      return true;
  return false;
}

const CallExpr *ObjectFlow::clearingMemset(const CallExpr *Call,
                                           const VarDecl *Var,
                                           const Expr *Size) const {
  const CompoundStmt *Block = nullptr;
  const Stmt *Holder = enclosingStatement(Call, &Block);
  if (!Holder)
    return nullptr;
  const auto *It = llvm::find(Block->body(), Holder);
  if (It == Block->body_end())
    return nullptr;
  // The next statements: up to four that only test the pointer (or do not
  // name it) and leave the size's variables alone, then the memset.
  llvm::SmallPtrSet<const Decl *, 4> SizeVars;
  refsIn(Size, SizeVars);
  unsigned Skipped = 0;
  for (++It; It != Block->body_end(); ++It) {
    const Stmt *Next = *It;
    const CallExpr *CE = asMemset(Next);
    if (!CE)
      CE = memsetIfNonNull(Next, Var);
    if (!CE) {
      if (++Skipped > 4 || usesOutsideConditions(Next, Var) ||
          modifiesAny(Next, SizeVars))
        return nullptr;
      continue;
    }
    Expr::EvalResult Zero;
    if (CE->getNumArgs() != 3 ||
        !refersTo(CE->getArg(0)->IgnoreParenCasts(), Var) ||
        !CE->getArg(1)->EvaluateAsInt(Zero, Ctx) ||
        !Zero.Val.getInt().isZero() || !sameValue(CE->getArg(2), Size))
      return nullptr;
    return CE;
  }
  return nullptr;
}

} // namespace typeslab
