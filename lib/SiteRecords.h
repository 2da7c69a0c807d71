//===- SiteRecords.h - Per-TU JSON-lines records of every site --*- C++ -*-===//
//
// -mllvm -typeslab-sites=DIR writes DIR/<source>-<hash>.jsonl, one object a
// line per allocation site; tools/typeslab-report reads them. The format is
// documented in docs/site-records.md.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_SITERECORDS_H
#define TYPESLAB_LIB_SITERECORDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace typeslab {

struct SiteRecord {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;
  std::string Function;
  std::string Allocator;
  bool Typed = false;
  std::string Type;
  uint64_t Token = 0;
  std::string Shape;
  std::string Evidence;
  std::string ReasonClass;
  std::string Reason;
  bool Rewritten = false;
  std::string Mode;
  /// clang 22's own verdict: the type named by the call's !alloc_token
  /// metadata (-fsanitize=alloc-token); empty when the call has none.
  std::string ClangType;
};

/// Writes the records of one module; returns an error message or "".
std::string writeSiteRecords(llvm::StringRef Dir, llvm::StringRef ModuleSource,
                             llvm::ArrayRef<SiteRecord> Records);

} // namespace typeslab

#endif // TYPESLAB_LIB_SITERECORDS_H
