// The analysis charts read the CSVs of `scorescope-cli analyze` and draw every finite point.
#include "analysis/AnalysisView.h"
#include "charts/CurveChartView.h"

#include <QAbstractAxis>
#include <QChart>
#include <QTemporaryDir>
#include <QtTest/QtTest>

class TestAnalysisView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stfCsvGivesRatioBiasAndVarianceCharts();
    void badCsvNamesTheFile();

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

QTEST_MAIN(TestAnalysisView)
#include "tst_analysisview.moc"
