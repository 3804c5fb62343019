// A run directory from someone else is data (#13): the paths its config names are read only inside
// it — relative ones from there, symbolic links followed — unless the user gave the data again;
// what a run writes names its own data relative to itself, so that it can move.
#include "core/common/Error.h"
#include "core/train/DataPaths.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace scorescope;
namespace fs = std::filesystem;

namespace {
const char* const kMixture = R"({"components": [{"mean": [0, 0], "cov": [[1, 0], [0, 1]]}]})";
}

class TestDataPaths : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void confinedToRun_data();
    void confinedToRun();
    void writtenRelativeAndCopied();

private:
    std::string at(const std::string& rel) const { return (fs::path(root_.path().toStdString()) / rel).string(); }
    QTemporaryDir root_;
};

void TestDataPaths::initTestCase()
{
    QVERIFY(root_.isValid());
    fs::create_directories(at("run/images"));
    std::ofstream(at("run/mix.json")) << kMixture;
    std::ofstream(at("outside.json")) << kMixture;
    fs::create_symlink(at("outside.json"), at("run/link.json"));
}

// ROOT stands for the temporary directory that holds run/ and outside.json. `expected` is the
// resolved dataset (or data_dir), or "!" and the fragment of the Error.
void TestDataPaths::confinedToRun_data()
{
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("dataDir");
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("expected");
    const QString outside = "the data set '%1' lies outside the run directory";
    QTest::newRow("preset") << "ring8" << "" << "" << "ring8";
    QTest::newRow("relative mixture inside") << "mix.json" << "" << "" << "ROOT/run/mix.json";
    QTest::newRow("absolute mixture inside") << "ROOT/run/mix.json" << "" << "" << "ROOT/run/mix.json";
    QTest::newRow("parent escape") << "../outside.json" << "" << "" << "!" + outside.arg("../outside.json");
    QTest::newRow("absolute outside") << "ROOT/outside.json" << "" << "" << "!" + outside.arg("ROOT/outside.json");
    QTest::newRow("link out of the run") << "link.json" << "" << "" << "!" + outside.arg("link.json");
    QTest::newRow("sibling named like the run") << "ROOT/run-x/a.json" << "" << "" << "!" + outside.arg("ROOT/run-x/a.json");
    QTest::newRow("system file") << "/etc/passwd.json" << "" << "" << "!" + outside.arg("/etc/passwd.json");
    QTest::newRow("image folder inside") << "folder:images" << "" << "" << "folder:ROOT/run/images";
    QTest::newRow("cifar10 outside") << "cifar10:/etc" << "" << "" << "!" + outside.arg("/etc");
    QTest::newRow("data_dir outside") << "fashion-mnist" << "/usr/share" << ""
                                      << "!data_dir '/usr/share' lies outside the run directory";
    QTest::newRow("given on the command line") << "ROOT/outside.json" << "" << "ROOT/outside.json" << "ROOT/outside.json";
}

void TestDataPaths::confinedToRun()
{
    QFETCH(QString, dataset);
    QFETCH(QString, dataDir);
    QFETCH(QString, given);
    QFETCH(QString, expected);
    const QString root = QString::fromStdString(fs::canonical(root_.path().toStdString()).string());
    const auto expand = [&](const QString& s) { return QString(s).replace("ROOT", root).toStdString(); };
    TrainConfig config;
    config.dataset = expand(dataset);
    config.images.dataDir = expand(dataDir);
    const auto run = root + "/run";
    if (expected.startsWith('!')) {
        try {
            scorescope::confinedToRun(config, run.toStdString(), "sent/config.json", {expand(given), ""});
            QFAIL("no Error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).startsWith("sent/config.json: " + QString::fromStdString(expand(expected.mid(1)))),
                     e.what());
            QVERIFY2(QString(e.what()).contains("give the data with --"), e.what());
        }
        return;
    }
    const auto c = scorescope::confinedToRun(config, run.toStdString(), "sent/config.json", {expand(given), ""});
    QCOMPARE(QString::fromStdString(c.dataset), QString::fromStdString(expand(expected)));
}

void TestDataPaths::writtenRelativeAndCopied()
{
    const auto run = at("run"), fresh = at("fresh");
    fs::create_directories(fresh);
    TrainConfig config;
    config.dataset = at("outside.json");
    // A new run keeps a copy of its mixture, and names it relative to itself.
    const auto copied = withMixtureCopied(config, fresh);
    QCOMPARE(QString::fromStdString(copied.dataset), QString::fromStdString(at("fresh/mixture.json")));
    std::ifstream in(at("fresh/mixture.json"));
    QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), std::string(kMixture));
    QCOMPARE(QString::fromStdString(relativeToRun(copied, fresh).dataset), QString("mixture.json"));
    // Read back from the run (a checkpoint's config), it names the copy again.
    QCOMPARE(QString::fromStdString(anchoredAt(relativeToRun(copied, fresh), fresh).dataset),
             QString::fromStdString(at("fresh/mixture.json")));
    // What lies outside stays as it was given; folders inside become relative too.
    QCOMPARE(QString::fromStdString(relativeToRun(config, run).dataset), QString::fromStdString(at("outside.json")));
    config.dataset = "folder:" + at("run/images");
    config.images.dataDir = at("run/images");
    const auto written = relativeToRun(config, run);
    QCOMPARE(QString::fromStdString(written.dataset), QString("folder:images"));
    QCOMPARE(QString::fromStdString(written.images.dataDir), QString("images"));
    // A preset is no file: nothing is copied.
    config.dataset = "ring8";
    QCOMPARE(QString::fromStdString(withMixtureCopied(config, run).dataset), QString("ring8"));
}

QTEST_GUILESS_MAIN(TestDataPaths)
#include "tst_datapaths.moc"
