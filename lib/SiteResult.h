//===- SiteResult.h - The pass's conclusion about one call ------*- C++ -*-===//
#ifndef TYPESLAB_LIB_SITERESULT_H
#define TYPESLAB_LIB_SITERESULT_H

#include "TypeIdentity.h"
#include "VerdictKinds.h"

#include <string>

namespace typeslab {

/// Where a verdict came from, for remarks and records.
enum class VerdictSource { Frontend, IR };

struct SiteResult {
  bool Typed = false;
  TypeIdentity Identity;
  SiteShape Shape = SiteShape::Unknown;
  std::string Evidence; ///< e.g. "size+destination", "ir-gep".
  ReasonClass Class = ReasonClass::NoEvidence;
  std::string Reason;
  VerdictSource Source = VerdictSource::IR;
};

} // namespace typeslab

#endif // TYPESLAB_LIB_SITERESULT_H
