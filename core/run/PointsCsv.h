#pragma once
#include <torch/types.h>

#include <string>
#include <vector>

namespace scorescope {

// Points as CSV: one row per point, comma-separated numbers; a first line that is not numeric
// is taken as the header. Errors name the file and line.
torch::Tensor readPointsCsv(const std::string& path);  // [N, D] double
// Writes `columns` (each [N]) under `header`, atomically.
void writeColumnsCsv(const std::string& path, const std::vector<std::string>& header,
                     const std::vector<torch::Tensor>& columns);
// Points [N, D] with header x0,x1,…
void writePointsCsv(const std::string& path, const torch::Tensor& points);

} // namespace scorescope
