#pragma once
#include <torch/types.h>

#include <string>
#include <vector>

namespace scorescope {

// The IDX format of (Fashion-)MNIST: magic 0x00 0x00 <type> <ndims>, big-endian uint32 sizes,
// then the data. Only unsigned bytes (type 0x08) are used by these datasets. Plain and gzipped
// files are read alike (zlib reads uncompressed files transparently).
torch::Tensor readIdx(const std::string& path);  // uint8 tensor of the file's shape; Error on a bad file
void writeIdx(const std::string& path, const torch::Tensor& data, bool gzip);  // for tests and tools

} // namespace scorescope
