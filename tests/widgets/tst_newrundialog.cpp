// The New-run dialog decides every parameter as core's table does (tst_trainparameters feeds the
// same values through config.json and the command line): a value the table takes leaves the dialog
// valid, one it refuses is refused under the field of the key the table names, or cannot be
// entered at all (a spin box's range, a fixed list of choices).
#include "widgets/train/NewRunDialog.h"
#include "core/train/TrainParameters.h"
#include "../core/ParameterBoundaries.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace scorescope;
using namespace scorescope::testing;

namespace {

// Puts `text` into the field; false when the field cannot hold it.
bool enter(QWidget* field, const QString& text)
{
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        edit->setText(text);
        return true;
    }
    if (auto* spin = qobject_cast<QSpinBox*>(field)) {
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok || n < spin->minimum() || n > spin->maximum())
            return false;
        spin->setValue(static_cast<int>(n));
        return true;
    }
    if (auto* combo = qobject_cast<QComboBox*>(field)) {
        if (combo->isEditable() || combo->findText(text) >= 0) {
            combo->setCurrentText(text);
            return true;
        }
        return false;
    }
    return false;
}

} // namespace

class TestNewRunDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    void everyFlagHasAField()
    {
        // The table's parameters without a field of their own get a plain one (Adam's β₂ here).
        NewRunDialog dialog;
        for (const auto& p : trainParameters())
            if (!p.flag.empty())
                QVERIFY2(dialog.findChild<QWidget*>(QString::fromStdString(p.flag)), p.flag.c_str());
        auto* beta2 = dialog.findChild<QLineEdit*>("adam-beta2");
        QVERIFY(beta2);
        QCOMPARE(dialog.config().adamBeta2, 0.999);
        beta2->setText("0.95");
        QCOMPARE(dialog.config().adamBeta2, 0.95);
    }

    void boundaryValuesAreDecidedAsTheTableDecides_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("taken");
        for (const auto& p : trainParameters())
            if (!p.flag.empty())
                for (const auto& [text, taken] : boundaryValuesBesidesAutomatic(p))
                    QTest::newRow((p.flag + " = " + text).c_str())
                        << QString::fromStdString(p.flag) << QString::fromStdString(text) << taken;
        QTest::newRow("eps = T") << "eps" << "1" << false;
    }

    void boundaryValuesAreDecidedAsTheTableDecides()
    {
        QFETCH(QString, flag);
        QFETCH(QString, text);
        QFETCH(bool, taken);
        QTemporaryDir runs;
        NewRunDialog dialog;
        dialog.findChild<QWidget*>("out")->findChild<QLineEdit*>()->setText(runs.filePath("run"));  // beside Browse
        QVERIFY2(dialog.isValid(), qPrintable(dialog.messageFor("out")));
        // The fields that are sent only in some states: Soft Truncation's k, the prior's settings.
        if (flag == "st-k")
            dialog.findChild<QCheckBox*>("soft-truncation")->setChecked(true);
        if (flag.startsWith("prior-")) {
            const bool flow = flag == "prior-layers" || flag == "prior-hidden";
            dialog.findChild<QComboBox*>("prior")->setCurrentText(flow ? "flow" : "gmm");
            if (flag == "prior-points")  // EM's own check (points ≥ components) is tst_trainparameters'
                dialog.findChild<QSpinBox*>("prior-components")->setValue(1);
        }
        const bool entered = enter(dialog.findChild<QWidget*>(flag), text);
        if (taken) {
            QVERIFY2(entered, "the field cannot hold a value the table takes");
            QVERIFY2(dialog.isValid(), qPrintable(dialog.messageFor(flag)));
        } else if (entered) {
            QVERIFY(!dialog.isValid());
            QVERIFY2(dialog.messageFor(flag).startsWith("--" + flag + ": "), qPrintable(dialog.messageFor(flag)));
        }
    }
};

QTEST_MAIN(TestNewRunDialog)
#include "tst_newrundialog.moc"
