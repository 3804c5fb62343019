#pragma once
#include <torch/types.h>

#include <memory>
#include <string>

namespace scorescope {

class Rng;

enum class SdeKind { VE, VP, SubVP, EDM };

// Forward SDE dx = f(t) x dt + g(t) dW with Gaussian perturbation kernel
// p_0t(x_t | x_0) = N(a(t) x_0, s(t)^2 I)  (THEORY.md §1.1, EDM's σ-form §1.5).
// Every coefficient takes a time tensor of any shape and returns a tensor of that shape.
class Sde {
public:
    virtual ~Sde() = default;

    virtual SdeKind kind() const = 0;
    std::string name() const;

    double horizon() const { return T_; }                // T: the end of the forward process
    virtual double trainingEps() const = 0;               // default truncation ε for training
    virtual double samplingEps() const = 0;               // default end time of samplers

    virtual torch::Tensor meanCoeff(const torch::Tensor& t) const = 0;  // a(t)
    virtual torch::Tensor std(const torch::Tensor& t) const = 0;        // s(t)
    virtual torch::Tensor diffusion(const torch::Tensor& t) const = 0;  // g(t)
    virtual torch::Tensor driftCoeff(const torch::Tensor& t) const = 0; // f(x,t) = driftCoeff(t)·x
    // Noise level of the unscaled variable x/a, σ(t) = s(t)/a(t) (§1.5), and its inverse.
    virtual torch::Tensor sigma(const torch::Tensor& t) const;
    virtual torch::Tensor timeOfSigma(const torch::Tensor& sigma) const = 0;

    // Importance sampling of t with density ∝ g²/s² on [tMin, T] (§1.2): an antiderivative A
    // of g²/s², its inverse, and the normaliser Z(tMin) = A(T) - A(tMin).
    virtual torch::Tensor importanceAntiderivative(const torch::Tensor& t) const = 0;
    virtual torch::Tensor importanceAntiderivativeInverse(const torch::Tensor& A) const = 0;
    double importanceNormaliser(double tMin) const;
    torch::Tensor importanceSampledTime(const torch::Tensor& u, double tMin) const; // u ~ U(0,1)

    // The standard deviation of the SDE's Gaussian prior N(0, priorStd² I) at T (GaussianPrior).
    virtual double priorStd() const = 0;

    // f(x,t) and g(t) broadcast over x's non-batch dims; t has shape [B] or is a scalar.
    torch::Tensor drift(const torch::Tensor& x, const torch::Tensor& t) const;

    // Exact forward transition from tPrev < t: x_t = α x_tPrev + G ξ with α = a(t)/a(tPrev) and
    // G² = s(t)² − α² s(tPrev)². For VP this is DDPM's β_i, for VE SMLD's σ_i² − σ_{i−1}² (§1.3).
    struct Transition { torch::Tensor alpha, g2; };
    Transition transition(const torch::Tensor& t, const torch::Tensor& tPrev) const;

    // Scalar conveniences for the samplers (same t for the whole batch).
    double meanCoeffAt(double t) const;
    double stdAt(double t) const;
    double diffusionAt(double t) const;
    double sigmaAt(double t) const;
    double timeOfSigmaAt(double sigma) const;

protected:
    explicit Sde(double T) : T_(T) {}
    double T_;
};

// Reshape a per-sample coefficient [B] (or scalar) so it broadcasts against x [B, ...].
torch::Tensor broadcastTo(const torch::Tensor& coeff, const torch::Tensor& x);

} // namespace scorescope
