//===- AllocTokenPass.cpp - The typeslab pass: typed allocator calls ------===//
//
// At every direct call to an allocator of the spec, works out the allocated
// type (front-end verdict first, IR rules otherwise) and rewrites the call to
// the spec's typed variant with a type token appended:
//
//   kmalloc(sizeof(*p), GFP_KERNEL)
//     -> kmalloc_token(sizeof(*p), GFP_KERNEL, (uint64_t)&__typeslab_type_..)
//
// In descriptor mode (default) the token is the address of a per-type
// descriptor (include/typeslab/token.h) emitted as a linkonce_odr COMDAT in
// section "typeslab_types"; in hash mode it is the layout hash, optionally
// reduced mod -typeslab-max-tokens. Every site gets a remark (-Rpass=typeslab
// or -Rpass-missed=typeslab) and, with -typeslab-sites=DIR, a record.
//
//   clang -O2 -fpass-plugin=TypeslabPass.so [-mllvm -typeslab-...] -c f.c
//   opt -load-pass-plugin=TypeslabPass.so -passes=typeslab -S f.ll
//
//===----------------------------------------------------------------------===//
#include "AllocTokenPass.h"

#include "AllocatorDeclaration.h"
#include "FrontendLoader.h"
#include "IRInference.h"
#include "PassOptions.h"
#include "SiteRecords.h"
#include "SiteResult.h"
#include "VerdictStore.h"

#include "typeslab/token.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Plugins/PassPlugin.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <map>

using namespace llvm;

#define DEBUG_TYPE "typeslab"

// Tracking statistics rather than STATISTIC(): Debian's LLVM is a release
// build, where STATISTIC() counts nothing. These register with LLVM's
// statistics registry when statistics are on (-mllvm -stats, -save-stats)
// and print with the rest (-Xclang -print-stats, the -save-stats JSON).
#define TYPESLAB_STATISTIC(VAR, DESC)                                          \
  static llvm::TrackingStatistic VAR = {DEBUG_TYPE, #VAR, DESC}
TYPESLAB_STATISTIC(NumSites, "Allocator calls seen");
TYPESLAB_STATISTIC(NumTyped, "Allocator calls typed");
TYPESLAB_STATISTIC(NumUntyped, "Allocator calls left untyped");
TYPESLAB_STATISTIC(NumConflicting, "Allocator calls with conflicting evidence");
TYPESLAB_STATISTIC(NumRewritten, "Allocator calls rewritten to typed variants");
TYPESLAB_STATISTIC(NumDescriptors, "Type descriptors emitted");
TYPESLAB_STATISTIC(NumAddressTaken, "Uses of an allocator's address");

namespace typeslab {
namespace {

/// A function as its author wrote it, for remarks and site records: C++
/// names demangled (`Alloc<Pod>::one()`), C names as they are.
std::string displayName(const Function &F) {
  return llvm::demangle(F.getName());
}

/// One allocator call, collected before anything is rewritten.
struct Site {
  CallBase *Call = nullptr;
  const AllocatorInfo *Alloc = nullptr;
  SiteResult Result;
  uint64_t TokenValue = 0;
  Value *Token = nullptr; ///< A constant, or a wrapper clone's token argument.
  bool WrapperCall = false; ///< The callee is a wrapper found by the front end.
  std::string FnKey;        ///< Enclosing function as the front end names it.
  unsigned Ordinal = 0;     ///< Index among FnKey's calls of this callee.
  unsigned GroupSize = 0;   ///< How many calls of this callee FnKey has.
  const FrontendSite *FS = nullptr; ///< The front end's verdict, if any.
  bool Rewritten = false;
  std::string NotRewritten; ///< Why a typed site kept its call, if so.
};

class Typeslab {
public:
  Typeslab(Module &M, const PassOptions &Opts, const AllocatorSpec &Spec)
      : M(M),
        BuildDir(Opts.BuildDir.empty() ? workingDirectory() : Opts.BuildDir),
        Root(Opts.Root.empty() ? BuildDir : Opts.Root),
        Ctx(M.getContext()), DL(M.getDataLayout()), Opts(Opts), Spec(Spec),
        I64(Type::getInt64Ty(Ctx)) {}

  bool run();

private:
  void collect(Function &F, std::vector<Site> &Sites, StringRef FnKey = "");
  void infer(Site &S);
  void assignToken(Site &S);
  GlobalVariable *descriptorFor(const TypeIdentity &Id);
  Function *typedVariant(const Site &S, std::string &Why);
  Function *wrapperClone(Function *W);
  void rewrite(Site &S, Function *NewF);
  const AllocatorInfo *allocatorFor(const Function &Callee, bool &Wrapper);
  void remark(const Site &S);
  bool firstRemarkAt(const Site &S);
  void verifyOutput();
  void reportAddressTaken(std::vector<SiteRecord> &Records);
  static void globalsHolding(User *C, SetVector<GlobalVariable *> &Out);
  SiteRecord record(const Site &S) const;
  const char *modeName() const;

  Module &M;
  /// What the compile's relative paths are relative to, and what record
  /// paths are made relative to: -typeslab-build-dir (default: the working
  /// directory) and -typeslab-root (default: the build directory).
  std::string BuildDir, Root;
  LLVMContext &Ctx;
  const DataLayout &DL;
  const PassOptions &Opts;
  const AllocatorSpec &Spec;
  IntegerType *I64;
  std::map<uint64_t, GlobalVariable *> Descriptors;
  std::map<Function *, Function *> Clones;
  StringSet<> Remarked; ///< Sites remarked, by location and verdict.
};

const char *Typeslab::modeName() const {
  if (Opts.ReportOnly)
    return "report-only";
  return Opts.Tokens == TokenMode::Hash ? "hash" : "descriptor";
}

Function *calledFunction(CallBase &CB) {
  return dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
}

/// Why CB must keep the callee it has, or "". A musttail call's callee must
/// take the caller's parameters, so it cannot take a token as well; turning
/// it into a plain call would drop the tail call the code asked for.
std::string keepsCallee(const CallBase &CB) {
  if (const auto *CI = dyn_cast<CallInst>(&CB))
    if (CI->isMustTailCall())
      return "a 'musttail' call must keep its callee's parameters, so it "
             "cannot take a token";
  return "";
}

void Typeslab::collect(Function &F, std::vector<Site> &Sites, StringRef FnKey) {
  if (F.isDeclaration() || F.hasAvailableExternallyLinkage() ||
      F.hasFnAttribute(Attribute::Naked))
    return;
  size_t First = Sites.size();
  for (Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB || isa<IntrinsicInst>(CB))
      continue;
    Function *Callee = calledFunction(*CB);
    if (!Callee || !Callee->hasName())
      continue;
    bool Wrapper = false;
    if (const AllocatorInfo *A = allocatorFor(*Callee, Wrapper)) {
      // The typed variant's own definition calling the allocator is the
      // runtime's implementation: rewriting it would make it call itself.
      if (A->Typed == F.getName())
        continue;
      Site S;
      S.Call = CB;
      S.Alloc = A;
      S.WrapperCall = Wrapper;
      Sites.push_back(std::move(S));
    }
  }
  // Ordinals per callee, in emission (block layout) order, as the front end
  // counted them.
  StringMap<unsigned> PerCallee;
  for (size_t I = First; I < Sites.size(); ++I) {
    Site &S = Sites[I];
    S.FnKey = FnKey.empty() ? F.getName().str() : FnKey.str();
    S.Ordinal = PerCallee[calledFunction(*S.Call)->getName()]++;
  }
  for (size_t I = First; I < Sites.size(); ++I)
    Sites[I].GroupSize = PerCallee[calledFunction(*Sites[I].Call)->getName()];
}

const AllocatorInfo *Typeslab::allocatorFor(const Function &Callee,
                                            bool &Wrapper) {
  Wrapper = false;
  if (const AllocatorInfo *A = Spec.lookup(Callee.getName()))
    return A;
  if (!Opts.UseFrontend || !VerdictStore::get().active())
    return nullptr;
  const AllocatorInfo *W = VerdictStore::get().wrapper(Callee.getName());
  Wrapper = W && !Callee.isDeclaration();
  return Wrapper ? W : nullptr;
}

/// The wrapper W with a trailing i64 token parameter that its allocator
/// calls (opaque-wrapper sites) receive instead of the fallback token.
Function *Typeslab::wrapperClone(Function *W) {
  auto It = Clones.find(W);
  if (It != Clones.end())
    return It->second;
  FunctionType *FT = W->getFunctionType();
  SmallVector<Type *, 8> Params(FT->param_begin(), FT->param_end());
  Params.push_back(I64);
  auto *NewFT = FunctionType::get(FT->getReturnType(), Params, FT->isVarArg());
  Function *C = Function::Create(NewFT, GlobalValue::InternalLinkage,
                                 W->getName() + ".typeslab", M);
  Clones[W] = C;
  ValueToValueMapTy VMap;
  for (auto [Old, New] : zip(W->args(), C->args())) {
    New.setName(Old.getName());
    VMap[&Old] = &New;
  }
  SmallVector<ReturnInst *, 4> Returns;
  CloneFunctionInto(C, W, VMap, CloneFunctionChangeType::LocalChangesOnly,
                    Returns);
  C->setLinkage(GlobalValue::InternalLinkage);
  C->setVisibility(GlobalValue::DefaultVisibility);
  C->setComdat(nullptr);
  Argument *Token = C->getArg(C->arg_size() - 1);
  Token->setName("typeslab.token");

  // The clone's own opaque-wrapper sites take the caller's token.
  std::vector<Site> Inner;
  collect(*C, Inner, W->getName());
  for (Site &S : Inner) {
    infer(S);
    if (S.Result.Typed || S.Result.Class != ReasonClass::OpaqueWrapper ||
        !keepsCallee(*S.Call).empty())
      continue;
    S.Token = Token;
    if (S.WrapperCall) {
      rewrite(S, wrapperClone(calledFunction(*S.Call)));
    } else if (!isDeclarationProblem(S.Result.Class)) {
      std::string Why;
      if (Function *NewF = typedVariant(S, Why))
        rewrite(S, NewF);
    }
  }
  return C;
}

std::string typeText(Type *T) {
  std::string S;
  raw_string_ostream OS(S);
  T->print(OS);
  return S;
}

DeclaredValue declaredValue(Type *T) {
  DeclaredValue V;
  V.Kind = T->isIntegerTy()   ? ValueKind::Integer
           : T->isPointerTy() ? ValueKind::Pointer
                              : ValueKind::Other;
  V.Type = typeText(T);
  return V;
}

/// The declaration of CB's callee, as checkAllocatorDeclaration reads it.
/// A call whose type differs from the declaration (a call through a cast)
/// says so: its typed variant would not match it.
DeclaredSignature declaredSignature(const CallBase &CB) {
  const Function &Callee = *calledFunction(const_cast<CallBase &>(CB));
  FunctionType *FT = Callee.getFunctionType();
  DeclaredSignature D;
  D.Name = Callee.getName().str();
  // clang declares a C89 'void *kmalloc();' as 'ptr (...)'.
  D.Prototyped = !FT->isVarArg() || FT->getNumParams() != 0;
  D.Variadic = FT->isVarArg();
  for (Type *P : FT->params())
    D.Params.push_back(declaredValue(P));
  D.Result = declaredValue(FT->getReturnType());
  if (CB.getFunctionType() != FT) {
    D.CallType = typeText(CB.getFunctionType());
    D.DeclaredType = typeText(FT);
  }
  return D;
}

void Typeslab::infer(Site &S) {
  CallBase &CB = *S.Call;
  Function *Callee = calledFunction(CB);
  SiteResult &R = S.Result;
  DeclarationVerdict DV =
      checkAllocatorDeclaration(*S.Alloc, declaredSignature(CB));
  if (!DV.ok()) {
    R.Class = DV.Class;
    R.Reason = std::move(DV.Reason);
    return;
  }
  if (Opts.UseFrontend && VerdictStore::get().active()) {
    const FrontendSite *FS = VerdictStore::get().find(
        S.FnKey, Callee->getName(), S.Ordinal, S.GroupSize);
    // Where the call carries a location, it must be the verdict's too.
    if (FS)
      if (const DILocation *Loc = CB.getDebugLoc().get())
        if (Loc->getLine() != FS->Line || Loc->getColumn() != FS->Col)
          FS = nullptr;
    S.FS = FS;
    if (FS) {
      R.Typed = FS->Typed;
      R.Identity = FS->Identity;
      R.Shape = FS->Shape;
      R.Evidence = FS->Evidence;
      R.Class = FS->Class;
      R.Reason = FS->Reason;
      R.Source = VerdictSource::Frontend;
      return;
    }
  }
  R = inferFromIR(CB, *S.Alloc, DL);
}

GlobalVariable *Typeslab::descriptorFor(const TypeIdentity &Id) {
  auto It = Descriptors.find(Id.Hash);
  if (It != Descriptors.end())
    return It->second;
  std::string Name;
  raw_string_ostream OS(Name);
  OS << "__typeslab_type_" << format_hex_no_prefix(Id.Hash, 16);
  if (GlobalVariable *G = M.getGlobalVariable(Name, /*AllowInternal=*/true))
    return Descriptors[Id.Hash] = G;

  Comdat *C = M.getOrInsertComdat(Name);
  C->setSelectionKind(Comdat::Any);
  Constant *Str = ConstantDataArray::getString(Ctx, Id.Name);
  // A real (hidden, linkonce_odr) symbol, not a private one: if the
  // optimizer merges an identical string literal of the code into it, the
  // code's references must still resolve when the linker drops this TU's
  // copy of the COMDAT in favour of another's.
  auto *NameVar =
      new GlobalVariable(M, Str->getType(), /*isConstant=*/true,
                         GlobalValue::LinkOnceODRLinkage, Str, Name + ".name");
  NameVar->setVisibility(GlobalValue::HiddenVisibility);
  NameVar->setAlignment(Align(1));
  NameVar->setComdat(C);

  // Mirrors struct typeslab_type in include/typeslab/token.h.
  Type *I16 = Type::getInt16Ty(Ctx), *I32 = Type::getInt32Ty(Ctx);
  PointerType *Ptr = PointerType::getUnqual(Ctx);
  StructType *DescTy = StructType::getTypeByName(Ctx, "typeslab.type");
  if (!DescTy)
    DescTy = StructType::create(
        Ctx, {I32, I16, I16, I64, I64, I64, I32, I32, Ptr, Ptr},
        "typeslab.type");
  Constant *Init = ConstantStruct::get(
      DescTy,
      {ConstantInt::get(I32, TYPESLAB_DESC_MAGIC),
       ConstantInt::get(I16, TYPESLAB_DESC_VERSION),
       ConstantInt::get(I16, Id.Flags), ConstantInt::get(I64, Id.Hash),
       ConstantInt::get(I64, Id.Size), ConstantInt::get(I64, Id.ElemSize),
       ConstantInt::get(I32, Id.Align), ConstantInt::get(I32, 0), NameVar,
       ConstantPointerNull::get(Ptr)});
  auto *G = new GlobalVariable(M, DescTy, /*isConstant=*/false,
                               GlobalValue::LinkOnceODRLinkage, Init, Name);
  G->setComdat(C);
  G->setSection(TYPESLAB_DESC_SECTION);
  G->setAlignment(Align(8));
  // As clang marks its own definitions: outside shared objects the
  // descriptor cannot be preempted, so code reaches it directly. Without
  // this the kernel (non-PIC, -mcmodel=kernel) reaches it through GOT
  // entries, which its linker script forbids.
  if (M.getPICLevel() == PICLevel::NotPIC || M.getPIELevel() != PIELevel::Default)
    G->setDSOLocal(true);
  ++NumDescriptors;
  return Descriptors[Id.Hash] = G;
}

void Typeslab::assignToken(Site &S) {
  const SiteResult &R = S.Result;
  if (!R.Typed) {
    S.TokenValue = Opts.Fallback;
    S.Token = ConstantInt::get(I64, Opts.Fallback);
    return;
  }
  if (Opts.Tokens == TokenMode::Hash) {
    S.TokenValue = typeslab_hash_token(R.Identity.Hash, R.Identity.hasPointer(),
                                       Opts.MaxTokens);
    S.Token = ConstantInt::get(I64, S.TokenValue);
    return;
  }
  // The address is known only at link time; records show the layout hash.
  S.TokenValue = R.Identity.Hash;
  // Report-only mode leaves the module as it was: no descriptor either.
  if (Opts.ReportOnly)
    return;
  S.Token = ConstantExpr::getPtrToInt(descriptorFor(R.Identity), I64);
}

Function *Typeslab::typedVariant(const Site &S, std::string &Why) {
  Function *Callee = calledFunction(*S.Call);
  FunctionType *FT = Callee->getFunctionType();
  SmallVector<Type *, 8> Params(FT->param_begin(), FT->param_end());
  unsigned Pos = S.Alloc->TokenArg < 0 ? Params.size() : S.Alloc->TokenArg;
  if (Pos > Params.size()) {
    Why = "the spec puts the token at argument " + std::to_string(Pos) +
          " but '" + Callee->getName().str() + "' has only " +
          std::to_string(Params.size()) + " parameters";
    return nullptr;
  }
  Params.insert(Params.begin() + Pos, I64);
  auto *NewFT = FunctionType::get(FT->getReturnType(), Params, false);
  if (Function *Existing = M.getFunction(S.Alloc->Typed)) {
    if (Existing->getFunctionType() != NewFT) {
      Why =
          "'" + S.Alloc->Typed + "' is already declared with a different type";
      return nullptr;
    }
    return Existing;
  }
  Function *F =
      Function::Create(NewFT, GlobalValue::ExternalLinkage, S.Alloc->Typed, M);
  F->setCallingConv(Callee->getCallingConv());
  // Keep what the allocator promises about its result and arguments.
  AttributeList From = Callee->getAttributes();
  AttrBuilder FnAttrs(Ctx, From.getFnAttrs());
  FnAttrs.removeAttribute(Attribute::AllocSize);
  FnAttrs.removeAttribute(Attribute::AllocKind);
  FnAttrs.removeAttribute("alloc-family");
  SmallVector<AttributeSet, 8> ParamAttrs;
  for (unsigned I = 0; I < Params.size(); ++I) {
    if (I == Pos)
      ParamAttrs.push_back(AttributeSet());
    else
      ParamAttrs.push_back(From.getParamAttrs(I < Pos ? I : I - 1));
  }
  F->setAttributes(AttributeList::get(Ctx, AttributeSet::get(Ctx, FnAttrs),
                                      From.getRetAttrs(), ParamAttrs));
  return F;
}

void Typeslab::rewrite(Site &S, Function *NewF) {
  CallBase *CB = S.Call;
  unsigned Pos = S.Alloc->TokenArg < 0 ? CB->arg_size() : S.Alloc->TokenArg;
  SmallVector<Value *, 8> Args(CB->args());
  Args.insert(Args.begin() + Pos, S.Token);
  SmallVector<OperandBundleDef, 1> Bundles;
  CB->getOperandBundlesAsDefs(Bundles);

  CallBase *New;
  if (auto *II = dyn_cast<InvokeInst>(CB))
    New = InvokeInst::Create(NewF, II->getNormalDest(), II->getUnwindDest(),
                             Args, Bundles, "", CB->getIterator());
  else {
    auto *CI = CallInst::Create(NewF, Args, Bundles, "", CB->getIterator());
    CI->setTailCallKind(cast<CallInst>(CB)->getTailCallKind());
    New = CI;
  }
  New->setCallingConv(CB->getCallingConv());
  AttributeList A = CB->getAttributes();
  SmallVector<AttributeSet, 8> ParamAttrs;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (I == Pos)
      ParamAttrs.push_back(AttributeSet());
    else
      ParamAttrs.push_back(A.getParamAttrs(I < Pos ? I : I - 1));
  }
  AttrBuilder FnAttrs(Ctx, A.getFnAttrs());
  FnAttrs.removeAttribute(Attribute::AllocSize);
  New->setAttributes(AttributeList::get(Ctx, AttributeSet::get(Ctx, FnAttrs),
                                        A.getRetAttrs(), ParamAttrs));
  SmallVector<std::pair<unsigned, MDNode *>, 4> MDs;
  CB->getAllMetadata(MDs);
  for (auto &[Kind, Node] : MDs)
    New->setMetadata(Kind, Node);
  New->setDebugLoc(CB->getDebugLoc());
  New->takeName(CB);
  CB->replaceAllUsesWith(New);
  CB->eraseFromParent();
  S.Call = New;
  S.Rewritten = true;
  ++NumRewritten;
}

std::string tokenText(const Site &S) {
  std::string T;
  raw_string_ostream OS(T);
  OS << format_hex(S.TokenValue, 2);
  return T;
}

/// True unless a call at the same source location with the same verdict was
/// remarked already. The kernel's alloc_hooks() (6.10+) expands its allocator
/// call twice, once per arm of `if (mem_alloc_profiling_enabled())`, so one
/// kmalloc() in the source is two calls in the IR: both are rewritten, but
/// the user wrote one call and gets one remark. Calls without a location are
/// never merged: nothing tells them apart.
bool Typeslab::firstRemarkAt(const Site &S) {
  const DILocation *Loc = S.Call->getDebugLoc().get();
  if (!Loc || !Loc->getLine())
    return true;
  const SiteResult &R = S.Result;
  std::string Key;
  raw_string_ostream OS(Key);
  OS << S.Call->getFunction()->getName() << '\0' << Loc->getFilename() << ':'
     << Loc->getLine() << ':' << Loc->getColumn() << '\0'
     << static_cast<const void *>(Loc->getInlinedAt()) << '\0'
     << S.Alloc->Family << '\0' << R.Typed << R.Identity.Name << '\0'
     << S.TokenValue << '\0' << R.Evidence << '\0' << R.Reason << '\0'
     << S.NotRewritten << '\0' << static_cast<int>(R.Source);
  return Remarked.insert(OS.str()).second;
}

void Typeslab::remark(const Site &S) {
  Function &F = *S.Call->getFunction();
  OptimizationRemarkEmitter ORE(&F);
  if (!ORE.enabled() || !firstRemarkAt(S))
    return;
  const SiteResult &R = S.Result;
  const char *Src = R.Source == VerdictSource::Frontend ? "front end" : "IR";
  if (R.Typed) {
    ORE.emit([&] {
      OptimizationRemark Rem(PassName, "Typed", S.Call);
      Rem << "typed '" << ore::NV("Allocator", S.Alloc->Family) << "' call in '"
          << ore::NV("Function", displayName(F)) << "' as '"
          << ore::NV("Type", R.Identity.Name) << "' ("
          << ore::NV("Shape", siteShapeName(R.Shape))
          << ", evidence: " << ore::NV("Evidence", R.Evidence) << " from the "
          << Src << ", token " << ore::NV("Token", tokenText(S)) << ")";
      if (!S.NotRewritten.empty())
        Rem << "; not rewritten: " << ore::NV("NotRewritten", S.NotRewritten);
      return Rem;
    });
    return;
  }
  ORE.emit([&] {
    OptimizationRemarkMissed Rem(PassName, "Untyped", S.Call);
    untypedMessage(
        [&](StringRef Key, StringRef Text) {
          if (Key.empty())
            Rem << Text;
          else
            Rem << ore::NV(Key, Text);
        },
        S.Alloc->Family, displayName(F), R.Reason, R.Class);
    if (!S.NotRewritten.empty())
      Rem << "; not rewritten: " << ore::NV("NotRewritten", S.NotRewritten);
    return Rem;
  });
}

SiteRecord Typeslab::record(const Site &S) const {
  SiteRecord Rec;
  if (const DILocation *Loc = S.Call->getDebugLoc().get()) {
    Rec.File = Loc->getFilename().str();
    Rec.Line = Loc->getLine();
    Rec.Col = Loc->getColumn();
  } else if (S.FS) {
    Rec.File = S.FS->File;
    Rec.Line = S.FS->Line;
    Rec.Col = S.FS->Col;
  } else {
    Rec.File = M.getSourceFileName();
  }
  Rec.Function = displayName(*S.Call->getFunction());
  Rec.Allocator = S.Alloc->Family;
  Rec.Typed = S.Result.Typed;
  Rec.Type = S.Result.Typed ? S.Result.Identity.Name : "";
  Rec.Token = S.TokenValue;
  Rec.Shape = siteShapeName(S.Result.Shape).str();
  Rec.Evidence = S.Result.Evidence;
  Rec.ReasonClass = reasonClassName(S.Result.Class).str();
  Rec.Reason = S.Result.Reason;
  Rec.Rewritten = S.Rewritten;
  Rec.Mode = modeName();
  Rec.ClangType = allocTokenTypeName(*S.Call);
  return Rec;
}

/// -typeslab-verify: the IR verifier on the module the pass leaves. When it
/// fails, the error quotes it and the broken functions lose their bodies
/// (becoming declarations), so that no later pass meets invalid IR: clang
/// goes on through its pipeline after an error diagnostic.
void Typeslab::verifyOutput() {
  std::string Err;
  raw_string_ostream OS(Err);
  if (!verifyModule(M, &OS))
    return;
  std::string Where;
  for (Function &F : M)
    if (!F.isDeclaration() && verifyFunction(F)) {
      Where += (Where.empty() ? " (in '" : ", '") + F.getName().str() + "'";
      F.deleteBody();
      F.setComdat(nullptr);
    }
  if (!Where.empty())
    Where += ")";
  Ctx.diagnose(DiagnosticInfoGeneric(
      Twine("typeslab: the IR verifier rejected the rewritten module") +
          Where + ": " + StringRef(OS.str()).rtrim(),
      DS_Error));
}

/// A use of an allocator other than as a call's callee: calls through the
/// resulting pointer cannot be typed. A use in a constant (a static ops
/// table `{ .alloc = kmalloc }`) is reported at each call that loads the
/// allocator from a constant global, in the calling function; only a table
/// with no such call is reported without a place.
void Typeslab::reportAddressTaken(std::vector<SiteRecord> &Records) {
  // Indirect calls whose callee folds to a function: a load from a
  // constant global, at a constant offset.
  std::map<std::pair<Function *, const Value *>, std::vector<CallBase *>>
      TableCalls;
  for (Function &F : M)
    for (Instruction &I : instructions(F)) {
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || calledFunction(*CB))
        continue;
      auto *L = dyn_cast<LoadInst>(CB->getCalledOperand()->stripPointerCasts());
      auto *Ptr = L ? dyn_cast<Constant>(L->getPointerOperand()) : nullptr;
      if (!Ptr || L->isVolatile())
        continue;
      if (Constant *C = ConstantFoldLoadFromConstPtr(Ptr, L->getType(), DL))
        if (auto *Target = dyn_cast<Function>(C->stripPointerCasts()))
          TableCalls[{Target, getUnderlyingObject(Ptr)}].push_back(CB);
    }

  auto report = [&](const AllocatorInfo &A, Instruction *I,
                    const std::string &Reason, const std::string &Remark) {
    ++NumAddressTaken;
    SiteRecord Rec;
    Rec.File = M.getSourceFileName();
    Rec.Function = I ? displayName(*I->getFunction()) : "";
    Rec.Allocator = A.Family;
    Rec.Shape = "unknown";
    Rec.ReasonClass = reasonClassName(ReasonClass::IndirectCall).str();
    Rec.Reason = Reason;
    Rec.Token = Opts.Fallback;
    Rec.Mode = modeName();
    if (I) {
      if (const DILocation *Loc = I->getDebugLoc().get()) {
        Rec.File = Loc->getFilename().str();
        Rec.Line = Loc->getLine();
        Rec.Col = Loc->getColumn();
      }
      OptimizationRemarkEmitter ORE(I->getFunction());
      ORE.emit([&] {
        return OptimizationRemarkMissed(PassName, "AddressTaken", I)
               << Remark << " in '"
               << ore::NV("Function", displayName(*I->getFunction()))
               << "': calls through the pointer are not typed ["
               << ore::NV("ReasonClass",
                          reasonClassName(ReasonClass::IndirectCall))
               << "]";
      });
    }
    Records.push_back(std::move(Rec));
  };

  for (const AllocatorInfo &A : Spec.entries()) {
    Function *AF = M.getFunction(A.Name);
    if (!AF)
      continue;
    SetVector<GlobalVariable *> Tables;
    for (const Use &U : AF->uses()) {
      auto *I = dyn_cast<Instruction>(U.getUser());
      if (auto *CB = dyn_cast_or_null<CallBase>(I))
        if (CB->isCallee(&U))
          continue;
      if (!I) {
        globalsHolding(U.getUser(), Tables);
        continue;
      }
      report(A, I,
             "the address of '" + A.Name +
                 "' is taken; calls through the pointer are not typed",
             "address of '" + A.Family + "' taken");
    }
    for (GlobalVariable *G : Tables) {
      auto It = TableCalls.find({AF, G});
      if (It == TableCalls.end()) {
        report(A, nullptr,
               "the address of '" + A.Name + "' is taken in the initializer "
                   "of '" + G->getName().str() +
                   "'; calls through the pointer are not typed",
               "");
        continue;
      }
      for (CallBase *CB : It->second)
        report(A, CB,
               "'" + A.Name + "' is called through a pointer loaded from "
                   "the constant table '" + G->getName().str() +
                   "'; calls through the pointer are not typed",
               "call of '" + A.Family + "' through the constant table '" +
                   G->getName().str() + "'");
    }
  }
}

/// The globals whose initializers hold the constant C.
void Typeslab::globalsHolding(User *C, SetVector<GlobalVariable *> &Out) {
  SmallVector<User *, 8> Work{C};
  SmallPtrSet<User *, 16> Seen;
  while (!Work.empty()) {
    User *U = Work.pop_back_val();
    if (!Seen.insert(U).second)
      continue;
    if (auto *G = dyn_cast<GlobalVariable>(U)) {
      Out.insert(G);
      continue;
    }
    if (isa<Constant>(U) && !isa<GlobalValue>(U))
      for (User *Next : U->users())
        Work.push_back(Next);
  }
}

bool Typeslab::run() {
  std::vector<Site> Sites;
  for (Function &F : M)
    collect(F, Sites);
  std::vector<SiteRecord> Records;
  for (Site &S : Sites) {
    ++NumSites;
    infer(S);
    if (S.Result.Typed)
      ++NumTyped;
    else
      ++NumUntyped;
    if (S.Result.Class == ReasonClass::ConflictingEvidence)
      ++NumConflicting;
    bool Rewritable = !isDeclarationProblem(S.Result.Class);
    assignToken(S);
    if (Rewritable)
      S.NotRewritten = keepsCallee(*S.Call);
    if (!Opts.ReportOnly && Rewritable && S.NotRewritten.empty()) {
      if (!S.WrapperCall) {
        if (Function *NewF = typedVariant(S, S.NotRewritten))
          rewrite(S, NewF);
      } else if (S.Result.Typed) {
        // A typed call of a wrapper: the clone passes the token through.
        rewrite(S, wrapperClone(calledFunction(*S.Call)));
      }
    }
    remark(S);
    Records.push_back(record(S));
  }
  reportAddressTaken(Records);
  // Declarations every call of which was rewritten are dead now.
  for (const AllocatorInfo &A : Spec.entries())
    if (Function *AF = M.getFunction(A.Name))
      if (AF->isDeclaration() && AF->use_empty())
        AF->eraseFromParent();

  auto FirstRewritten =
      llvm::find_if(Sites, [](const Site &S) { return S.Rewritten; });
  bool Changed = FirstRewritten != Sites.end();
  // What a rewriting bug could leave behind: a terminator in mid-block.
  if (Changed && Opts.BreakForTesting)
    new UnreachableInst(Ctx, FirstRewritten->Call->getIterator());
  if (Changed && Opts.Verify)
    verifyOutput();
  bool Embedded = false;
  if (Opts.EmbedRecords || !Opts.SitesDir.empty()) {
    for (SiteRecord &R : Records)
      R.File = recordPath(R.File, Root, BuildDir);
    std::string Text = siteRecordsText(
        recordPath(M.getSourceFileName(), Root, BuildDir), Root, BuildDir,
        Records);
    if (Opts.EmbedRecords)
      Embedded = embedSiteRecords(M, Text);
    if (!Opts.SitesDir.empty()) {
      std::string Err =
          writeSiteRecords(Opts.SitesDir, M.getSourceFileName(), Text);
      if (!Err.empty())
        Ctx.diagnose(
            DiagnosticInfoGeneric(Twine("typeslab: ") + Err, DS_Warning));
    }
  }
  return Changed || Embedded || !Descriptors.empty();
}

} // namespace

PreservedAnalyses TypeslabPass::run(Module &M, ModuleAnalysisManager &) {
  std::string Error;
  const AllocatorSpec *Spec = activeSpec(Error);
  if (!Spec) {
    M.getContext().diagnose(
        DiagnosticInfoGeneric(Twine("typeslab: ") + Error, DS_Error));
    return PreservedAnalyses::all();
  }
  PassOptions Opts = currentOptions();
  if (Opts.UseFrontend &&
      frontendLoad(Error) == FrontendLoad::Failed) {
    M.getContext().diagnose(DiagnosticInfoGeneric(
        Twine("typeslab: ") + Error +
            "; it belongs next to the pass library, or pass -mllvm "
            "-typeslab-frontend=false to use the IR rules alone",
        DS_Error));
    return PreservedAnalyses::all();
  }
  bool Changed = Typeslab(M, Opts, *Spec).run();
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace typeslab

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, typeslab::PassName, TYPESLAB_VERSION,
          [](PassBuilder &PB) {
            PB.registerPipelineStartEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel) {
                  MPM.addPass(typeslab::TypeslabPass());
                });
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name != typeslab::PassName)
                    return false;
                  MPM.addPass(typeslab::TypeslabPass());
                  return true;
                });
          }};
}
