#pragma once
#include <QDialog>
#include <QMap>
#include <QStringList>

#include "core/train/TrainConfig.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Configures a new training run with everything `scorescope-cli train` takes. Each field is a
// parameter of core's table (its object name is the parameter's flag); on every edit the fields
// become a TrainConfig through that table and its validate(), as the CLI's flags do, so a bad
// value is explained under the field that holds it (and Start stays disabled) before anything runs.
class NewRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewRunDialog(QWidget* parent = nullptr);

    QString runDirectory() const;
    // The run the fields describe; throws ParameterError for a field that is not of its kind.
    scorescope::TrainConfig config() const;
    bool isValid() const { return valid_; }
    // The message shown under the field of `flag` ("out" for the run directory); empty if none.
    QString messageFor(const QString& flag) const;

private:
    void validate();
    std::map<std::string, std::string> fieldTexts() const;  // by flag, as chooseParameters takes them
    // The fields as last started, by object name (QSettings "newRun/…"); the run directory excepted.
    void restoreFields();
    void saveFields() const;
    static bool isField(const QObject* o);
    void datasetChanged();
    void addField(QFormLayout* form, const QString& label, const QString& flag, QWidget* field, const QString& tip);
    void showMessage(const QString& flag, const QString& message);

    QComboBox *dataset_, *sde_, *parameterisation_, *weighting_, *objective_, *device_, *prior_, *priorCovariance_;
    QLineEdit *dataDir_, *horizon_, *eps_, *mixedWeight_, *stK_, *lr_, *ema_, *seed_, *out_;
    QSpinBox *imageSize_, *refSize_, *width_, *hidden_, *depth_, *batch_, *steps_, *warmup_, *checkpointEvery_, *logEvery_, *sampleEvery_;
    QSpinBox *priorComponents_, *priorPoints_, *priorRestarts_, *priorSteps_, *priorLayers_, *priorHidden_;
    QCheckBox *rgb_, *flip_, *softTruncation_, *gradientBins_;
    QPushButton* start_;
    QMap<QString, QLabel*> messages_;  // flag → the message label under its field
    std::vector<std::pair<std::string, QWidget*>> tableFields_;  // by flag: the table's parameters without a field of their own
    bool valid_ = false;
    int imageData_ = -1;  // whether the data set last chosen was images (-1: none yet)
};
