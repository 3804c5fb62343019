#pragma once
// A stand-in for Debian's dataset-fashion-mnist: the four IDX files of its layout with n random
// 28×28 images, so that image-model tests need no data package (the GPU node and a bare root
// have none).
#include "core/data/IdxFile.h"

#include <torch/torch.h>

#include <filesystem>
#include <string>

namespace scorescope::testing {

// Writes the fixture into dir (made if missing) and returns dir.
inline std::string writeFashionMnistFixture(const std::string& dir, int64_t n)
{
    std::filesystem::create_directories(dir);
    for (const char* stem : {"train-images-idx3-ubyte", "t10k-images-idx3-ubyte"})
        writeIdx(dir + "/" + stem, torch::randint(256, {n, 28, 28}, torch::kUInt8), false);
    for (const char* stem : {"train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"})
        writeIdx(dir + "/" + stem, torch::randint(10, {n}, torch::kUInt8), false);
    return dir;
}

} // namespace scorescope::testing
