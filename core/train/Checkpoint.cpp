#include "core/train/Checkpoint.h"

#include "core/common/Error.h"
#include "core/prior/Prior.h"
#include "core/train/DataPaths.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>

namespace scorescope {

TensorArchive openCheckpoint(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw Error(path, "checkpoint not found");
    return TensorArchive::load(path);
}

TrainConfig checkpointConfig(const TensorArchive& archive, const std::string& path)
{
    if (!archive.hasText("config"))
        throw Error(path, "checkpoint has no config");
    try {
        return trainConfigFromJson(nlohmann::json::parse(archive.text("config")), path);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path, std::string("checkpoint config is corrupt: ") + e.what());
    }
}

TrainConfig readCheckpointConfig(const std::string& path)
{
    return anchoredAt(checkpointConfig(openCheckpoint(path), path), directoryOf(path));
}

int64_t checkpointStep(const TensorArchive& archive)
{
    const auto step = archive.tensor("step");
    if (step.numel() != 1 || step.scalar_type() != torch::kLong || step.item<int64_t>() < 0)
        throw Error("the step record is not one non-negative integer");
    return step.item<int64_t>();
}

std::shared_ptr<const Prior> checkpointPrior(const TensorArchive& archive, const PriorConfig& config, const std::string& path)
{
    if (!config.auxiliary() || !archive.hasNested("prior"))
        return nullptr;
    auto prior = loadPrior(archive.nested("prior"), path);
    if (prior->kind() != config.kind)
        throw Error("the checkpoint's prior is " + prior->kind() + ", the run's config asks for " + config.kind);
    return prior;
}

void readingCheckpoint(const std::string& path, const std::function<void()>& read)
{
    try {
        read();
    } catch (const Error& e) {
        const std::string what = e.what();
        throw what.rfind(path, 0) == 0 ? e : Error(path, what);
    } catch (const c10::Error& e) {
        throw Error(path, std::string("checkpoint does not match this run's model: ") + e.what_without_backtrace());
    }
}

} // namespace scorescope
