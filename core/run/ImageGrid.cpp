#include "core/run/ImageGrid.h"

#include "core/common/SystemError.h"
#include "core/data/ImageDataset.h"
#include "core/run/AtomicFile.h"

#include <png.h>
#include <torch/torch.h>

namespace scorescope {

namespace {
// PNG through libpng's simplified API (png_image, libpng ≥ 1.6.29): the grid is already 8-bit rows.
std::string encodePng(const torch::Tensor& hwc, const std::string& path)
{
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(hwc.size(1));
    image.height = static_cast<png_uint_32>(hwc.size(0));
    image.format = hwc.size(2) == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
    png_alloc_size_t size = 0;
    if (!png_image_write_get_memory_size(image, size, 0, hwc.data_ptr<uint8_t>(), 0, nullptr))
        throw SystemError(path, std::string("PNG encoding failed: ") + image.message);
    std::string png(size, '\0');
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, hwc.data_ptr<uint8_t>(), 0, nullptr))
        throw SystemError(path, std::string("PNG encoding failed: ") + image.message);
    png.resize(size);
    return png;
}
} // namespace

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
    if (scale > 1)  // nearest neighbour: each pixel a scale × scale block
        grid = grid.repeat_interleave(scale, 1).repeat_interleave(scale, 2);
    writeFileAtomically(path, encodePng(grid.permute({1, 2, 0}).contiguous(), path));
}

} // namespace scorescope
