#pragma once
#include <string>

namespace scorescope {

// "0.1.0 (git 254f3b3), LibTorch 2.6.0, CUDA build, CUDA available|not available" (or "CPU
// build"): the version, the git revision the build was configured from, the LibTorch it links,
// whether that LibTorch was built with CUDA and whether it sees a device. Both programs print it
// for --version.
std::string buildInfo();

// Whether this build links a LibTorch with CUDA (libtorch_cuda), device or not.
bool cudaBuild();

} // namespace scorescope
