#include "core/data/ImageDataset.h"

#include "core/common/Error.h"
#include "core/common/ExceptionText.h"
#include "core/common/Rng.h"
#include "core/data/IdxFile.h"

#include <torch/torch.h>
#ifdef SCORESCOPE_HAVE_OPENCV
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace scorescope {

namespace fs = std::filesystem;

const char* defaultFashionMnistDir() { return "/usr/share/datasets/fashion-mnist"; }

ImageDataset::ImageDataset(std::string name, torch::Tensor train, torch::Tensor test, torch::Tensor trainLabels,
                           torch::Tensor testLabels, bool flip)
    : name_(std::move(name)), train_(std::move(train)), test_(std::move(test)), trainLabels_(std::move(trainLabels)),
      testLabels_(std::move(testLabels)), flip_(flip)
{
}

std::vector<int64_t> ImageDataset::sampleShape() const { return {train_.size(1), train_.size(2), train_.size(3)}; }

torch::Tensor ImageDataset::toModelRange(const torch::Tensor& images) { return images.to(torch::kFloat) / 127.5 - 1.0; }

torch::Tensor ImageDataset::toBytes(const torch::Tensor& images)
{
    return ((images.to(torch::kCPU, torch::kFloat) + 1.0) * 127.5).round().clamp(0, 255).to(torch::kUInt8);
}

torch::Tensor ImageDataset::sample(int64_t n, Rng& rng) const
{
    const auto idx = (rng.uniform({n}, torch::TensorOptions().dtype(torch::kDouble)) * train_.size(0))
                         .floor()
                         .to(torch::kLong)
                         .clamp_max(train_.size(0) - 1);
    auto x = toModelRange(train_.index_select(0, idx));
    if (flip_) {
        const auto mask = (rng.uniform({n}) < 0.5).view({n, 1, 1, 1});
        x = torch::where(mask, x.flip({3}), x);
    }
    return x;
}

namespace {

torch::Tensor readImages(const std::string& path, int64_t expectedCount)
{
    const auto t = readIdx(path);
    if (t.dim() != 3)
        throw Error(path, "expected a 3-D IDX image file, found " + std::to_string(t.dim()) + " dimensions");
    if (expectedCount >= 0 && t.size(0) != expectedCount)
        throw Error(path, "holds " + std::to_string(t.size(0)) + " images, the labels say " + std::to_string(expectedCount));
    return t.unsqueeze(1);
}

torch::Tensor readLabels(const std::string& path)
{
    const auto t = readIdx(path);
    if (t.dim() != 1)
        throw Error(path, "expected a 1-D IDX label file");
    if (t.max().item<int>() > 9)
        throw Error(path, "label out of range 0..9");
    return t.to(torch::kLong);
}

std::string findIdx(const std::string& dir, const std::string& stem)
{
    for (const std::string& candidate : {dir + "/" + stem + ".gz", dir + "/" + stem})
        if (fs::exists(candidate))
            return candidate;
    throw Error(dir + "/" + stem + ".gz", "not found (is dataset-fashion-mnist installed, or --data-dir right?)");
}

} // namespace

std::unique_ptr<ImageDataset> loadFashionMnist(const std::string& dirIn, bool flip)
{
    const std::string dir = dirIn.empty() ? defaultFashionMnistDir() : dirIn;
    const auto trainLabels = readLabels(findIdx(dir, "train-labels-idx1-ubyte"));
    const auto testLabels = readLabels(findIdx(dir, "t10k-labels-idx1-ubyte"));
    const auto train = readImages(findIdx(dir, "train-images-idx3-ubyte"), trainLabels.size(0));
    const auto test = readImages(findIdx(dir, "t10k-images-idx3-ubyte"), testLabels.size(0));
    return std::make_unique<ImageDataset>("fashion-mnist", train, test, trainLabels, testLabels, flip);
}

std::unique_ptr<ImageDataset> loadImageFolder(const std::string& dir, const ImageOptions& options)
{
    if (!fs::is_directory(dir))
        throw Error(dir, "not a directory");
    if (options.size <= 0)
        throw Error(dir, "image folders need an image size (--image-size)");
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        auto ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp")
            files.push_back(entry.path());
    }
    if (files.empty())
        throw Error(dir, "holds no images (.png, .jpg, .jpeg, .bmp)");
    std::sort(files.begin(), files.end());
#ifndef SCORESCOPE_HAVE_OPENCV
    // The headless build (SCORESCOPE_HEADLESS, README) has no OpenCV to decode them.
    throw Error(dir, "image folders need OpenCV, which this headless build lacks (Fashion-MNIST and CIFAR-10 files work)");
#else
    const int64_t C = options.gray ? 1 : 3, S = options.size;
    auto all = torch::empty({static_cast<int64_t>(files.size()), C, S, S}, torch::kUInt8);
    for (size_t i = 0; i < files.size(); ++i) {
        cv::Mat img;
        try {  // OpenCV asserts on some headers (a width past its limit) instead of failing the read
            img = cv::imread(files[i].string(), options.gray ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        } catch (const cv::Exception& e) {
            throw Error(files[i].string(), "cannot be decoded as an image (" + firstLine(e.what()) + ")");
        }
        if (img.empty())
            throw Error(files[i].string(), "cannot be decoded as an image");
        if (!options.gray)
            cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
        cv::resize(img, img, cv::Size(static_cast<int>(S), static_cast<int>(S)), 0, 0, cv::INTER_AREA);
        const auto hwc = torch::from_blob(img.data, {S, S, C}, torch::kUInt8).clone();
        all[static_cast<int64_t>(i)] = hwc.permute({2, 0, 1});
    }
    // Deterministic split: every k-th image is held out.
    const int64_t n = all.size(0);
    const int64_t nTest = std::max<int64_t>(n >= 2 ? 1 : 0, static_cast<int64_t>(n * options.testFraction));
    const auto isTest = torch::arange(n) % std::max<int64_t>(1, n / std::max<int64_t>(1, nTest)) == 0;
    auto test = nTest > 0 ? all.index({isTest}) : all.slice(0, 0, 0);
    auto train = nTest > 0 ? all.index({~isTest}) : all;
    return std::make_unique<ImageDataset>("folder:" + dir, train, test, torch::Tensor(), torch::Tensor(), options.flip);
#endif
}

namespace {
torch::Tensor resizeBytes(const torch::Tensor& images, int64_t size)
{
    return torch::adaptive_avg_pool2d(images.to(torch::kFloat), {size, size}).round().clamp(0, 255).to(torch::kUInt8);
}
}

std::unique_ptr<ImageDataset> resizedTo(std::unique_ptr<ImageDataset> dataset, int64_t size, bool flip)
{
    if (size <= 0 || dataset->sampleShape().back() == size)
        return dataset;
    return std::make_unique<ImageDataset>(dataset->name(), resizeBytes(dataset->trainImages(), size),
                                          resizeBytes(dataset->testImages(), size), dataset->trainLabels(),
                                          dataset->testLabels(), flip);
}

std::unique_ptr<ImageDataset> loadCifar10(const std::string& dir, bool flip)
{
    constexpr int64_t kRecord = 1 + 3 * 32 * 32;
    auto readBatch = [&](const std::string& path, std::vector<torch::Tensor>& images, std::vector<torch::Tensor>& labels) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw Error(path, "not found (CIFAR-10 binary version: data_batch_1..5.bin, test_batch.bin)");
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        if (bytes.empty() || bytes.size() % kRecord != 0)
            throw Error(path, "size " + std::to_string(bytes.size()) + " is not a whole number of 3073-byte CIFAR-10 records");
        const int64_t n = static_cast<int64_t>(bytes.size()) / kRecord;
        auto raw = torch::from_blob(bytes.data(), {n, kRecord}, torch::kUInt8).clone();
        const auto label = raw.select(1, 0).to(torch::kLong);
        if (label.max().item<int64_t>() > 9)
            throw Error(path, "label out of range 0..9 (not a CIFAR-10 batch file)");
        labels.push_back(label);
        images.push_back(raw.slice(1, 1).view({n, 3, 32, 32}));
    };
    std::vector<torch::Tensor> trainX, trainY, testX, testY;
    for (int b = 1; b <= 5; ++b)
        readBatch(dir + "/data_batch_" + std::to_string(b) + ".bin", trainX, trainY);
    readBatch(dir + "/test_batch.bin", testX, testY);
    return std::make_unique<ImageDataset>("cifar10", torch::cat(trainX), torch::cat(testX), torch::cat(trainY),
                                          torch::cat(testY), flip);
}

} // namespace scorescope
