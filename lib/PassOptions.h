//===- PassOptions.h - The -typeslab-* options ------------------*- C++ -*-===//
//
// Options of the pass and its front-end half, given as -mllvm -typeslab-X
// to clang or -typeslab-X to opt. The allocator spec they select is loaded
// once per process and shared by both halves.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_PASSOPTIONS_H
#define TYPESLAB_LIB_PASSOPTIONS_H

#include "AllocatorSpec.h"

#include <cstdint>
#include <string>

namespace typeslab {

/// The name of the pass everywhere: pipeline, DEBUG_TYPE, remarks, options.
inline constexpr const char PassName[] = "typeslab";

enum class TokenMode { Descriptor, Hash };

struct PassOptions {
  Profile Prof = Profile::Kernel;
  std::string SpecFile;
  TokenMode Tokens = TokenMode::Descriptor;
  uint64_t MaxTokens = 0;
  uint64_t Fallback = 0;
  std::string SitesDir;
  bool ReportOnly = false;
  bool UseFrontend = true;
  bool Verify = false;
  /// Testing only: break the module after rewriting, so that tests can show
  /// what -typeslab-verify does with output it must reject.
  bool BreakForTesting = false;
};

/// The options as given on the command line.
PassOptions currentOptions();

/// The allocator spec of currentOptions(), loaded once. On a bad spec it
/// returns nullptr and sets Error to a message naming file, entry and field;
/// so it does on an unknown profile or token form and on contradictory
/// options (-typeslab-max-tokens without hash tokens, a fallback token not
/// below it).
const AllocatorSpec *activeSpec(std::string &Error);

} // namespace typeslab

#endif // TYPESLAB_LIB_PASSOPTIONS_H
