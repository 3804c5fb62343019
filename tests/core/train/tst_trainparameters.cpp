// The table of training parameters (train/TrainParameters.h) is the one description of a run's
// configuration: config.json and the typed-in values of the command line and the New-run dialog
// (both go through chooseParameters, then validate) must take and refuse the same values, and
// name the same key when they refuse one.
#include "core/common/Error.h"
#include "core/train/TrainConfig.h"
#include "core/train/TrainParameters.h"
#include "ParameterBoundaries.h"

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <optional>
#include <set>

using namespace scorescope;
using json = nlohmann::json;
using namespace scorescope::testing;

namespace {

// The key a config.json holding only `value` at `key` is refused for, or nullopt when it is taken.
std::optional<std::string> refusedByJson(const std::string& key, const json& value)
{
    json j = json::object();
    const auto dot = key.find('.');
    if (dot == std::string::npos)
        j[key] = value;
    else
        j[key.substr(0, dot)][key.substr(dot + 1)] = value;
    try {
        trainConfigFromJson(j, "cfg.json");
        return std::nullopt;
    } catch (const Error& e) {
        // "cfg.json: \"objective.eps\" must be …": the key is the first quoted name.
        const std::string what = e.what();
        const auto open = what.find('"'), close = what.find('"', open + 1);
        return close == std::string::npos ? what : what.substr(open + 1, close - open - 1);
    }
}

// The same for a typed-in value (a flag or a dialog field).
std::optional<std::string> refusedAsText(const std::string& flag, const std::string& text)
{
    try {
        const auto issues = validate(chooseParameters({{flag, text}}));
        return issues.empty() ? std::nullopt : std::optional(issues.front().key);
    } catch (const ParameterError& e) {
        return e.issue().key;
    }
}

} // namespace

class TestTrainParameters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFieldIsInTheTableOnce()
    {
        // toJson writes the table, so its keys are the table's; no key or flag is listed twice.
        const json j = toJson(TrainConfig{});
        size_t leaves = 0;
        for (const auto& [k, v] : j.items())
            leaves += v.is_object() ? v.size() : 1;
        QCOMPARE(leaves, trainParameters().size());
        std::set<std::string> keys, flags;
        for (const auto& p : trainParameters()) {
            QVERIFY2(keys.insert(p.key).second, p.key.c_str());
            QVERIFY2(p.flag.empty() || flags.insert(p.flag).second, p.flag.c_str());
            QVERIFY2(p.kind != ParameterKind::Choice || !p.choices.empty(), p.key.c_str());
            QVERIFY2(p.flag.empty() || !p.help.empty(), p.key.c_str());
        }
        QVERIFY(validate(TrainConfig{}).empty());
    }

    void boundaryValuesAreDecidedAlike_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("taken");
        for (const auto& p : trainParameters())
            for (const auto& [text, taken] : boundaryValuesBesidesAutomatic(p))  // the marker: below
                QTest::newRow((p.key + " = " + text).c_str()) << QString::fromStdString(p.key) << QString::fromStdString(text) << taken;
        // The checks across keys (§2.1: the truncation lies inside the time range; EM's points).
        QTest::newRow("objective.eps = T") << "objective.eps" << "1" << false;
        QTest::newRow("objective.eps just below T") << "objective.eps" << "0.999" << true;
    }

    void boundaryValuesAreDecidedAlike()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(bool, taken);
        const auto& p = *parameterByKey(key.toStdString());
        const auto byJson = refusedByJson(p.key, asJson(p, text.toStdString()));
        QVERIFY2(byJson.has_value() != taken, byJson.value_or("taken").c_str());
        if (byJson)
            QCOMPARE(QString::fromStdString(*byJson), key);
        if (p.flag.empty())
            return;  // config.json only
        const auto byText = refusedAsText(p.flag, text.toStdString());
        QVERIFY2(byText.has_value() != taken, byText.value_or("taken").c_str());
        if (byText)
            QCOMPARE(QString::fromStdString(*byText), key);
    }

    void emWithFewerPointsThanComponentsIsRefusedByBoth()
    {
        QCOMPARE(refusedByJson("prior", json{{"kind", "gmm"}, {"components", 8}, {"fit_points", 7}}).value_or(""),
                 std::string("prior.fit_points"));
        const auto c = chooseParameters({{"prior", "gmm"}, {"prior-components", "8"}, {"prior-points", "7"}});
        QCOMPARE(validate(c).at(0).key, std::string("prior.fit_points"));
    }

    void automaticValuesAreTakenFromFilesOnly()
    {
        // config.json says "automatic" with the marker (ε = −1: the SDE's); a flag says it by its absence.
        for (const auto& p : trainParameters())
            if (p.automatic) {
                QVERIFY2(!refusedByJson(p.key, automaticMarker(p)), p.key.c_str());
                if (!p.flag.empty())
                    QVERIFY2(refusedAsText(p.flag, json(*p.automatic).dump()), p.flag.c_str());
            }
    }

    void choosingBringsItsDefaults()
    {
        // A chosen SDE brings its own parameters, an image data set its network and batch, as
        // selectSde and selectDataset do; a file's values are taken as they are.
        const auto edm = chooseParameters({{"sde", "edm"}});
        QVERIFY(edm.model.parameterisation == Parameterisation::Edm);
        QCOMPARE(edm.sde.sigmaMax, 80.0);
        const auto images = chooseParameters({{"dataset", "fashion-mnist"}, {"batch", "16"}});
        QCOMPARE(QString::fromStdString(images.model.arch), QString("unet"));
        QCOMPARE(images.batch, int64_t(16));
        QCOMPARE(trainConfigFromJson(json{{"dataset", "fashion-mnist"}}, "cfg.json").model.arch, std::string("mlp"));
        QVERIFY(!chooseParameters({{"rgb", ""}}).images.gray);
    }

    void helpShowsTheStructsDefaults()
    {
        QCOMPARE(defaultText(*parameterByFlag("batch")), std::string("default 512, images 64"));
        QCOMPARE(defaultText(*parameterByFlag("mixed-weight")), std::string("default 100"));
        QCOMPARE(defaultText(*parameterByFlag("eps")), std::string("default the SDE's"));
        QCOMPARE(defaultText(*parameterByFlag("flip")), std::string());
    }

    void aTypedValueOfTheWrongKindSaysWhatWasExpected()
    {
        try {
            chooseParameters({{"steps", "ten"}});
            QFAIL("accepted --steps ten");
        } catch (const ParameterError& e) {
            QCOMPARE(e.issue().key, std::string("steps"));
            QCOMPARE(e.issue().message, std::string("expected a positive integer, got 'ten'"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainParameters)
#include "tst_trainparameters.moc"
