#include "core/data/Dataset.h"

#include "core/common/Error.h"
#include "core/data/ImageDataset.h"
#include "core/data/MixtureDataset.h"
#include "core/data/MixtureJson.h"
#include "core/data/ToyPresets.h"

namespace scorescope {

int64_t Dataset::dim() const
{
    int64_t d = 1;
    for (int64_t s : sampleShape())
        d *= s;
    return d;
}

bool isImageDatasetSpec(const std::string& spec)
{
    return spec == "fashion-mnist" || spec.rfind("folder:", 0) == 0 || spec.rfind("cifar10:", 0) == 0;
}

std::unique_ptr<Dataset> loadDataset(const std::string& spec, const ImageOptions& images)
{
    if (auto preset = makeToyPreset(spec))
        return preset;
    if (spec == "fashion-mnist")
        return resizedTo(loadFashionMnist(images.dataDir, images.flip), images.size, images.flip);
    if (spec.rfind("folder:", 0) == 0)
        return loadImageFolder(spec.substr(7), images);
    if (spec.rfind("cifar10:", 0) == 0)
        return resizedTo(loadCifar10(spec.substr(8), images.flip), images.size, images.flip);
    if (spec.size() > 5 && spec.substr(spec.size() - 5) == ".json")
        return std::make_unique<MixtureDataset>(readMixtureJson(spec));
    std::string names;
    for (const auto& n : toyPresetNames())
        names += (names.empty() ? "" : ", ") + n;
    throw Error("unknown dataset '" + spec + "' (a preset: " + names +
                "; a mixture .json file; fashion-mnist; folder:DIR; cifar10:DIR)");
}

} // namespace scorescope
