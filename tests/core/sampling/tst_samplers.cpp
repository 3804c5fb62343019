// Every sampler, driven by the exact score of ring8 (no network), against fresh true samples.
#include "core/common/Rng.h"
#include "core/data/ToyPresets.h"
#include "core/metrics/SampleMetrics.h"
#include "core/sampling/EdmHeunSampler.h"
#include "core/sampling/ReverseSampler.h"
#include "core/sde/SdeFactory.h"
#include "core/truth/MixtureScore.h"

#include <QtTest/QtTest>
#include <torch/torch.h>

using namespace scorescope;

Q_DECLARE_METATYPE(scorescope::SdeKind)

namespace {
constexpr int64_t kSamples = 2000;

struct Floor {
    double mean, sd;
};
// Energy distance between two independent true sample sets of the same size: its spread is the
// Monte-Carlo noise a perfect sampler would show.
Floor trueVsTrue(const Dataset& data)
{
    Rng rng(99);
    std::vector<double> d;
    for (int r = 0; r < 12; ++r)
        d.push_back(energyDistance(data.sample(kSamples, rng), data.sample(kSamples, rng)));
    const auto t = torch::tensor(d, torch::kDouble);
    return {t.mean().item<double>(), t.std().item<double>()};
}
}

class TestSamplers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matchesTheTrueDistribution_data();
    void matchesTheTrueDistribution();
    void stepByStepStateIsConsistent();
    void edmScheduleEndpoints();

private:
    std::unique_ptr<Dataset> ring_;
    Floor floor_{};
};

void TestSamplers::initTestCase()
{
    ring_ = makeToyPreset("ring8");
    floor_ = trueVsTrue(*ring_);
    qInfo("true-vs-true energy distance: %.5f ± %.5f", floor_.mean, floor_.sd);
}

void TestSamplers::matchesTheTrueDistribution_data()
{
    QTest::addColumn<QString>("sampler");
    QTest::addColumn<SdeKind>("kind");
    QTest::addColumn<int>("steps");
    QTest::newRow("em vp") << "em" << SdeKind::VP << 1000;
    QTest::newRow("pc vp") << "pc" << SdeKind::VP << 500;
    QTest::newRow("ode-euler vp") << "ode-euler" << SdeKind::VP << 1000;
    QTest::newRow("ode-heun vp") << "ode-heun" << SdeKind::VP << 200;
    QTest::newRow("ode-rk45 vp") << "ode-rk45" << SdeKind::VP << 0;
    QTest::newRow("edm-heun vp") << "edm-heun" << SdeKind::VP << 100;
    QTest::newRow("em ve") << "em" << SdeKind::VE << 1000;
    QTest::newRow("pc ve") << "pc" << SdeKind::VE << 500;
    QTest::newRow("ode-heun subvp") << "ode-heun" << SdeKind::SubVP << 200;
    QTest::newRow("edm-heun edm") << "edm-heun" << SdeKind::EDM << 100;
}

// Within Monte-Carlo noise: below the true-vs-true mean plus 4 of its standard deviations.
void TestSamplers::matchesTheTrueDistribution()
{
    QFETCH(QString, sampler);
    QFETCH(SdeKind, kind);
    QFETCH(int, steps);
    const auto sde = makeSde(SdeConfig::defaults(kind));
    MixtureScore score(*ring_->mixture(), sde);
    SamplerOptions opts;
    opts.steps = std::max(steps, 1);
    opts.seed = 5;
    auto s = makeSampler(sampler.toStdString(), sde, score, opts);
    s->reset({kSamples, 2}, torch::kDouble);
    const auto x = s->run();
    Rng rng(6);
    const double ed = energyDistance(x, ring_->sample(kSamples, rng));
    qInfo("%s: energy distance %.5f, NFE %lld", qPrintable(sampler), ed, static_cast<long long>(s->state().nfe));
    QVERIFY2(ed < floor_.mean + 4 * floor_.sd,
             qPrintable(QString("%1 vs floor %2 ± %3").arg(ed).arg(floor_.mean).arg(floor_.sd)));
}

void TestSamplers::stepByStepStateIsConsistent()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::VP));
    MixtureScore score(*ring_->mixture(), sde);
    SamplerOptions opts;
    opts.steps = 10;
    for (const auto& name : samplerNames()) {
        auto s = makeSampler(name, sde, score, opts);
        s->reset({16, 2}, torch::kDouble);
        QCOMPARE(s->state().t, 1.0);
        double lastT = 1.0;
        int64_t lastNfe = 0;
        while (!s->done()) {
            s->step();
            QVERIFY(s->state().t < lastT);
            QVERIFY(s->state().nfe > lastNfe);
            QCOMPARE(s->state().score.sizes(), s->state().x.sizes());
            QCOMPARE(s->state().denoised.sizes(), s->state().x.sizes());
            lastT = s->state().t;
            lastNfe = s->state().nfe;
        }
        if (name != "ode-rk45")
            QCOMPARE(s->state().step, 10);
        if (name == "pc")
            QCOMPARE(s->state().nfe, 20);  // one corrector + one predictor per step
        if (name == "edm-heun")
            QCOMPARE(s->state().nfe, 19);  // 2N − 1
    }
}

void TestSamplers::edmScheduleEndpoints()
{
    const auto sde = makeSde(SdeConfig::defaults(SdeKind::EDM));
    MixtureScore score(*ring_->mixture(), sde);
    SamplerOptions opts;
    opts.steps = 18;
    const auto s = makeSampler("edm-heun", sde, score, opts);
    const auto& sig = dynamic_cast<const EdmHeunSampler&>(*s).sigmas();
    QCOMPARE(sig.size(), size_t(19));
    QVERIFY(std::abs(sig.front() - 80.0) < 1e-9);
    QVERIFY(std::abs(sig[17] - 0.002) < 1e-12);
    QCOMPARE(sig.back(), 0.0);
}

QTEST_APPLESS_MAIN(TestSamplers)
#include "tst_samplers.moc"
