#include "data/ToyDataset.h"

#include "common/Error.h"
#include "data/MixtureJson.h"
#include "data/ToyPresets.h"

namespace scorescope {

std::unique_ptr<ToyDataset> loadToyDataset(const std::string& spec)
{
    if (auto preset = makeToyPreset(spec))
        return preset;
    if (spec.size() > 5 && spec.substr(spec.size() - 5) == ".json")
        return std::make_unique<MixtureDataset>(readMixtureJson(spec));
    std::string names;
    for (const auto& n : toyPresetNames())
        names += (names.empty() ? "" : ", ") + n;
    throw Error("unknown dataset '" + spec + "' (a preset: " + names + "; or a mixture .json file)");
}

} // namespace scorescope
