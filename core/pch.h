// Precompiled header for core/ and everything that links LibTorch: parsing the torch headers
// costs ~20 s per translation unit otherwise.
#pragma once
#include <torch/torch.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
