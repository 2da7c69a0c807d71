//===- AllocatorDeclaration.cpp - Can a declaration be the allocator? -----===//
//
// checkAllocatorDeclaration (AllocatorDeclaration.h): the declaration check
// that the pass (TypeslabPass.so, `clang -fpass-plugin=` or
// `opt -load-pass-plugin=`) and the Clang-side modules (TypeslabFrontend.so,
// `clang -fplugin=KmallocObjChecker.so`) share. Part of typeslabLLVM.
//
//===----------------------------------------------------------------------===//
#include "AllocatorDeclaration.h"

namespace typeslab {

DeclarationVerdict checkAllocatorDeclaration(const AllocatorInfo &A,
                                             const DeclaredSignature &D) {
  DeclarationVerdict V;
  auto fail = [&](ReasonClass C, std::string Reason) {
    V.Class = C;
    V.Reason = std::move(Reason);
    return V;
  };
  std::string Name = "'" + D.Name + "'";
  if (!D.Prototyped)
    return fail(ReasonClass::VariadicAllocator,
                "'" + A.Family + "' is declared without a prototype");
  if (D.Variadic)
    return fail(ReasonClass::VariadicAllocator,
                "'" + A.Family +
                    "' is variadic, so its typed variant cannot take a token");
  if (!D.CallType.empty())
    return fail(ReasonClass::BadDeclaration,
                "the call's type '" + D.CallType +
                    "' differs from the declared type '" + D.DeclaredType +
                    "' of " + Name);
  if (static_cast<int>(D.Params.size()) <= A.maxArgIndex())
    return fail(ReasonClass::BadDeclaration,
                Name + " is declared with " + std::to_string(D.Params.size()) +
                    " parameters, the allocator spec expects at least " +
                    std::to_string(A.maxArgIndex() + 1));
  struct Role {
    const char *Name;
    int Arg;
    ValueKind Kind;
  } Roles[] = {{"size", A.SizeArg, ValueKind::Integer},
               {"count", A.CountArg, ValueKind::Integer},
               {"flags", A.FlagsArg, ValueKind::Integer},
               {"align", A.AlignArg, ValueKind::Integer},
               {"old", A.OldPtrArg, ValueKind::Pointer},
               {"src", A.SrcArg, ValueKind::Pointer},
               {"result", A.ResultArg, ValueKind::Pointer}};
  for (const Role &R : Roles) {
    if (R.Arg < 0 || D.Params[R.Arg].Kind == R.Kind)
      continue;
    return fail(
        ReasonClass::BadDeclaration,
        Name + " parameter " + std::to_string(R.Arg) + " ('" + R.Name +
            "') has type '" + D.Params[R.Arg].Type +
            "', the allocator spec expects " +
            (R.Kind == ValueKind::Pointer ? "a pointer" : "an integer"));
  }
  if (A.ResultArg < 0 && D.Result.Kind != ValueKind::Pointer)
    return fail(ReasonClass::BadDeclaration,
                Name + " returns '" + D.Result.Type +
                    "', the allocator spec expects a pointer");
  return V;
}

bool isDeclarationProblem(ReasonClass C) {
  return C == ReasonClass::VariadicAllocator ||
         C == ReasonClass::BadDeclaration;
}

} // namespace typeslab
