// The fuzz targets' binary seeds, written at build time by fuzz_seeds, are valid inputs that reach
// each reader's last stage — a fuzzer that mutates them explores the readers, not only their first
// check — and they hold the values fuzz_seeds put in.
#include "core/data/IdxFile.h"
#include "core/data/ImageDataset.h"
#include "core/train/Trainer.h"

#include <QtTest/QtTest>
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <filesystem>

using namespace scorescope;
namespace fs = std::filesystem;

class TestFuzzSeeds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void checkpointsLoadInFull();
    void idxPlainAndGzip();
    void cifarRecords();
    void images();

private:
    const std::string seeds_ = qEnvironmentVariable("SCORESCOPE_FUZZ_SEEDS").toStdString();
    std::string seed(const std::string& name) const { return seeds_ + "/" + name; }
};

void TestFuzzSeeds::checkpointsLoadInFull()
{
    // fuzz_checkpoint's trainer: every tensor of a seed fits it, the prior record included.
    TrainConfig config;
    config.model.hidden = 16;
    config.model.depth = 2;
    config.sde.T = 0.3;
    config.prior.kind = "gmm";
    Trainer trainer(config);
    trainer.loadCheckpoint(seed("checkpoint/toy-gmm-prior.ckpt"));
    QCOMPARE(trainer.stepCount(), int64_t(4));
    QVERIFY(trainer.priorFitted());
    QCOMPARE(QString::fromStdString(readCheckpointConfig(seed("checkpoint/toy-gmm-prior.ckpt")).prior.kind), QString("gmm"));
    const auto stf = readCheckpointConfig(seed("checkpoint/toy-stf.ckpt"));
    QCOMPARE(stf.objective.target, Target::Stf);
    QCOMPARE(stf.objective.referenceSize, int64_t(32));
}

void TestFuzzSeeds::idxPlainAndGzip()
{
    QVERIFY(torch::equal(readIdx(seed("idx/labels-4.idx")), torch::tensor({0, 1, 2, 9}, torch::kUInt8)));
    const auto plain = readIdx(seed("idx/images-2x3x3.idx"));
    QCOMPARE(plain.sizes().vec(), (std::vector<int64_t>{2, 3, 3}));
    QVERIFY(torch::equal(plain.flatten(), torch::arange(18, torch::kUInt8)));
    QVERIFY(torch::equal(readIdx(seed("idx/images-2x3x3.idx.gz")), plain));
}

void TestFuzzSeeds::cifarRecords()
{
    // fuzz_cifar10 gives the seed as every batch file; here as the test batch beside five copies.
    QTemporaryDir dir;
    for (const char* name : {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                             "data_batch_5.bin", "test_batch.bin"})
        fs::copy_file(seed("cifar10/two-records.bin"), dir.path().toStdString() + "/" + name);
    const auto data = loadCifar10(dir.path().toStdString(), false);
    QCOMPARE(data->testImages().sizes().vec(), (std::vector<int64_t>{2, 3, 32, 32}));
    QVERIFY(torch::equal(data->testLabels().to(torch::kLong), torch::tensor({3, 9}, torch::kLong)));
    QCOMPARE(data->testImages()[1][0][0][1].item<int>(), 7);  // the ramp, 7 per pixel
}

void TestFuzzSeeds::images()
{
    const auto gray = cv::imread(seed("image_folder/gray-4x4.png"), cv::IMREAD_UNCHANGED);
    QCOMPARE(gray.rows, 4);
    QCOMPARE(gray.channels(), 1);
    QCOMPARE(int(gray.at<uint8_t>(3, 3)), 240);
    const auto colour = cv::imread(seed("image_folder/rgb-8x8.bmp"), cv::IMREAD_UNCHANGED);
    QCOMPARE(colour.cols, 8);
    QCOMPARE(colour.channels(), 3);
    QCOMPARE(int(colour.at<cv::Vec3b>(7, 7)[1]), 255 - 4 * 63);
}

QTEST_GUILESS_MAIN(TestFuzzSeeds)
#include "tst_fuzzseeds.moc"
