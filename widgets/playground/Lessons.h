#pragma once
#include <QString>
#include <QVector>

// Guided presets for teaching: each sets the playground up (mixture, SDE, time, probe, layers)
// and explains in a few sentences what the view shows.
struct Lesson {
    QString id;
    QString title;
    QString text;           // rich text shown beside the view
    QString preset;         // the mixture
    QString sde;            // ve, vp, subvp, edm
    double t = 0.1;
    bool probe = false;
    double probeX = 0.0, probeY = 0.0;
    bool regimes = false;   // show the regime map
    bool stepThrough = false;
};

const QVector<Lesson>& lessons();
const Lesson* findLesson(const QString& id);
