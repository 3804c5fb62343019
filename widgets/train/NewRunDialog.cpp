#include "widgets/train/NewRunDialog.h"

#include "core/common/Error.h"
#include "core/data/MixtureJson.h"
#include "core/data/ToyPresets.h"
#include "core/train/TrainParameters.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace scorescope;

namespace {
QSpinBox* spin(int lo, int hi, int value)
{
    auto* s = new QSpinBox;
    s->setRange(lo, hi);
    s->setValue(value);
    return s;
}

// The choices of the table's parameter with that flag, its default current; `first`: an item before
// them (the "default" that leaves the choice to another parameter).
QComboBox* choices(const std::string& flag, const QString& first = {})
{
    const auto& p = *parameterByFlag(flag);
    QStringList items;
    if (!first.isEmpty())
        items << first;
    for (const auto& c : p.choices)
        items << QString::fromStdString(c);
    auto* box = new QComboBox;
    box->addItems(items);
    if (first.isEmpty())
        box->setCurrentText(QString::fromStdString(p.get(TrainConfig{}).get<std::string>()));
    return box;
}

QWidget* withButton(QWidget* field, QPushButton* button)
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}
} // namespace

NewRunDialog::NewRunDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName("newRunDialog");
    setWindowTitle(tr("New training run"));
    const TrainConfig defaults;

    dataset_ = new QComboBox;
    dataset_->setObjectName("datasetChoice");
    dataset_->setEditable(true);
    for (const auto& name : toyPresetNames())
        dataset_->addItem(QString::fromStdString(name));
    dataset_->addItem("fashion-mnist");
    dataset_->setCurrentText(QString::fromStdString(defaults.dataset));
    auto* browseMixture = new QPushButton(tr("Mixture file…"));
    connect(browseMixture, &QPushButton::clicked, this, [this] {
        const auto f = QFileDialog::getOpenFileName(this, tr("Gaussian mixture"), {}, tr("Mixture JSON (*.json)"));
        if (!f.isEmpty())
            dataset_->setCurrentText(f);
    });
    dataDir_ = new QLineEdit;
    dataDir_->setPlaceholderText("/usr/share/datasets/fashion-mnist");
    imageSize_ = spin(0, 1024, 0);
    imageSize_->setSpecialValueText(tr("native"));
    rgb_ = new QCheckBox(tr("RGB (image folders)"));
    flip_ = new QCheckBox(tr("random horizontal flips"));

    sde_ = choices("sde");
    horizon_ = new QLineEdit(QString::number(defaults.sde.T));
    eps_ = new QLineEdit;
    eps_->setPlaceholderText(tr("the SDE's default"));
    parameterisation_ = choices("parameterisation", tr("default"));
    weighting_ = choices("weighting", tr("default"));
    mixedWeight_ = new QLineEdit(QString::number(defaults.objective.mixedWeight));

    objective_ = choices("objective");
    refSize_ = spin(0, 1 << 20, 0);  // 0: the trainer's choice for the device (1024 on CPU, 4096 on CUDA)
    refSize_->setSpecialValueText(tr("default"));
    softTruncation_ = new QCheckBox(tr("random truncation τ per step"));
    stK_ = new QLineEdit("1");
    gradientBins_ = new QCheckBox(tr("log each σ bin's gradient share"));

    prior_ = choices("prior");
    priorComponents_ = spin(1, 4096, static_cast<int>(defaults.prior.components));
    priorCovariance_ = choices("prior-covariance");
    priorPoints_ = spin(1, 100000000, static_cast<int>(defaults.prior.fitPoints));
    priorRestarts_ = spin(1, 1000, static_cast<int>(defaults.prior.restarts));
    priorSteps_ = spin(0, 100000000, 0);
    priorSteps_->setSpecialValueText(tr("default"));
    priorLayers_ = spin(1, 256, static_cast<int>(defaults.prior.layers));
    priorHidden_ = spin(1, 16384, static_cast<int>(defaults.prior.hidden));

    width_ = spin(1, 1024, static_cast<int>(defaults.model.width));
    hidden_ = spin(1, 8192, static_cast<int>(defaults.model.hidden));
    depth_ = spin(1, 64, static_cast<int>(defaults.model.depth));

    batch_ = spin(1, 1 << 20, static_cast<int>(defaults.batch));
    steps_ = spin(1, 100000000, static_cast<int>(defaults.steps));
    lr_ = new QLineEdit(QString::number(defaults.lr));
    warmup_ = spin(0, 100000000, static_cast<int>(defaults.warmup));
    ema_ = new QLineEdit(QString::number(defaults.emaDecay));
    seed_ = new QLineEdit("0");  // any 64-bit seed, which a spin box cannot hold

    device_ = choices("device");
    checkpointEvery_ = spin(1, 100000000, static_cast<int>(defaults.checkpointEvery));
    logEvery_ = spin(1, 100000000, static_cast<int>(defaults.logEvery));
    sampleEvery_ = spin(0, 100000000, static_cast<int>(defaults.sampleEvery));
    sampleEvery_->setSpecialValueText(tr("never"));
    out_ = new QLineEdit(QDir::current().filePath("runs/new-run"));
    auto* browseOut = new QPushButton(tr("Browse…"));
    connect(browseOut, &QPushButton::clicked, this, [this] {
        const auto d = QFileDialog::getExistingDirectory(this, tr("Parent folder of the run"));
        if (!d.isEmpty())
            out_->setText(QDir(d).filePath("new-run"));
    });

    auto* layout = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout, *right = new QVBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right);
    layout->addLayout(columns);
    auto groupIn = [&](QVBoxLayout* column, const QString& title) {
        auto* box = new QGroupBox(title);
        auto* form = new QFormLayout(box);
        column->addWidget(box);
        return form;
    };

    auto* data = groupIn(left, tr("Data"));
    addField(data, tr("Data set"), "dataset", withButton(dataset_, browseMixture),
             tr("A toy mixture preset, a mixture JSON file, fashion-mnist, folder:DIR or cifar10:DIR"));
    addField(data, tr("Data directory"), "data-dir", dataDir_, tr("Where the Fashion-MNIST IDX files are"));
    addField(data, tr("Image size"), "image-size", imageSize_, tr("Image folders: resize to N × N"));
    addField(data, QString(), "rgb", rgb_, tr("Image folders: three colour channels instead of gray"));
    addField(data, QString(), "flip", flip_, tr("Augment training images with random horizontal flips"));

    auto* diffusion = groupIn(left, tr("Diffusion"));
    addField(diffusion, tr("SDE"), "sde", sde_, tr("VE, VP, sub-VP or EDM forward process (THEORY.md §1)"));
    addField(diffusion, tr("Horizon T"), "T", horizon_, tr("End time of the VE/VP/sub-VP SDE (diffusion horizon, §4)"));
    addField(diffusion, tr("Truncation ε"), "eps", eps_, tr("Smallest training time; blank takes the SDE's default (§2.1)"));
    addField(diffusion, tr("Parameterisation"), "parameterisation", parameterisation_,
             tr("Network output: ε prediction or EDM preconditioning (§1.5)"));
    addField(diffusion, tr("Weighting"), "weighting", weighting_,
             tr("Loss weighting λ(t) and time sampling (§1.2, §2.2); mixed is half likelihood-IS, half variance"));
    addField(diffusion, tr("Mixed weight"), "mixed-weight", mixedWeight_, tr("Weight of the variance half in mixed weighting (§2.4)"));

    auto* prior = groupIn(left, tr("Prior at T"));
    addField(prior, tr("Prior"), "prior", prior_,
             tr("x_T's law: the SDE's Gaussian, or an auxiliary model fitted to the forward marginal at T before "
                "training, for a horizon T < 1 (§4.4)"));
    addField(prior, tr("Components"), "prior-components", priorComponents_, tr("Gaussian mixture components (EM)"));
    addField(prior, tr("Covariance"), "prior-covariance", priorCovariance_, tr("Full or diagonal component covariances"));
    addField(prior, tr("Fit points"), "prior-points", priorPoints_, tr("Forward-diffused points the mixture is fitted to"));
    addField(prior, tr("EM starts"), "prior-restarts", priorRestarts_, tr("Independent EM starts; the best fit is kept"));
    addField(prior, tr("Fit steps"), "prior-steps", priorSteps_, tr("EM iterations (default 200) or flow optimiser steps (default 3000)"));
    addField(prior, tr("Flow layers"), "prior-layers", priorLayers_, tr("Affine coupling layers of the flow (RealNVP)"));
    addField(prior, tr("Flow width"), "prior-hidden", priorHidden_, tr("Hidden units of each coupling network"));

    auto* objective = groupIn(right, tr("Objective"));
    addField(objective, tr("Target"), "objective", objective_,
             tr("dsm: denoising score matching; stf: Stable Target Field with a reference batch (§3)"));
    addField(objective, tr("Reference size n"), "ref-size", refSize_, tr("STF reference batch, own sample included (§3.3)"));
    addField(objective, tr("Soft Truncation"), "soft-truncation", softTruncation_,
             tr("Draw τ ~ τ^-k on [ε, T] once per step and train on t ∈ [τ, T] (§2.2)"));
    addField(objective, tr("k"), "st-k", stK_, tr("Exponent of P(τ) ∝ τ^-k; k = 1 is log-uniform (§2.2)"));
    addField(objective, QString(), "gradient-bins", gradientBins_,
             tr("On logging steps, one backward pass per σ bin to log its share of the gradient (§2.3)"));

    auto* network = groupIn(right, tr("Network"));
    addField(network, tr("U-Net width"), "width", width_, tr("Channels at full resolution (images)"));
    addField(network, tr("MLP width"), "hidden", hidden_, tr("Hidden units per layer (toy data)"));
    addField(network, tr("MLP depth"), "depth", depth_, tr("Hidden layers (toy data)"));

    auto* optimisation = groupIn(right, tr("Optimisation"));
    addField(optimisation, tr("Batch"), "batch", batch_, tr("Minibatch size"));
    addField(optimisation, tr("Steps"), "steps", steps_, tr("Optimisation steps"));
    addField(optimisation, tr("Learning rate"), "lr", lr_, tr("Adam learning rate"));
    addField(optimisation, tr("Warm-up"), "warmup", warmup_, tr("Linear learning-rate warm-up steps"));
    addField(optimisation, tr("EMA decay"), "ema", ema_, tr("Decay of the weight average that samples and evaluates"));
    addField(optimisation, tr("Seed"), "seed", seed_, tr("Seeds data, noise and initialisation: same seed, same run"));

    auto* runBox = groupIn(left, tr("Run"));
    addField(runBox, tr("Device"), "device", device_, tr("cpu, cuda, or auto (CUDA when LibTorch has it)"));
    addField(runBox, tr("Checkpoint every"), "checkpoint-every", checkpointEvery_, tr("Steps between checkpoints"));
    addField(runBox, tr("Log every"), "log-every", logEvery_, tr("Steps between metric rows (and per-σ bins)"));
    addField(runBox, tr("Sample every"), "sample-every", sampleEvery_,
             tr("Steps between sample snapshots (same seeds each time) for the Samples panel"));
    addField(runBox, tr("Run directory"), "out", withButton(out_, browseOut), tr("A new directory for the run"));

    // Parameters of core's table without a field above get a plain one, so a new parameter is in
    // the dialog as soon as it is in the table; its help is the CLI's.
    QFormLayout* others = nullptr;
    for (const auto& p : trainParameters()) {
        const QString flag = QString::fromStdString(p.flag);
        if (flag.isEmpty() || messages_.contains(flag))
            continue;
        if (!others)
            others = groupIn(right, tr("Other parameters"));
        QWidget* field = nullptr;
        if (p.kind == ParameterKind::Switch) {
            field = new QCheckBox;
        } else {
            auto* edit = new QLineEdit;
            edit->setPlaceholderText(QString::fromStdString(defaultText(p)));
            field = edit;
        }
        tableFields_.push_back({p.flag, field});
        addField(others, flag, flag, field, QString::fromStdString(p.help).simplified());
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    start_ = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    start_->setObjectName("startButton");
    start_->setToolTip(tr("Create the run directory and start training in the background"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (valid_) {
            saveFields();
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (auto* e : findChildren<QLineEdit*>())
        connect(e, &QLineEdit::textChanged, this, &NewRunDialog::validate);
    for (auto* s : findChildren<QSpinBox*>())
        connect(s, &QSpinBox::valueChanged, this, &NewRunDialog::validate);
    for (auto* c : findChildren<QComboBox*>())
        connect(c, &QComboBox::currentTextChanged, this, &NewRunDialog::validate);
    for (auto* c : findChildren<QCheckBox*>())
        connect(c, &QCheckBox::toggled, this, &NewRunDialog::validate);
    connect(dataset_, &QComboBox::currentTextChanged, this, &NewRunDialog::datasetChanged);
    datasetChanged();
    restoreFields();
}

void NewRunDialog::saveFields() const
{
    QSettings s;
    s.beginGroup("newRun");
    for (const auto* e : findChildren<QLineEdit*>())
        if (isField(e) && e != out_)
            s.setValue(e->objectName(), e->text());
    for (const auto* b : findChildren<QSpinBox*>())
        s.setValue(b->objectName(), b->value());
    for (const auto* c : findChildren<QComboBox*>())
        s.setValue(c->objectName(), c->currentText());
    for (const auto* c : findChildren<QCheckBox*>())
        s.setValue(c->objectName(), c->isChecked());
}

bool NewRunDialog::isField(const QObject* o)
{
    // Qt's own children (a spin box's line edit) are named qt_…; an editable combo's is unnamed.
    return !o->objectName().isEmpty() && !o->objectName().startsWith("qt_");
}

void NewRunDialog::restoreFields()
{
    QSettings s;
    s.beginGroup("newRun");
    // The data set first: choosing it resets the batch and step defaults that follow.
    if (s.contains(dataset_->objectName()))
        dataset_->setCurrentText(s.value(dataset_->objectName()).toString());
    for (auto* e : findChildren<QLineEdit*>())
        if (isField(e) && e != out_ && s.contains(e->objectName()))
            e->setText(s.value(e->objectName()).toString());
    for (auto* b : findChildren<QSpinBox*>())
        if (s.contains(b->objectName()))
            b->setValue(s.value(b->objectName()).toInt());
    for (auto* c : findChildren<QComboBox*>())
        if (c != dataset_ && s.contains(c->objectName()))
            c->setCurrentText(s.value(c->objectName()).toString());
    for (auto* c : findChildren<QCheckBox*>())
        if (s.contains(c->objectName()))
            c->setChecked(s.value(c->objectName()).toBool());
}

void NewRunDialog::addField(QFormLayout* form, const QString& label, const QString& flag, QWidget* field, const QString& tip)
{
    field->setObjectName(flag);
    field->setToolTip(tip);
    auto* message = new QLabel;
    message->setObjectName(flag + "-message");
    message->setWordWrap(true);
    message->setStyleSheet("color: #b00020");
    message->hide();
    messages_[flag] = message;
    auto* cell = new QWidget;
    auto* v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    v->addWidget(message);
    form->addRow(label, cell);
}

void NewRunDialog::datasetChanged()
{
    // Moving between toy and image data changes the network and the batch, step and rate defaults;
    // typing a name or path that stays on the same side keeps what the user set.
    TrainConfig c;
    selectDataset(c, dataset_->currentText().toStdString());
    const bool image = c.model.arch == "unet";
    if (imageData_ == static_cast<int>(image))
        return;
    imageData_ = image;
    for (auto [box, value] : {std::pair{batch_, c.batch}, {steps_, c.steps}, {checkpointEvery_, c.checkpointEvery},
                              {logEvery_, c.logEvery}, {sampleEvery_, c.sampleEvery}})
        box->setValue(static_cast<int>(value));
    lr_->setText(QString::number(c.lr));
    for (QWidget* w : std::initializer_list<QWidget*>{dataDir_, imageSize_, rgb_, flip_, width_})
        w->setEnabled(image);
    for (QWidget* w : std::initializer_list<QWidget*>{hidden_, depth_})
        w->setEnabled(!image);
    validate();
}

QString NewRunDialog::runDirectory() const { return out_->text().trimmed(); }

std::map<std::string, std::string> NewRunDialog::fieldTexts() const
{
    const auto text = [](const QLineEdit* e) { return e->text().trimmed().toStdString(); };
    const auto number = [](const QSpinBox* b) { return std::to_string(b->value()); };
    std::map<std::string, std::string> f{
        {"dataset", dataset_->currentText().trimmed().toStdString()}, {"sde", sde_->currentText().toStdString()},
        {"T", text(horizon_)}, {"objective", objective_->currentText().toStdString()},
        {"mixed-weight", text(mixedWeight_)}, {"width", number(width_)}, {"hidden", number(hidden_)},
        {"depth", number(depth_)}, {"batch", number(batch_)}, {"steps", number(steps_)}, {"lr", text(lr_)},
        {"warmup", number(warmup_)}, {"ema", text(ema_)}, {"seed", text(seed_)},
        {"device", device_->currentText().toStdString()}, {"checkpoint-every", number(checkpointEvery_)},
        {"log-every", number(logEvery_)}, {"sample-every", number(sampleEvery_)}};
    // Blank or "default" fields leave the value to the table's default, or to its automatic choice.
    if (refSize_->value() > 0)
        f["ref-size"] = number(refSize_);
    if (!dataDir_->text().trimmed().isEmpty())
        f["data-dir"] = text(dataDir_);
    if (imageSize_->value() > 0)
        f["image-size"] = number(imageSize_);
    if (rgb_->isChecked())
        f["rgb"] = "";
    if (flip_->isChecked())
        f["flip"] = "";
    if (!eps_->text().trimmed().isEmpty())
        f["eps"] = text(eps_);
    if (parameterisation_->currentIndex() > 0)
        f["parameterisation"] = parameterisation_->currentText().toStdString();
    if (weighting_->currentIndex() > 0)
        f["weighting"] = weighting_->currentText().toStdString();
    if (softTruncation_->isChecked())
        f["st-k"] = text(stK_);
    if (gradientBins_->isChecked())
        f["gradient-bins"] = "";
    if (prior_->currentText() != "gaussian") {
        f["prior"] = prior_->currentText().toStdString();
        if (priorSteps_->value() > 0)
            f["prior-steps"] = number(priorSteps_);
        if (prior_->currentText() == "gmm") {
            f["prior-components"] = number(priorComponents_);
            f["prior-covariance"] = priorCovariance_->currentText().toStdString();
            f["prior-points"] = number(priorPoints_);
            f["prior-restarts"] = number(priorRestarts_);
        } else {
            f["prior-layers"] = number(priorLayers_);
            f["prior-hidden"] = number(priorHidden_);
        }
    }
    for (const auto& [flag, field] : tableFields_) {
        if (const auto* box = qobject_cast<const QCheckBox*>(field); box && box->isChecked())
            f[flag] = "";
        else if (const auto* edit = qobject_cast<const QLineEdit*>(field); edit && !text(edit).empty())
            f[flag] = text(edit);
    }
    return f;
}

TrainConfig NewRunDialog::config() const { return chooseParameters(fieldTexts()); }

QString NewRunDialog::messageFor(const QString& flag) const
{
    const auto* label = messages_.value(flag);
    return label && !label->isHidden() ? label->text() : QString();
}

void NewRunDialog::showMessage(const QString& flag, const QString& message)
{
    auto* label = messages_.value(flag, messages_.value("dataset"));
    label->setText(message);
    label->show();
}

void NewRunDialog::validate()
{
    for (auto* label : messages_)
        label->hide();
    stK_->setEnabled(softTruncation_->isChecked());
    refSize_->setEnabled(objective_->currentText() == "stf");
    mixedWeight_->setEnabled(weighting_->currentText() == "mixed");
    const bool gmm = prior_->currentText() == "gmm", flow = prior_->currentText() == "flow";
    for (QWidget* w : std::initializer_list<QWidget*>{priorComponents_, priorCovariance_, priorPoints_, priorRestarts_})
        w->setEnabled(gmm);
    for (QWidget* w : std::initializer_list<QWidget*>{priorLayers_, priorHidden_})
        w->setEnabled(flow);
    priorSteps_->setEnabled(gmm || flow);
    valid_ = false;
    // Under the field of the key it is about, as the CLI says it ("--eps: …").
    const auto refuse = [this](const std::string& key, const std::string& message) {
        const auto* p = parameterByKey(key);
        const QString flag = p && !p->flag.empty() ? QString::fromStdString(p->flag) : QString("dataset");
        showMessage(flag, "--" + flag + ": " + QString::fromStdString(message));
        start_->setEnabled(false);
    };
    try {
        const auto c = config();
        if (const auto issues = scorescope::validate(c); !issues.empty())
            return refuse(issues.front().key, issues.front().message);
        // A mixture file is read now, so its mistakes show here rather than when training starts.
        const auto& presets = toyPresetNames();
        if (!isImageDatasetSpec(c.dataset) && std::find(presets.begin(), presets.end(), c.dataset) == presets.end())
            readMixtureJson(c.dataset);
    } catch (const ParameterError& e) {
        return refuse(e.issue().key, e.issue().message);
    } catch (const std::exception& e) {  // a file that cannot be used (Error, or the file system's own)
        showMessage("dataset", QString::fromStdString(e.what()));
        start_->setEnabled(false);
        return;
    }
    const QString out = runDirectory();
    if (out.isEmpty() || QFileInfo::exists(QDir(out).filePath("config.json"))) {
        showMessage("out", out.isEmpty() ? tr("Choose a directory for the run")
                                         : tr("%1 already holds a run; choose another directory or continue that run").arg(out));
        start_->setEnabled(false);
        return;
    }
    valid_ = true;
    start_->setEnabled(true);
}
