#include "core/playground/DiffusionField.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/nn/ScoreFunction.h"
#include "core/sde/Sde.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

namespace scorescope {

namespace {

torch::Tensor gridPoints(const PlaneGrid& grid)
{
    const auto xy = grid.centres();
    return torch::tensor(xy, torch::kDouble).view({grid.cells(), 2});
}

std::vector<float> toFloats(const torch::Tensor& t)
{
    const auto f = t.to(torch::kCPU, torch::kFloat).contiguous();
    return {f.data_ptr<float>(), f.data_ptr<float>() + f.numel()};
}

} // namespace

std::vector<float> logDensityGrid(const GaussianMixture& mixture, const Sde& sde, double t, const PlaneGrid& grid)
{
    const MixtureTruth truth(mixture, torch::tensor(sde.meanCoeffAt(t), torch::kDouble), torch::tensor(sde.stdAt(t), torch::kDouble));
    return toFloats(truth.logDensity(gridPoints(grid)));
}

FieldSnapshot computeField(const FieldRequest& request)
{
    torch::NoGradGuard noGrad;
    const auto mixture = toGaussianMixture(request.mixture);
    const Sde& sde = *request.sde;
    FieldSnapshot out;
    out.t = request.t;
    out.a = sde.meanCoeffAt(request.t);
    out.s = sde.stdAt(request.t);
    out.sigma = sde.sigmaAt(request.t);
    const auto a = torch::tensor(out.a, torch::kDouble), s = torch::tensor(out.s, torch::kDouble);
    const MixtureTruth truth(mixture, a, s);

    out.densityGrid = request.frame.resampled(request.densityCells, request.densityCells);
    out.logDensity = logDensityGrid(mixture, sde, request.t, out.densityGrid);

    out.arrowGrid = request.frame.resampled(request.arrowCells, request.arrowCells);
    const auto at = gridPoints(out.arrowGrid);
    auto field = request.source == ScoreSource::Model ? torch::zeros_like(at) : truth.score(at);
    if (request.source != ScoreSource::Truth) {
        if (!request.model)
            throw Error("the model's score field needs a trained model; open a run first");
        const auto model = request.model->score(at.to(torch::kFloat), torch::full({at.size(0)}, request.t))
                               .to(torch::kCPU, torch::kDouble);
        field = request.source == ScoreSource::Model ? model : model - field;
    }
    out.arrows = toFloats(field);

    Rng rng(request.seed);
    const auto y = mixture.sample(request.forwardSamples, rng);
    const auto z = rng.normal({request.forwardSamples, 2}, torch::TensorOptions().dtype(torch::kDouble));
    out.samples = toFloats(out.a * y + out.s * z);

    out.regimeGrid = request.frame.resampled(request.regimeCells, request.regimeCells);
    out.regime = regimeMap(mixture, sde, request.t, out.regimeGrid, request.referenceSize, request.seed + 1);
    return out;
}

} // namespace scorescope
