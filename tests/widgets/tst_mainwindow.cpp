// The main window following a run directory that another process is writing.
#include "widgets/MainWindow.h"
#include "widgets/charts/ChartPanel.h"
#include "widgets/run/RunListView.h"
#include "widgets/charts/CurveChartView.h"
#include "widgets/charts/LossChartView.h"
#include "widgets/live/LossHeatmapView.h"
#include "widgets/live/SamplesView.h"
#include "widgets/live/PointCloudView.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QJsonObject>
#include <QtTest/QtTest>

#include <chrono>
#include <filesystem>

namespace {
// Writes (or appends) `text` to `path` and closes it, as the process writing a run leaves it.
bool writeFile(const QString& path, const QByteArray& text, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    return f.open(mode) && f.write(text) == text.size();
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }  // settings apart from the user's
    void init() { QSettings().clear(); }  // each test starts from the defaults
    void heatmapColumnsStayBounded();
    void followsARunLive();
    void rejectsADirectoryWithoutARun();
    void runListOpensARun();
    void pointsWithoutAMixtureFrameThemselves();
    void samplesFollowSnapshotsAddedQuickly();

private:
    void appendRows(int from, int to);
    QTemporaryDir dir_;
};

void TestMainWindow::appendRows(int from, int to)
{
    QByteArray rows;
    for (int s = from; s <= to; s += 10)
        rows += QString("{\"step\":%1,\"loss\":%2,\"steps_per_s\":125.5}\n").arg(s).arg(1.0 / s).toUtf8();
    QVERIFY(writeFile(dir_.path() + "/metrics.jsonl", rows, QIODevice::Append));
}

void TestMainWindow::followsARunLive()
{
    QVERIFY(writeFile(dir_.path() + "/config.json", R"({"dataset": "ring8", "sde": {"kind": "vp"}, "steps": 1000})"));
    appendRows(10, 200);

    MainWindow w;
    w.setQuiet(true);
    w.show();
    QVERIFY(w.openRun(dir_.path()));
    auto* chart = w.findChild<LossChartView*>("lossChart");
    QVERIFY(chart);
    QTRY_COMPARE(chart->data().steps.size(), 20);
    QCOMPARE(chart->drawnPoints(), 20);

    appendRows(210, 500);  // the writer goes on
    QTRY_COMPARE(chart->data().steps.size(), 50);
    QCOMPARE(chart->data().steps.back(), 500.0);
    QCOMPARE(chart->data().values.back(), 1.0 / 500);
    QTRY_VERIFY(w.findChild<QLabel*>("stepLabel")->text().contains("step 500 / 1000"));
    QVERIFY(w.findChild<QLabel*>("rateLabel")->text().contains("125.5"));

    // Per-σ bins (as TrainingSession writes them) reach the loss-scale and STF docks.
    QVERIFY(writeFile(dir_.path() + "/metrics.jsonl", R"({"step":510,"loss":0.1,"bins":{"log10_sigma":[-2,0,1],"t":[0.01,0.3,0.9],"count":[5,0,7],)"
            R"("loss":[20.0,null,0.5],"loss_std":[2.0,null,0.1]},)"
            R"("stf_bins":{"log10_sigma":[-2,0,1],"count":[1,1,1],"v_dsm":[100,1,0.01],"v_stf":[90,0.2,0.001],)"
            R"("max_weight":[0.99,0.3,0.002],"ess":[1.0,12.0,900.0],"stf_err2":[90.0,0.21,0.0005]}})" "\n", QIODevice::Append));
    auto* scale = w.findChild<CurveChartView*>("lossScaleChart");
    auto* stf = w.findChild<CurveChartView*>("stfChart");
    QVERIFY(scale && stf);
    QTRY_COMPARE(scale->pointCount(), 4);  // two bins with data, mean and mean + std
    QVERIFY(scale->toCsv().contains("\"mean\",0.01,20"));  // against the bin's t
    auto* heatmap = w.lossHeatmap();
    QCOMPARE(heatmap->columns(), 1);  // the one row with bins
    QCOMPARE(heatmap->rows(), 3);
    QCOMPARE(heatmap->value(0, 0), 20.0);
    QVERIFY(std::isnan(heatmap->value(0, 1)));  // an empty bin stays empty
    QCOMPARE(stf->pointCount(), 10);  // DSM, STF and their ratio at three σ; bias² where it is > 0 (one σ)
    QVERIFY(stf->toCsv().contains("\"bias² (estimate)\",1,0.01"));  // 0.21 − 0.2
    // Regimes by the analysis' thresholds: max weight ≥ 0.9 near, ESS ≥ n/2 = 512 far.
    QCOMPARE(stf->bandLabels(), QStringList({"near", "intermediate", "far"}));

    // Every panel exports itself: a PNG that loads at the panel's size, an SVG document, and a CSV
    // with one row per plotted point.
    QTemporaryDir out;
    for (const auto& [name, rows] : {std::pair{QString("lossPanel"), chart->data().steps.size()},
                                     {QString("stfPanel"), qsizetype(12)}, {QString("lossScalePanel"), qsizetype(6)},
                                     {QString("lossHeatmapPanel"), qsizetype(3)}}) {
        auto* panel = w.findChild<ChartPanel*>(name);
        QVERIFY2(panel, qPrintable(name));
        QVERIFY(panel->exportPng(out.filePath(name + ".png")));
        const QImage png(out.filePath(name + ".png"));
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), panel->view()->size() * panel->view()->devicePixelRatio());
        QVERIFY(panel->exportSvg(out.filePath(name + ".svg")));
        QFile svg(out.filePath(name + ".svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg") && svgText.contains("</svg>"));
        QVERIFY(panel->exportCsv(out.filePath(name + ".csv")));
        QFile csv(out.filePath(name + ".csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const auto lines = QString(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), rows + 1);  // a header, then the points
    }
    QVERIFY(!w.findChild<ChartPanel*>("lossPanel")->exportCsv(out.filePath("missing/dir/loss.csv")));
    // Ignoring outliers rescales the axis, never the data.
    w.findChild<QAction*>("actionIgnoreOutliers")->trigger();
    QCOMPARE(chart->data().steps.size(), 51);

    // A resumed run rewrites the log shorter: the view starts over.
    QVERIFY(writeFile(dir_.path() + "/metrics.jsonl", "{\"step\":10,\"loss\":0.5}\n", QIODevice::WriteOnly | QIODevice::Truncate));
    QTRY_COMPARE(chart->data().steps.size(), 1);
}

void TestMainWindow::rejectsADirectoryWithoutARun()
{
    QTemporaryDir empty;
    MainWindow w;
    w.setQuiet(true);
    QVERIFY(!w.openRun(empty.path()));
    QVERIFY(w.findChild<QLabel*>("runLabel")->text().contains("No run open"));
}

// The runs folder lists its run directories (not other folders) with their configuration and
// progress; activating one follows it.
void TestMainWindow::runListOpensARun()
{
    QTemporaryDir runs;
    for (const auto& [name, config] : {std::pair{QString("a"), QString(R"({"dataset":"ring8","sde":{"kind":"vp"},"steps":1000})")},
                                      {QString("b"), QString(R"({"dataset":"fashion-mnist","sde":{"kind":"edm"},"steps":3400,)"
                                                             R"("objective":{"target":"stf"}})")}}) {
        QDir(runs.path()).mkdir(name);
        QVERIFY(writeFile(runs.filePath(name + "/config.json"), config.toUtf8()));
    }
    QDir(runs.path()).mkdir("not-a-run");
    QVERIFY(writeFile(runs.filePath("b/metrics.csv"), "step,loss\n25,0.9\n50,0.8\n"));

    MainWindow w;
    w.setQuiet(true);
    w.show();
    w.runList()->setFolder(runs.path());
    auto* list = w.findChild<QListWidget*>("runList");
    QTRY_COMPARE(list->count(), 2);
    QVERIFY2(list->item(1)->text().contains("fashion-mnist, edm, stf, step 50 / 3400"), qPrintable(list->item(1)->text()));
    const QRect rect = list->visualItemRect(list->item(1));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());  // select…
    QTest::keyClick(list, Qt::Key_Return);                                   // …and activate
    QTRY_VERIFY(w.findChild<QLabel*>("runLabel")->text().contains(runs.filePath("b")));
}

// Toy data without a closed-form mixture (moons): the frame is a square around the first
// snapshot's points, 10 % wider than their larger extent.
void TestMainWindow::pointsWithoutAMixtureFrameThemselves()
{
    QTemporaryDir run;
    QVERIFY(writeFile(run.filePath("config.json"), R"({"dataset":"moons","sde":{"kind":"vp"},"steps":100})"));
    QDir(run.path()).mkdir("snapshots");
    QVERIFY(writeFile(run.filePath("snapshots/step-00000100.csv"), "x0,x1\n-1,0\n1,0.5\n0,-0.5\n"));
    MainWindow w;
    w.setQuiet(true);
    QVERIFY(w.openRun(run.path()));
    auto* cloud = w.samplesView()->pointCloud();
    QTRY_COMPARE(cloud->points().size(), 3);
    const QRectF frame = cloud->frame();
    QCOMPARE(frame.width(), 2.2);   // 1.1 × the x extent of 2
    QCOMPARE(frame.height(), 2.2);
    QCOMPARE(frame.center(), QPointF(0.0, 0.0));
}

// A long run's logging windows merge past LossHeatmapView::kMaxColumns, so that a repaint costs the
// same after an hour as after a minute: columns merge in pairs and each takes twice the windows
// after, so that every column spans as many steps and the step axis stays linear.
void TestMainWindow::heatmapColumnsStayBounded()
{
    LossHeatmapView heatmap;
    const auto window = [](int i) {  // window i logs step 50 i; bin 1 is empty in odd windows
        scorescope::MetricsRow row;
        row.step = 50 * i;
        row.lossBins = scorescope::BinnedWindow{"log10_sigma", {-1, 0}, {1, double(1 - i % 2)}, {0.1, 0.5},
                                                {{"loss", {double(i), i % 2 ? NAN : 1.0}, {}}}};
        return row;
    };
    const int n = LossHeatmapView::kMaxColumns + 1;
    QVector<scorescope::MetricsRow> rows;
    for (int i = 1; i <= n; ++i)
        rows.push_back(window(i));
    heatmap.addRows(rows);
    QCOMPARE(heatmap.columns(), LossHeatmapView::kMaxColumns / 2 + 1);
    QCOMPARE(heatmap.windowsPerColumn(), 2);
    QCOMPARE(heatmap.value(0, 0), 1.5);  // windows 1 and 2
    QCOMPARE(heatmap.value(0, 1), 1.0);  // an empty bin (NaN) merged with a full one keeps the full one
    QCOMPARE(heatmap.value(heatmap.columns() - 1, 0), double(n));  // the newest window, alone so far
    QCOMPARE(heatmap.stepSpan(0), std::make_pair(50.0, 100.0));

    // Ten times as many windows: every column but the newest spans windowsPerColumn() windows, and
    // each begins where the one before ended.
    for (int i = n + 1; i <= 10 * n; ++i)
        heatmap.addRows({window(i)});
    QCOMPARE(heatmap.windowsPerColumn(), 16);  // 6010 windows: 376 columns of 16 (601 of 8 would be too many)
    QCOMPARE(heatmap.columns(), (10 * n + 15) / 16);
    for (int c = 0; c + 1 < heatmap.columns(); ++c) {
        QCOMPARE(heatmap.stepSpan(c), std::make_pair(50.0 * (16 * c + 1), 50.0 * (16 * c + 16)));
        QCOMPARE(heatmap.value(c, 0), 16 * c + 8.5);  // the mean of windows 16c+1 … 16c+16
    }
    QCOMPARE(heatmap.stepSpan(heatmap.columns() - 1).second, 50.0 * 10 * n);
}

// The snapshot folder is listed off the UI thread and only when its modification time changed.
// A coarse file-system clock leaves that time as it was when a snapshot lands within the tick of
// the listing before it: here every snapshot is given the first one's time, and each must show.
void TestMainWindow::samplesFollowSnapshotsAddedQuickly()
{
    QTemporaryDir run;
    QVERIFY(writeFile(run.filePath("config.json"), R"({"dataset":"moons","sde":{"kind":"vp"},"steps":1000})"));
    QDir(run.path()).mkdir("snapshots");
    const auto folder = std::filesystem::path(run.filePath("snapshots").toStdString());
    const auto tick = std::filesystem::last_write_time(folder);
    SamplesView view;
    view.setRun(run.path(), QJsonObject{{"dataset", "moons"}});
    for (int k = 1; k <= 5; ++k) {
        QVERIFY(writeFile(run.filePath(QString("snapshots/step-%1.csv").arg(100 * k, 8, 10, QChar('0'))), "x0,x1\n0,0\n"));
        std::filesystem::last_write_time(folder, tick);
        view.refresh();
        QTRY_COMPARE(view.snapshotCount(), k);
        QCOMPARE(view.shownStep(), 100 * k);  // following the newest
    }
    // A folder last changed an hour ago is listed once; a snapshot added later changes its time.
    std::filesystem::last_write_time(folder, tick - std::chrono::hours(1));
    view.refresh();
    QVERIFY(writeFile(run.filePath("snapshots/step-00000600.csv"), "x0,x1\n0,0\n"));
    view.refresh();
    QTRY_COMPARE(view.snapshotCount(), 6);
    QCOMPARE(view.shownStep(), 600);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
