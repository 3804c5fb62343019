#pragma once
#include <QList>
#include <QWidget>

class CurveChartView;
class QGridLayout;

// Charts of `scorescope-cli analyze` outputs, chosen by each CSV's columns:
//   analyze stf          target-variance ratio V_STF/V_DSM, both variances and the bias against σ,
//                        one curve per file, the first file's regimes shaded (§3.2)
//   analyze truncation   (--curves) densities of τ and t, and λ_ST against the fixed weight (§2.3);
//                        (quantiles) empirical against analytic quantiles of τ and t
//   analyze loss-scale   per-bin loss mean and spread against σ
//   analyze horizon      the ELBO's prior KL (Gaussian, auxiliary) and score-matching gap against T
//   step,<series>[,<series>_sd]…   metrics against training steps (experiment summaries)
//   T,<series>[,<series>_sd]…      metrics against the horizon T (experiment summaries); one chart per file
class AnalysisView : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisView(QWidget* parent = nullptr);

    // Replaces the charts; false and a message naming the file when one cannot be shown.
    bool open(const QStringList& files, QString* error);
    const QList<CurveChartView*>& charts() const { return charts_; }

private:
    void add(CurveChartView* chart);
    QGridLayout* grid_;
    QList<CurveChartView*> charts_;
};
