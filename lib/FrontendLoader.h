//===- FrontendLoader.h - Loads the front-end half into Clang ---*- C++ -*-===//
//
// Whether TypeslabPass.so found a Clang in its process and loaded
// TypeslabFrontend.so into it; see FrontendLoader.cpp and FrontendHost.h.
//
//===----------------------------------------------------------------------===//
#ifndef TYPESLAB_LIB_FRONTENDLOADER_H
#define TYPESLAB_LIB_FRONTENDLOADER_H

#include <string>

namespace typeslab {

enum class FrontendLoad {
  NoClang, ///< No Clang in the process (opt): IR rules only, by design.
  Loaded,  ///< The front-end half is registered with Clang.
  Failed,  ///< Clang is there but the front-end half could not be loaded.
};

/// How loading went; Error says why when it failed.
FrontendLoad frontendLoad(std::string &Error);

} // namespace typeslab

#endif // TYPESLAB_LIB_FRONTENDLOADER_H
