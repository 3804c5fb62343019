#pragma once
#include "core/data/Dataset.h"

#include <memory>
#include <string>
#include <vector>

namespace scorescope {

const std::vector<std::string>& toyPresetNames();
// nullptr when `name` is not a preset.
std::unique_ptr<Dataset> makeToyPreset(const std::string& name);

} // namespace scorescope
