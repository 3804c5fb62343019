#pragma once
#include <vector>

namespace scorescope {

// A rectangle of the plane cut into cols × rows cells, sampled at the cell centres. Row 0 is the
// top (largest y), as images are drawn, so a grid's values fill a QImage row by row.
struct PlaneGrid {
    double xMin = -3.0, xMax = 3.0, yMin = -3.0, yMax = 3.0;
    int cols = 40, rows = 40;

    double x(int col) const { return xMin + (col + 0.5) * (xMax - xMin) / cols; }
    double y(int row) const { return yMax - (row + 0.5) * (yMax - yMin) / rows; }
    int cells() const { return cols * rows; }
    // The same rectangle at another resolution.
    PlaneGrid resampled(int c, int r) const { return {xMin, xMax, yMin, yMax, c, r}; }
    // Cell centres, interleaved (x, y), row by row.
    std::vector<double> centres() const
    {
        std::vector<double> xy;
        xy.reserve(2 * cells());
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                xy.insert(xy.end(), {x(c), y(r)});
        return xy;
    }
};

} // namespace scorescope
