// The analysis charts read the CSVs of `scorescope-cli analyze` and draw every finite point.
#include "widgets/analysis/AnalysisView.h"
#include "widgets/charts/CurveChartView.h"
#include "widgets/charts/LogScaleAxis.h"
#include "widgets/charts/LossChartView.h"

#include <QAbstractAxis>
#include <QAreaSeries>
#include <QLineSeries>
#include <QPointer>
#include <QChart>
#include <QTemporaryDir>
#include <cmath>
#include <QtTest/QtTest>

class TestAnalysisView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stfCsvGivesRatioBiasAndVarianceCharts();
    void truncationAndLossScaleCsvs();
    void badCsvNamesTheFile();
    void metricAgainstStepsCsv();
    void horizonCsvAndTablesAgainstT();
    void logAxisLabels_data();
    void logAxisLabels();
    void redrawFreesTheBandEdges();
    void lossChartDrawsBucketsKeepingSpikes();

private:
    QString write(const QString& name, const QString& text)
    {
        const QString path = dir_.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text.toUtf8());
        return path;
    }
    QTemporaryDir dir_;
};

void TestAnalysisView::stfCsvGivesRatioBiasAndVarianceCharts()
{
    const QString header = "sigma,t,v_dsm,v_stf,ratio,bias,max_weight,ess,regime\n";
    const auto a = write("n16.csv", header + "0.01,0.01,1,0.99,0.99,0.001,0.99,1.0,near\n"
                                             "0.3,0.3,4,1,0.25,0.01,0.4,3,intermediate\n"
                                             "10,10,0.01,0.0007,0.07,0.0001,0.07,15,far\n");
    const auto b = write("n256.csv", header + "0.01,0.01,1,0.99,0.99,0.0001,0.99,1.0,near\n"
                                              "0.3,0.3,4,0.2,0.05,0.001,0.1,30,intermediate\n"
                                              "10,10,0.01,0.00004,0.004,0.000001,0.004,250,far\n");
    AnalysisView view;
    QString error;
    QVERIFY2(view.open({a, b}, &error), qPrintable(error));
    QCOMPARE(view.charts().size(), 3);
    QCOMPARE(view.charts()[0]->curveCount(), 2);
    QCOMPARE(view.charts()[0]->pointCount(), 6);
    for (auto* chart : view.charts())
        for (auto* axis : chart->chart()->axes())
            QVERIFY(axis->isVisible());
    // Three regimes shaded behind the ratio curves.
    QCOMPARE(view.charts()[0]->chart()->series().size(), 2 + 3);
}

void TestAnalysisView::truncationAndLossScaleCsvs()
{
    const auto curves = write("curves.csv", "t,tau_density,tau_cdf,t_density,t_cdf,t_density_given_tau,lambda_st,lambda_fixed\n"
                                            "0.001,100,0.4,20,0.1,0,0.01,0.1\n"
                                            "0.1,1,0.8,2,0.5,3,0.2,0.3\n"
                                            "1,0.1,1,1,1,1,20,20\n");
    AnalysisView view;
    QString error;
    QVERIFY2(view.open({curves}, &error), qPrintable(error));
    QCOMPARE(view.charts().size(), 2);
    QCOMPARE(view.charts()[0]->curveCount(), 3);  // τ, t, t | τ
    QCOMPARE(view.charts()[0]->pointCount(), 3 + 3 + 2);  // the zero density has no place on a log axis
    QCOMPARE(view.charts()[1]->curveCount(), 2);  // λ_ST, fixed ε

    const auto scale = write("ls.csv", "log10_sigma,sigma,t,count,loss_share,grad_share,loss,loss_std\n"
                                       "-2,0.01,0.001,100,0.7,0.2,20,5\n"
                                       "1,10,0.7,100,0.3,0.8,0.5,0.1\n");
    QVERIFY2(view.open({scale}, &error), qPrintable(error));
    QCOMPARE(view.charts().size(), 2);
    QCOMPARE(view.charts()[1]->curveCount(), 2);  // loss and gradient shares
    QCOMPARE(view.charts()[1]->pointCount(), 4);
}

void TestAnalysisView::badCsvNamesTheFile()
{
    const auto path = write("broken.csv", "sigma,ratio\n0.1,0.5,7\n");
    AnalysisView view;
    QString error;
    QVERIFY(!view.open({path}, &error));
    QVERIFY2(error.contains(path) && error.contains("line 2"), qPrintable(error));
    QVERIFY(!view.open({dir_.filePath("missing.csv")}, &error));
    QVERIFY(error.contains("missing.csv"));
}

// An experiment summary: mean over seeds per step, and mean ± sd dashed where an _sd column is.
void TestAnalysisView::metricAgainstStepsCsv()
{
    const auto path = write("fd-against-steps.csv", "step,dsm,dsm_sd,stf,stf_sd\n500,426,3,428,4\n1000,327,5,325,2\n");
    AnalysisView view;
    QString error;
    QVERIFY2(view.open({path}, &error), qPrintable(error));
    QCOMPARE(view.charts().size(), 1);
    QCOMPARE(view.charts()[0]->curveCount(), 6);
    QCOMPARE(view.charts()[0]->pointCount(), 12);
    QVERIFY(view.charts()[0]->toCsv().contains("\"stf + sd\",1000,327"));
}

// analyze horizon: five curves against T on a log axis, the gap's NaN (no model) and the zero KL
// left out; a summary table against T: a curve per column.
void TestAnalysisView::horizonCsvAndTablesAgainstT()
{
    const QString horizon = write("horizon.csv", "T,mean_coeff,std,kl_gaussian,kl_gaussian_se,kl_aux,kl_aux_se,gap,gap_se,excess_gaussian,excess_aux,aux_gain,model_T\n"
                           "0.2,0.81,0.58,0.33,0.005,0.002,0.0005,nan,nan,nan,nan,0.328,0\n"
                           "1,4e-05,1,0.0001,0.0001,0,0.0001,nan,nan,nan,nan,0.0001,0\n");
    AnalysisView view;
    QString error;
    QVERIFY2(view.open({horizon}, &error), qPrintable(error));
    QCOMPARE(view.charts().size(), 1);
    QCOMPARE(view.charts()[0]->curveCount(), 5);
    QCOMPARE(view.charts()[0]->pointCount(), 2 + 1);  // KL Gaussian at both T, KL aux only where positive

    const QString table = write("ring8-nll-against-T.csv", "T,gaussian,gmm,flow\n0.2,1.2,0.5,0.6\n0.5,0.6,0.45,0.5\n1,0.4,0.4,0.41\n");
    QVERIFY2(view.open({table}, &error), qPrintable(error));
    QCOMPARE(view.charts().size(), 1);
    QCOMPARE(view.charts()[0]->curveCount(), 3);
    QCOMPARE(view.charts()[0]->pointCount(), 9);
    QVERIFY(view.charts()[0]->toCsv().contains("\"gmm\",0.5,0.45"));
    const QString nfe = write("ring8-nfe-against-T.csv", "T,sampling\n0.2,60\n1,120\n");
    QVERIFY2(view.open({table, nfe}, &error), qPrintable(error));  // several tables: a chart each
    QCOMPARE(view.charts().size(), 2);
    QCOMPARE(view.charts()[1]->pointCount(), 2);
}

QTEST_MAIN(TestAnalysisView)
// A log axis labels at most about six values, so that a short chart never elides them all.
void TestAnalysisView::logAxisLabels_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("within a decade") << 0.9 << 6.0 << QStringList{"1", "2", "5"};
    QTest::newRow("two decades") << 0.03 << 2.0 << QStringList{"0.03", "0.1", "0.3", "1"};
    QTest::newRow("loss scale") << 0.03 << 14.0 << QStringList{"0.1", "1", "10"};
    QTest::newRow("five decades") << 1e-5 << 1.0 << QStringList{"1e-05", "0.0001", "0.001", "0.01", "0.1", "1"};
    QTest::newRow("twelve decades") << 1e-12 << 1.0 << QStringList{"1e-12", "1e-10", "1e-08", "1e-06", "0.0001", "0.01", "1"};
}

void TestAnalysisView::logAxisLabels()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(QStringList, labels);
    LogScaleAxis axis;
    axis.setDataRange(lo, hi);
    QCOMPARE(axis.categoriesLabels(), labels);
}

// The live STF chart redraws with its regime bands on every metrics row: the edges of the
// previous bands must go with them, or an hour of training leaks tens of MiB (#13, soak).
void TestAnalysisView::redrawFreesTheBandEdges()
{
    CurveChartView view("regimes", "sigma", "ratio", true, true);
    const QVector<CurveChartView::Curve> curves{{"ratio", {{0.01, 1.0}, {10.0, 0.01}}}};
    const QVector<CurveChartView::Band> bands{{0.01, 0.3, Qt::gray, "near"}, {0.3, 10.0, Qt::lightGray, "far"}};
    view.setCurves(curves, bands);
    QVector<QPointer<QLineSeries>> edges;
    for (auto* series : view.chart()->series())
        if (auto* area = qobject_cast<QAreaSeries*>(series))
            edges << area->upperSeries() << area->lowerSeries();
    QCOMPARE(edges.size(), 4);
    view.setCurves(curves, bands);
    for (const auto& edge : edges)
        QVERIFY(edge.isNull());
}

// A long run draws a bounded number of points, whatever its length — the lowest and highest loss
// of each of at most 500 buckets — and a one-row spike stays visible.
void TestAnalysisView::lossChartDrawsBucketsKeepingSpikes()
{
    LossChartView view;
    QVector<QPointF> rows;
    for (int step = 1; step <= 10000; ++step)
        rows.push_back({double(step), step == 7777 ? 100.0 : 1.0 + 0.5 * std::sin(step)});
    view.append(rows);
    QVERIFY2(view.drawnPoints() <= 2 * LossChartView::kBuckets, qPrintable(QString::number(view.drawnPoints())));
    double top = -INFINITY;
    for (const auto& p : qobject_cast<QLineSeries*>(view.chart()->series().first())->points())
        top = std::max(top, p.y());
    QCOMPARE(top, 2.0);  // log10(100), exact: from the one row that holds it, which a stride would skip
}

#include "tst_analysisview.moc"
