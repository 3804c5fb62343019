// Mixture JSON: a round trip, and each kind of bad file gives an error naming the file and component.
#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/data/MixtureJson.h"
#include "core/data/Dataset.h"
#include "core/data/ImageDataset.h"
#include "core/data/ToyPresets.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

class TestMixtureJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesStdAndCov();
    void roundTrip();
    void badInput_data();
    void badInput();
    void missingFile();
    void presetsSampleTheirMixture();
    void unknownDataset();
};

void TestMixtureJson::parsesStdAndCov()
{
    const auto m = parseMixtureJson(R"({"name": "two", "components": [
        {"weight": 3, "mean": [1, 2], "std": 0.5},
        {"weight": 1, "mean": [-1, 0], "cov": [[1, 0.5], [0.5, 2]]}]})", "inline");
    QCOMPARE(QString::fromStdString(m.name), QString("two"));
    QVERIFY(torch::allclose(m.weights, torch::tensor({0.75, 0.25}, torch::kDouble)));
    QCOMPARE(m.covariances[0][1][1].item<double>(), 0.25);
    QCOMPARE(m.covariances[1][0][1].item<double>(), 0.5);
}

void TestMixtureJson::roundTrip()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/ring.json").toStdString();
    const auto preset = makeToyPreset("ring8");
    const auto* ring = preset->mixture();
    writeMixtureJson(*ring, path);
    const auto back = readMixtureJson(path);
    QVERIFY(torch::allclose(back.weights, ring->weights, 0, 1e-15));
    QVERIFY(torch::allclose(back.means, ring->means, 0, 1e-15));
    QVERIFY(torch::allclose(back.covariances, ring->covariances, 0, 1e-15));
}

void TestMixtureJson::badInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << "{\"components\": [" << "not valid JSON";
    // Found by fuzzing: a number past double's range escaped as nlohmann's out_of_range.
    QTest::newRow("number past double") << R"({"components": [{"weight": 1, "mean": [-2e308, 0], "std": 1}]})"
                                        << "not valid JSON: [json.exception.out_of_range.406] number overflow";
    QTest::newRow("no components") << "{\"name\": \"x\"}" << "\"components\" must be a non-empty array";
    QTest::newRow("negative weight") << R"({"components": [{"weight": 1, "mean": [0, 0], "std": 1},
        {"weight": -0.5, "mean": [1, 1], "std": 1}]})" << "component 1: negative weight";
    QTest::newRow("not positive definite") << R"({"components": [{"mean": [0, 0], "cov": [[1, 2], [2, 1]]}]})"
                                           << "component 0: \"cov\" is not positive definite";
    QTest::newRow("not symmetric") << R"({"components": [{"mean": [0, 0], "cov": [[1, 0.1], [0, 1]]}]})"
                                   << "component 0: \"cov\" is not symmetric";
    QTest::newRow("wrong dimension") << R"({"components": [{"mean": [0, 0], "std": 1}, {"mean": [0, 0, 0], "std": 1}]})"
                                     << "component 1: \"mean\" has dimension 3, component 0 has 2";
    QTest::newRow("cov wrong size") << R"({"components": [{"mean": [0, 0], "cov": [[1, 0, 0], [0, 1, 0]]}]})"
                                    << "component 0: \"cov\" must be a 2x2 matrix";
    QTest::newRow("std and cov") << R"({"components": [{"mean": [0, 0], "std": 1, "cov": [[1, 0], [0, 1]]}]})"
                                 << "component 0: give exactly one of \"std\" and \"cov\"";
    QTest::newRow("zero std") << R"({"components": [{"mean": [0, 0], "std": 0}]})" << "component 0: \"std\" must be positive";
    QTest::newRow("string mean") << R"({"components": [{"mean": "origin", "std": 1}]})"
                                 << "component 0: \"mean\" must be an array of numbers";
    QTest::newRow("zero weights") << R"({"components": [{"weight": 0, "mean": [0, 0], "std": 1}]})"
                                  << "the weights sum to zero";
}

void TestMixtureJson::badInput()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        parseMixtureJson(text.toStdString(), "bad.json");
        QFAIL("accepted a bad mixture");
    } catch (const Error& e) {
        const QString msg = e.what();
        QVERIFY2(msg.startsWith("bad.json: "), qPrintable(msg));
        QVERIFY2(msg.contains(expected), qPrintable(msg));
    }
}

void TestMixtureJson::missingFile()
{
    QVERIFY_THROWS_EXCEPTION(Error, readMixtureJson("/nonexistent/mix.json"));
}

// Presets draw from their own mixture: sample mean and covariance within Monte-Carlo error.
void TestMixtureJson::presetsSampleTheirMixture()
{
    Rng rng(7);
    const auto ds = makeToyPreset("grid25");
    const auto x = ds->sample(100000, rng);
    // grid25: mean 0, per-axis variance 2 (grid) + 0.01; SE of the mean = sqrt(2.01/1e5) ≈ 0.0045.
    QVERIFY(x.mean(0).abs().max().item<double>() < 4 * 0.0045);
    const double var = x.var(0).mean().item<double>();
    QVERIFY2(std::abs(var - 2.01) < 0.05, qPrintable(QString::number(var)));
    for (const auto& name : toyPresetNames()) {
        const auto d = makeToyPreset(name);
        const auto s = d->sample(1000, rng);
        QCOMPARE(s.size(1), 2);
        QVERIFY(s.isfinite().all().item<bool>());
        QVERIFY(s.abs().max().item<double>() < 4.0);
    }
}

void TestMixtureJson::unknownDataset()
{
    try {
        loadDataset("ring9", {});
        QFAIL("accepted an unknown dataset");
    } catch (const Error& e) {
        QVERIFY(QString(e.what()).contains("unknown dataset 'ring9'"));
    }
}

QTEST_APPLESS_MAIN(TestMixtureJson)
#include "tst_mixturejson.moc"
