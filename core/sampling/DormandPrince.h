#pragma once
#include <torch/types.h>

#include <functional>

namespace scorescope {

// Adaptive Runge–Kutta 4(5) of Dormand and Prince with FSAL, scipy's RK45 error norm
// (RMS of e/(atol + rtol·max|y|)) and step control; one step() is one accepted step.
class DormandPrince {
public:
    using Rhs = std::function<torch::Tensor(const torch::Tensor& y, double t)>;
    DormandPrince(Rhs f, torch::Tensor y0, double t0, double t1, double rtol, double atol);

    bool done() const { return t_ == t1_; }
    void step();
    torch::Tensor solve();  // steps until t1, returns y(t1)

    const torch::Tensor& y() const { return y_; }
    double t() const { return t_; }
    int64_t evaluations() const { return nfe_; }

private:
    torch::Tensor eval(const torch::Tensor& y, double t);
    Rhs f_;
    torch::Tensor y_, k1_;
    double t_, t1_, h_, rtol_, atol_, minStep_ = 0.0;
    int64_t nfe_ = 0;
};

} // namespace scorescope
