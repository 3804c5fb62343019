#pragma once
#include "data/ToyDataset.h"

#include <memory>
#include <string>
#include <vector>

namespace scorescope {

const std::vector<std::string>& toyPresetNames();
// nullptr when `name` is not a preset.
std::unique_ptr<ToyDataset> makeToyPreset(const std::string& name);

} // namespace scorescope
