#include "widgets/playground/Lessons.h"

#include <QCoreApplication>

const QVector<Lesson>& lessons()
{
    static const QVector<Lesson> list = [] {
        Lesson small{"small-t", QCoreApplication::translate("Lessons", "Why small t dominates the loss"),
                     QCoreApplication::translate("Lessons", "<b>Why small t dominates the loss.</b> At t = 0.002 the kernel's s(t) is 0.015, and the DSM "
                        "target −z/s has a norm of about √2/s ≈ 90 (the arrows show s² times a target). Likelihood "
                        "weighting draws about 20 % of its times below t = 10⁻³ (THEORY.md §2.1), where the "
                        "targets are larger still, so they dominate the gradient. Soft Truncation draws the lower "
                        "limit τ afresh each batch, so the large-t score is trained too. At the probe, off the "
                        "data, the nearest sample takes all the weight (near field, blue); drag the slider right "
                        "and watch the regimes turn intermediate, then far."),
                     "ring8", "vp", 0.002, true, 1.6, 0.9, true, false};
        Lesson disagree{"targets-disagree", QCoreApplication::translate("Lessons", "Where targets disagree"),
                        QCoreApplication::translate("Lessons", "<b>Where targets disagree.</b> Half-way between two modes at σ ≈ 0.5 two data samples "
                           "share the posterior: the intermediate regime (orange). The DSM target (red) points at "
                           "the one sample y₁ that made x; the STF target (green) weighs a reference batch (dots, "
                           "area ∝ weight) and lands next to the true score (white), with about 1/(n−1) of the "
                           "variance (STF §3.4). Click other points, or move t: near a mode both agree, far out "
                           "every weight is ≈ 1/n."),
                        "ring8", "vp", 0.15, true, 1.51, 0.63, true, false};
        Lesson horizon{"what-T-buys", QCoreApplication::translate("Lessons", "What T buys"),
                       QCoreApplication::translate("Lessons", "<b>What T buys.</b> Stopping the forward process at T = 0.2 instead of 1 leaves p_T "
                          "visibly non-Gaussian (the ring is still there; KL[p_T‖N(0, I)] = 0.33 nats on ring8), "
                          "so starting the reverse process from N(0, I) costs likelihood. But the score has 80 % "
                          "less time to learn and the sampler to integrate. An auxiliary prior fitted to p_T "
                          "closes the gap: on ring8 the NLL is 0.340 at T = 0.2 with it, 0.381 at T = 1 and 0.702 "
                          "at T = 0.2 without it (docs/experiments/horizon.md, §4). Compare with t = 1."),
                       "ring8", "vp", 0.2, false, 0.0, 0.0, false, false};
        Lesson samplers{"samplers", QCoreApplication::translate("Lessons", "Samplers side by side"),
                        QCoreApplication::translate("Lessons", "<b>Samplers side by side.</b> The same 2 000 particles, the same noise: Euler–Maruyama "
                           "(left) and the probability-flow ODE with Heun's method (right), both on the exact score "
                           "of ring8. Step through and watch the ODE move particles deterministically along the "
                           "flow, while the SDE keeps shaking them; the energy distance to p_0 tells which is "
                           "closer at each NFE."),
                        "ring8", "vp", 1.0, false, 0.0, 0.0, false, true};
        return QVector<Lesson>{small, disagree, horizon, samplers};
    }();
    return list;
}

const Lesson* findLesson(const QString& id)
{
    for (const auto& lesson : lessons())
        if (lesson.id == id)
            return &lesson;
    return nullptr;
}
