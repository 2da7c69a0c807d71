# -*- Python -*-
# lit configuration for every typeslab suite (pass, checker, report, e2e).
# Substitutions name the built artefacts; no test names a checkout path.
import os
import shutil

import lit.formats
import lit.util

config.name = "typeslab"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".c", ".cpp", ".test", ".json"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.typeslab_obj_root, "test", "lit")

tools = config.llvm_tools_dir
lib = os.path.join(config.typeslab_obj_root, "lib")
bindir = os.path.join(config.typeslab_obj_root, "bin")
src = config.typeslab_src_root

config.environment["PATH"] = os.pathsep.join(
    [tools, bindir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Keep diagnostics plain and stable.
config.environment["TERM"] = "dumb"
for var in ("TYPESLAB_MODE", "TYPESLAB_SLABINFO"):
    config.environment.pop(var, None)

pass_lib = os.path.join(lib, "TypeslabPass.so")
checker_lib = os.path.join(lib, "KmallocObjChecker.so")
runtime_lib = os.path.join(lib, "libtypeslab_runtime.a")

config.substitutions.append(("%typeslab_pass", pass_lib))
config.substitutions.append(("%typeslab_checker", checker_lib))
config.substitutions.append(("%typeslab_runtime", runtime_lib))
config.substitutions.append(("%typeslab_include", os.path.join(src, "include")))
config.substitutions.append(("%typeslab_src", src))
# Debian's linux-source-6.12, for the contrib/linux checks (scripts/setup.sh
# installs it).
linux_tarball = "/usr/src/linux-source-6.12.tar.xz"
config.substitutions.append(("%linux_tarball", linux_tarball))
if os.path.exists(linux_tarball):
    config.available_features.add("linux-source-6.12")
config.substitutions.append(("%typeslab_corpus", os.path.join(src, "test", "kernel-corpus")))
config.substitutions.append(("%typeslab_tools", os.path.join(src, "tools")))
# The pages whose figures a test pins (README.md's report line, the
# isolation table of docs/).
config.substitutions.append(("%typeslab_readme", os.path.join(src, "README.md")))
config.substitutions.append(("%typeslab_docs", os.path.join(src, "docs")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%clang", os.path.join(tools, "clang")))
config.substitutions.append(("%opt", os.path.join(tools, "opt")))
config.substitutions.append(("%llvm-nm", os.path.join(tools, "llvm-nm")))
config.substitutions.append(("%llvm-readelf", os.path.join(tools, "llvm-readelf")))
config.substitutions.append(("%llvm-link", os.path.join(tools, "llvm-link")))

