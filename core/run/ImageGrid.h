#pragma once
#include <torch/types.h>

#include <string>

namespace scorescope {

// Writes images [N, C, H, W] in [−1, 1] as one PNG grid (nrow per row, 2-pixel gaps), via libpng,
// atomically. `scale` enlarges each pixel (nearest neighbour) for viewing.
void writeImageGrid(const std::string& path, const torch::Tensor& images, int64_t nrow, int64_t scale = 1);

} // namespace scorescope
