#pragma once
#include <string>

namespace scorescope {

// "0.1.0 (git 254f3b3), LibTorch 1.13.0, CUDA available|not available": the version, the git
// revision the build was configured from, the LibTorch it links and whether that LibTorch sees a
// CUDA device. Both programs print it for --version.
std::string buildInfo();

} // namespace scorescope
