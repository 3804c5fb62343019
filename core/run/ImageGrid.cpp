#include "run/ImageGrid.h"

#include "common/SystemError.h"
#include "data/ImageDataset.h"
#include "run/AtomicFile.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

namespace scorescope {

void writeImageGrid(const std::string& path, const torch::Tensor& images, int64_t nrow, int64_t scale)
{
    const auto bytes = ImageDataset::toBytes(images);
    const int64_t n = bytes.size(0), C = bytes.size(1), H = bytes.size(2), W = bytes.size(3);
    const int64_t cols = std::min(nrow, n), rows = (n + nrow - 1) / nrow, pad = 2;
    auto grid = torch::full({C, rows * (H + pad) + pad, cols * (W + pad) + pad}, 255, torch::kUInt8);
    for (int64_t i = 0; i < n; ++i) {
        const int64_t r = i / nrow, c = i % nrow;
        grid.slice(1, pad + r * (H + pad), pad + r * (H + pad) + H).slice(2, pad + c * (W + pad), pad + c * (W + pad) + W) =
            bytes[i];
    }
    auto hwc = grid.permute({1, 2, 0}).contiguous();
    cv::Mat img(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), C == 1 ? CV_8UC1 : CV_8UC3, hwc.data_ptr<uint8_t>());
    cv::Mat out;
    if (C == 3)
        cv::cvtColor(img, out, cv::COLOR_RGB2BGR);
    else
        out = img.clone();
    if (scale > 1)
        cv::resize(out, out, cv::Size(), double(scale), double(scale), cv::INTER_NEAREST);
    std::vector<uchar> png;
    if (!cv::imencode(".png", out, png))
        throw SystemError(path, "PNG encoding failed");
    writeFileAtomically(path, std::string(png.begin(), png.end()));
}

} // namespace scorescope
