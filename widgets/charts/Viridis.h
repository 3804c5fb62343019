#pragma once
#include <QColor>

// Viridis at five stops, linearly interpolated: perceptually ordered and colour-blind safe.
// u in [0, 1] (clamped).
QColor viridis(double u);
