#include "core/metrics/ImageQuality.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/data/ImageDataset.h"
#include "core/metrics/FrechetDistance.h"
#include "core/run/TensorArchive.h"

#include <spdlog/spdlog.h>
#include <torch/torch.h>

#include <cstdlib>
#include <filesystem>

namespace scorescope {

namespace fs = std::filesystem;

std::string ImageQuality::defaultModelsDir()
{
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/scorescope/models";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/scorescope/models";
    return ".scorescope-models";
}

ImageQuality::ImageQuality(const ImageDataset& data, const std::string& modelsDir, torch::Device device) : device_(device)
{
    const auto shape = data.sampleShape();
    if (!data.trainLabels().defined())
        throw Error(data.name(), "has no labels to train the feature classifier on");
    net_ = FeatureClassifier(shape[0], shape[1]);
    const std::string path = modelsDir + "/" + data.name() + "-classifier.pt";
    bool loaded = false;
    if (fs::exists(path)) {
        try {
            const auto archive = TensorArchive::load(path);
            readModule(archive.nested("net"), *net_);
            accuracy_ = archive.tensor("accuracy").item<double>();
            loaded = true;
        } catch (const std::exception& e) {  // Error, or c10::Error from a malformed record
            spdlog::warn("{}: unreadable cached classifier ({}), training a new one", path, e.what());
            net_ = FeatureClassifier(shape[0], shape[1]);
        }
    }
    net_->to(device_);
    if (!loaded) {
        torch::manual_seed(0);
        Rng rng(0);
        torch::optim::Adam opt(net_->parameters(), torch::optim::AdamOptions(1e-3));
        const int64_t n = data.trainImages().size(0), batch = 128, steps = 2 * n / batch;
        net_->train();
        for (int64_t i = 0; i < steps; ++i) {
            const auto idx = (rng.uniform({batch}, torch::TensorOptions().dtype(torch::kDouble)) * n).floor().to(torch::kLong).clamp_max(n - 1);
            const auto x = ImageDataset::toModelRange(data.trainImages().index_select(0, idx)).to(device_);
            const auto y = data.trainLabels().index_select(0, idx).to(device_);
            opt.zero_grad();
            const auto loss = torch::cross_entropy_loss(net_->forward(x), y);
            loss.backward();
            opt.step();
        }
        net_->eval();
        torch::NoGradGuard noGrad;
        int64_t correct = 0;
        const auto& test = data.testImages();
        for (int64_t i = 0; i < test.size(0); i += 1000) {
            const auto x = ImageDataset::toModelRange(test.slice(0, i, i + 1000)).to(device_);
            correct += (net_->forward(x).argmax(1).cpu() == data.testLabels().slice(0, i, i + 1000)).sum().item<int64_t>();
        }
        accuracy_ = double(correct) / double(test.size(0));
        fs::create_directories(modelsDir);
        TensorArchive archive, net;
        writeModule(net, *net_);
        archive.write("net", net);
        archive.write("accuracy", torch::tensor(accuracy_));
        archive.save(path);
        spdlog::info("trained the {} feature classifier: test accuracy {:.3f}; cached in {}", data.name(), accuracy_, path);
    }
    net_->eval();
}

torch::Tensor ImageQuality::features(const torch::Tensor& images)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < images.size(0); i += 500)
        out.push_back(net_->features(images.slice(0, i, i + 500).to(device_, torch::kFloat)).cpu());
    return torch::cat(out);
}

ImageQuality::Scores ImageQuality::compare(const torch::Tensor& images, const torch::Tensor& reference, Rng& rng)
{
    const auto a = features(images), b = features(reference);
    // The cubic kernel needs features of order one, as Inception's are; ours are rescaled so the
    // reference features have mean square 1.
    const double scale = 1.0 / b.pow(2).mean().sqrt().item<double>();
    const auto kid = kernelDistance(a * scale, b * scale, rng, 50, 1000);
    return {frechetDistance(a, b), kid.mean, kid.stderr_};
}

} // namespace scorescope
