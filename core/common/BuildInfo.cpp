#include "core/common/BuildInfo.h"

#include <torch/cuda.h>
#include <torch/version.h>

namespace scorescope {

bool cudaBuild()
{
    return SCORESCOPE_CUDA_BUILD;
}

std::string buildInfo()
{
    return std::string(SCORESCOPE_VERSION_STRING) + " (git " + SCORESCOPE_GIT_REVISION + "), LibTorch " + TORCH_VERSION +
           (cudaBuild() ? ", CUDA build" : ", CPU build") + ", CUDA " +
           (torch::cuda::is_available() ? "available" : "not available");
}

} // namespace scorescope
