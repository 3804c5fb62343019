// Image data readers on synthetic fixtures: IDX (plain and gzip), Fashion-MNIST layout, image
// folders through OpenCV, CIFAR-10 binary batches, and every bad-file case with its message.
#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/data/IdxFile.h"
#include "core/data/ImageDataset.h"

#include <QtTest/QtTest>
#include <torch/torch.h>
#ifdef SCORESCOPE_HAVE_OPENCV
#include <opencv2/imgcodecs.hpp>
#endif

#include <fstream>

using namespace scorescope;

namespace {
void writeBytes(const QString& path, const std::string& bytes)
{
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

void expectError(const std::function<void()>& f, const QString& file, const QString& problem)
{
    try {
        f();
        QFAIL("no error");
    } catch (const Error& e) {
        const QString msg = e.what();
        QVERIFY2(msg.startsWith(file), qPrintable(msg));
        QVERIFY2(msg.contains(problem), qPrintable(msg));
    }
}

torch::Tensor randomBytes(std::vector<int64_t> shape, int64_t high = 256)
{
    return torch::randint(0, high, shape, torch::TensorOptions().dtype(torch::kLong)).to(torch::kUInt8);
}
}

class TestImageData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idxRoundTrip_data();
    void idxRoundTrip();
    void idxBadFiles_data();
    void idxBadFiles();
    void fashionMnistLayout();
    void imageFolder();
    void imageFolderErrors();
    void cifar10Batches();
    void trainingDrawsAreScaledAndFlipped();

private:
    QTemporaryDir dir_;
};

void TestImageData::idxRoundTrip_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void TestImageData::idxRoundTrip()
{
    QFETCH(bool, gzip);
    const auto data = randomBytes({7, 5, 3});
    const QString path = dir_.path() + (gzip ? "/a.idx.gz" : "/a.idx");
    writeIdx(path.toStdString(), data, gzip);
    const auto back = readIdx(path.toStdString());
    QCOMPARE(back.sizes(), data.sizes());
    QVERIFY(torch::equal(back, data));
    if (gzip) {  // really compressed: the gzip magic 1f 8b
        std::ifstream in(path.toStdString(), std::ios::binary);
        QCOMPARE(in.get(), 0x1f);
        QCOMPARE(in.get(), 0x8b);
    }
}

void TestImageData::idxBadFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    const QByteArray header("\x00\x00\x08\x01\x00\x00\x00\x04", 8);
    QTest::newRow("empty") << QByteArray() << "truncated: the file ends inside the header";
    QTest::newRow("wrong magic") << QByteArray("\x12\x34\x08\x01\x00\x00\x00\x01\x00", 9) << "not an IDX file (wrong magic number)";
    QTest::newRow("float type") << QByteArray("\x00\x00\x0d\x01\x00\x00\x00\x01\x00", 9) << "is not unsigned byte";
    QTest::newRow("zero dims") << QByteArray("\x00\x00\x08\x00", 4) << "dimensions (expected 1 to 4)";
    QTest::newRow("truncated data") << header + QByteArray("\x01\x02", 2) << "truncated: the file ends inside the data";
    QTest::newRow("trailing bytes") << header + QByteArray("\x01\x02\x03\x04\x05", 5) << "trailing bytes";
    QTest::newRow("huge dimension") << QByteArray("\x00\x00\x08\x01\x7f\xff\xff\xff", 8) << "implausible IDX dimension";
    // Found by fuzzing: a 26-byte file whose header claims 51 966 × 34 814 × 3 bytes (5 GB) was
    // allocated in full before the read failed; it is now read in chunks and fails as truncated.
    QTest::newRow("header claims gigabytes") << QByteArray("\x00\x00\x08\x03\x00\x00\xca\xfe\x00\x00\x87\xfe\x00\x00\x00\x03KKKKK", 21)
                                             << "truncated: the file ends inside the data";
}

void TestImageData::idxBadFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const QString path = dir_.path() + "/bad.idx";
    writeBytes(path, bytes.toStdString());
    expectError([&] { readIdx(path.toStdString()); }, path, problem);
    expectError([&] { readIdx((dir_.path() + "/missing.idx").toStdString()); }, dir_.path() + "/missing.idx", "cannot open");
}

void TestImageData::fashionMnistLayout()
{
    const QString d = dir_.path() + "/fmnist";
    QVERIFY(QDir().mkpath(d));
    const auto train = randomBytes({20, 28, 28}), test = randomBytes({6, 28, 28});
    const auto trainY = randomBytes({20}, 10), testY = randomBytes({6}, 10);
    writeIdx((d + "/train-images-idx3-ubyte.gz").toStdString(), train, true);
    writeIdx((d + "/train-labels-idx1-ubyte.gz").toStdString(), trainY, true);
    writeIdx((d + "/t10k-images-idx3-ubyte").toStdString(), test, false);  // plain files work too
    writeIdx((d + "/t10k-labels-idx1-ubyte").toStdString(), testY, false);
    const auto ds = loadFashionMnist(d.toStdString(), false);
    QCOMPARE(ds->sampleShape(), (std::vector<int64_t>{1, 28, 28}));
    QVERIFY(torch::equal(ds->trainImages().squeeze(1), train));
    QVERIFY(torch::equal(ds->testLabels(), testY.to(torch::kLong)));

    // --image-size 14: each pixel the rounded mean of its 2×2 block (exact in float: sums < 2^24).
    const auto half = resizedTo(loadFashionMnist(d.toStdString(), false), 14, false);
    QCOMPARE(half->sampleShape(), (std::vector<int64_t>{1, 14, 14}));
    const auto blocks = train.to(torch::kDouble).view({20, 14, 2, 14, 2}).mean({2, 4});
    QVERIFY(torch::equal(half->trainImages().squeeze(1), blocks.round().to(torch::kUInt8)));
    QCOMPARE(half->testImages().size(0), 6);

    // Labels and images that disagree, and a missing file, are errors naming the file.
    writeIdx((d + "/t10k-labels-idx1-ubyte").toStdString(), randomBytes({5}, 10), false);
    expectError([&] { loadFashionMnist(d.toStdString(), false); }, d + "/t10k-images-idx3-ubyte", "holds 6 images, the labels say 5");
    QFile::remove(d + "/train-labels-idx1-ubyte.gz");
    expectError([&] { loadFashionMnist(d.toStdString(), false); }, d + "/train-labels-idx1-ubyte.gz", "not found");
}

void TestImageData::imageFolder()
{
    const QString d = dir_.path() + "/folder";
    QVERIFY(QDir().mkpath(d + "/sub"));
    ImageOptions opts;
    opts.size = 16;
    opts.gray = false;
#ifndef SCORESCOPE_HAVE_OPENCV  // the headless build without OpenCV says so, naming the folder
    writeBytes(d + "/img0.png", "any");
    expectError([&] { loadImageFolder(d.toStdString(), opts); }, d, "need OpenCV");
    QSKIP("no OpenCV in this build: image folders are an error (checked above)");
#else
    for (int i = 0; i < 10; ++i) {
        cv::Mat img(40, 30, CV_8UC3, cv::Scalar(10 * i, 100, 200));  // BGR
        cv::imwrite((d + (i % 2 ? "/sub/" : "/") + QString("img%1.png").arg(i)).toStdString(), img);
    }
    const auto ds = loadImageFolder(d.toStdString(), opts);
    QCOMPARE(ds->trainImages().size(0) + ds->testImages().size(0), 10);
    QCOMPARE(ds->testImages().size(0), 1);
    QCOMPARE(ds->sampleShape(), (std::vector<int64_t>{3, 16, 16}));
    // RGB order: red channel = 200 (OpenCV's B was 10·i, G 100, R 200).
    QCOMPARE(ds->trainImages()[0][0][5][5].item<int>(), 200);
    QCOMPARE(ds->trainImages()[0][1][5][5].item<int>(), 100);
    opts.gray = true;
    QCOMPARE(loadImageFolder(d.toStdString(), opts)->sampleShape(), (std::vector<int64_t>{1, 16, 16}));
#endif
}

void TestImageData::imageFolderErrors()
{
    const QString empty = dir_.path() + "/empty";
    QVERIFY(QDir().mkpath(empty));
    ImageOptions opts;
    opts.size = 8;
    expectError([&] { loadImageFolder(empty.toStdString(), opts); }, empty, "holds no images");
    const QString broken = dir_.path() + "/broken";
    QVERIFY(QDir().mkpath(broken));
    writeBytes(broken + "/x.png", "not a png");
#ifdef SCORESCOPE_HAVE_OPENCV
    expectError([&] { loadImageFolder(broken.toStdString(), opts); }, broken + "/x.png", "cannot be decoded");
#endif
    expectError([&] { loadImageFolder((dir_.path() + "/nope").toStdString(), opts); }, dir_.path() + "/nope", "not a directory");
}

void TestImageData::cifar10Batches()
{
    const QString d = dir_.path() + "/cifar";
    QVERIFY(QDir().mkpath(d));
    auto batch = [](int n, int label) {
        std::string bytes;
        for (int i = 0; i < n; ++i) {
            bytes.push_back(static_cast<char>(label));
            bytes.append(3072, static_cast<char>(i));
        }
        return bytes;
    };
    for (int b = 1; b <= 5; ++b)
        writeBytes(d + QString("/data_batch_%1.bin").arg(b), batch(3, b));
    writeBytes(d + "/test_batch.bin", batch(2, 9));
    const auto ds = loadCifar10(d.toStdString(), false);
    QCOMPARE(ds->trainImages().size(0), 15);
    QCOMPARE(ds->sampleShape(), (std::vector<int64_t>{3, 32, 32}));
    QCOMPARE(ds->trainLabels()[3].item<int64_t>(), 2);
    QCOMPARE(ds->testImages()[1][2][31][31].item<int>(), 1);
    writeBytes(d + "/test_batch.bin", batch(2, 9).substr(0, 5000));
    expectError([&] { loadCifar10(d.toStdString(), false); }, d + "/test_batch.bin", "not a whole number of 3073-byte");
}

// Draws land in [−1, 1] with the right pixel values; flips mirror columns.
void TestImageData::trainingDrawsAreScaledAndFlipped()
{
    auto img = torch::zeros({1, 1, 2, 2}, torch::kUInt8);
    img[0][0][0][0] = 255;  // top-left white
    ImageDataset plain("t", img, img, {}, {}, false), flipped("t", img, img, {}, {}, true);
    Rng rng(1);
    const auto x = plain.sample(4, rng);
    QCOMPARE(x[0][0][0][0].item<float>(), 1.0f);
    QCOMPARE(x[0][0][1][1].item<float>(), -1.0f);
    const auto f = flipped.sample(400, rng);
    const double share = (f.select(3, 1).select(2, 0).select(1, 0) > 0).to(torch::kDouble).mean().item<double>();
    QVERIFY2(std::abs(share - 0.5) < 4 * 0.025, qPrintable(QString::number(share)));  // binomial SE 0.025
    QVERIFY(torch::equal(ImageDataset::toBytes(ImageDataset::toModelRange(img)), img));
}

QTEST_APPLESS_MAIN(TestImageData)
#include "tst_imagedata.moc"
