#pragma once
#include <vector>

namespace scorescope {

// TensorBoard's debiased exponential moving average of a logged series: s_i = w s_{i−1} + (1−w) v_i,
// divided by 1 − w^i so the first points are not pulled towards 0. A non-finite value is passed
// over: it gets the average so far (or itself, before the first finite one).
std::vector<double> debiasedEma(const std::vector<double>& values, double weight);

} // namespace scorescope
