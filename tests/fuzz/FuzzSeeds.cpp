// fuzz_seeds DIR: writes the fuzz targets' binary seeds into DIR/<harness>/ at build time, so that
// they follow the readers' formats as these change: checkpoints of the network that fuzz_checkpoint
// loads into (one with a fitted GMM prior, one trained with STF), small IDX files (plain and gzip),
// two CIFAR-10 records and two small images. The text seeds, and the inputs that fuzzing found and
// that are now regression inputs, live in tests/fuzz/corpus.
#include "core/common/Error.h"
#include "core/train/Trainer.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

void write(const fs::path& file, const Bytes& bytes)
{
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw scorescope::Error(file.string(), "cannot write");
}

void writeGzip(const fs::path& file, const Bytes& bytes)
{
    gzFile out = gzopen(file.c_str(), "wb9");
    const bool ok = out && gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size());
    if (!out || gzclose(out) != Z_OK || !ok)
        throw scorescope::Error(file.string(), "cannot write");
}

// An IDX file of unsigned bytes: magic 0x0000 0x08 <rank>, big-endian dimensions, then the values.
Bytes idx(const std::vector<uint32_t>& dims, const Bytes& values)
{
    Bytes b{0, 0, 0x08, static_cast<uint8_t>(dims.size())};
    for (const uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(static_cast<uint8_t>(d >> shift));
    b.insert(b.end(), values.begin(), values.end());
    return b;
}

Bytes ramp(size_t n, int stride)
{
    Bytes v(n);
    for (size_t i = 0; i < n; ++i)
        v[i] = static_cast<uint8_t>(i * static_cast<size_t>(stride));
    return v;
}

// Four steps of the small network fuzz_checkpoint loads into (hidden 16, depth 2, T 0.3).
void writeCheckpoint(const fs::path& file, scorescope::Target target, const std::string& prior)
{
    scorescope::TrainConfig config;
    config.model.hidden = 16;
    config.model.depth = 2;
    config.sde.T = 0.3;
    config.batch = 64;
    config.objective.target = target;
    config.objective.referenceSize = 32;
    config.prior.kind = prior;
    config.prior.fitPoints = 2000;
    config.prior.fitSteps = 20;
    scorescope::Trainer trainer(config);
    if (config.prior.auxiliary())
        trainer.fitPrior();
    for (int i = 0; i < 4; ++i)
        trainer.step();
    trainer.saveCheckpoint(file.string());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
        return 2;
    }
    const fs::path dir = argv[1];
    try {
        for (const char* harness : {"checkpoint", "idx", "cifar10", "image_folder"})
            fs::create_directories(dir / harness);
        writeCheckpoint(dir / "checkpoint/toy-gmm-prior.ckpt", scorescope::Target::Dsm, "gmm");
        writeCheckpoint(dir / "checkpoint/toy-stf.ckpt", scorescope::Target::Stf, "gaussian");

        write(dir / "idx/labels-4.idx", idx({4}, {0, 1, 2, 9}));
        const Bytes images = idx({2, 3, 3}, ramp(18, 1));
        write(dir / "idx/images-2x3x3.idx", images);
        writeGzip(dir / "idx/images-2x3x3.idx.gz", images);

        // CIFAR-10 binary: per record a label byte, then 32×32 red, green and blue planes.
        Bytes cifar;
        for (const uint8_t label : {3, 9}) {
            cifar.push_back(label);
            const Bytes pixels = ramp(3 * 32 * 32, 7);
            cifar.insert(cifar.end(), pixels.begin(), pixels.end());
        }
        write(dir / "cifar10/two-records.bin", cifar);

        cv::Mat gray(4, 4, CV_8UC1), colour(8, 8, CV_8UC3);
        for (int i = 0; i < 16; ++i)
            gray.at<uint8_t>(i / 4, i % 4) = static_cast<uint8_t>(16 * i);
        for (int i = 0; i < 64; ++i)
            colour.at<cv::Vec3b>(i / 8, i % 8) = cv::Vec3b(static_cast<uint8_t>(4 * i), static_cast<uint8_t>(255 - 4 * i), 128);
        if (!cv::imwrite((dir / "image_folder/gray-4x4.png").string(), gray) ||
            !cv::imwrite((dir / "image_folder/rgb-8x8.bmp").string(), colour))
            throw scorescope::Error((dir / "image_folder").string(), "cannot write the images");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
