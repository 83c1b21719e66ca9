// Input sources: where the circuit's presynaptic activity x comes from.
//
// Every synthetic source is a linear Gaussian model
//     x = baseline + A z + sigma * e,    z ~ N(0, I_m),  e ~ N(0, I_N)
// with true covariance C = A A^T + sigma^2 I, so the analysis always has an exact
// ground truth to compare the learned weights with:
//   Gaussian2D  A = R(angle) diag(sqrt(variance_major), sqrt(variance_minor))
//   Spectrum    A = Q diag(sqrt(lambda_i)), Q a random butterfly rotation drawn from
//               the seed (butterfly.hpp): applying it costs O(N log N) a sample
//   Latent      A = sqrt(signal_variance) L, L an N x k matrix of N(0,1) loadings;
//               sigma^2 = noise_variance is the "spurious" part private to each
//               stream, while the k signals z are shared by all streams.
// The dataset source samples rows of a numeric matrix with replacement; its
// covariance is the exact covariance of those rows (population form, 1/rows).
// The image sources cut p x p patches at random positions out of a grey image, generated
// from the seed (dead leaves, pink noise: image_generators.hpp) or the reader's picture;
// N = p^2 and the covariance is the exact one of the patches over all positions
// (image_patches.hpp).
//
// Samples are drawn a block at a time (the block's normal numbers in one call of
// Rng::fill_normal) and computed element by element in a fixed order, so one seed
// gives bit-identical streams natively and in WebAssembly, however the samples are
// grouped into blocks. No source costs more than O(N k) a sample (k shared signals).
#pragma once

#include <Eigen/Dense>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "butterfly.hpp"
#include "image_generators.hpp"
#include "image_patches.hpp"
#include "random.hpp"

namespace hebbian {

// The kinds a page address or the runner's --source may name come first (kNamedSources);
// a data set and a picture arrive as files.
enum class SourceKind { Gaussian2D, Spectrum, Latent, DeadLeaves, PinkNoise, Dataset, Picture };
constexpr int kNamedSources = 5;
// The sources whose samples are image patches.
bool image_source(SourceKind kind);

struct SourceParams {
    SourceKind kind = SourceKind::Gaussian2D;  // which generative model
    // Gaussian2D
    double variance_major = 1.0;   // variance along the major axis (> 0)
    double variance_minor = 0.25;  // variance along the minor axis (> 0)
    double angle_deg = 30.0;       // angle of the major axis, degrees from the x axis
    // Spectrum and Latent
    int inputs = 8;  // number of input neurons N (2..kMaxInputs)
    // Spectrum: eigenvalues lambda_i = lambda1 * ratio^i unless `eigenvalues` is given.
    double lambda1 = 1.0;              // largest eigenvalue (> 0)
    double ratio = 0.5;                // geometric ratio between successive eigenvalues, (0, 1]
    std::vector<double> eigenvalues;   // explicit spectrum (length N, all > 0); overrides lambda1/ratio
    // Latent
    int signals = 1;                // number k of shared latent signals (1..N)
    double signal_variance = 0.25;  // variance of each shared signal (> 0)
    double noise_variance = 1.0;    // variance of the private, spurious noise of each stream (>= 0)
    // Dataset: rows are samples, columns are input neurons.
    std::shared_ptr<const Eigen::MatrixXd> data;  // must hold >= 2 rows and >= 2 columns
    bool centre = true;  // subtract the column means before use
    // Image sources (dead-leaves, pink-noise, picture): N = patches.side^2.
    PatchParams patches;                       // the patch side and how each patch is processed
    int image_side = kDefaultGeneratedSide;    // dead-leaves, pink-noise: the generated image's side
    std::shared_ptr<const GreyImage> picture;  // picture: the reader's image in grey levels
    // All sources: constant added to every input (a non-zero mean firing rate).
    double baseline = 0.0;
};

// The most input neurons N of any source, the runner's and the page's alike. The page's
// wasm heap is capped at 256 MiB (-sMAXIMUM_MEMORY in src/app/CMakeLists.txt). With one
// recurrent run (with its response) and one feedforward run at N inputs, the heap
// high-water mark measured by tests/benchmarks/run.sh is about 11 MiB + 82 N^2 bytes
// (94 MiB at N = 1024), so the cap would be reached near N = 1765: 1024 keeps the page
// under it with room for a second recurrent view at full size.
constexpr int kMaxInputs = 1024;

// Returns an empty string when the parameters are usable, otherwise one sentence
// naming the offending field.
std::string validate(const SourceParams& params);

// The number of inputs N the source gives: 2 for Gaussian2D, the columns of a data
// set once it has data, `inputs` otherwise.
int input_count(const SourceParams& params);

class InputSource {
public:
    // `rng` draws the random parts of the model itself (rotation, loadings).
    InputSource(const SourceParams& params, Rng& rng);

    int dim() const { return static_cast<int>(mean_.size()); }
    // Number of shared latent signals z a sample reports: k for the latent source, the
    // two standard normals of the 2-D Gaussian, none for the spectrum and data sets.
    int latent_dim() const { return latent_dim_; }
    const Eigen::VectorXd& mean() const { return mean_; }
    const Eigen::MatrixXd& covariance() const { return covariance_; }
    // Mixing matrix A (N x m); empty for datasets.
    const Eigen::MatrixXd& mixing() const { return mixing_; }
    double noise_variance() const { return noise_sd_ * noise_sd_; }
    // A data set's rows as samples, one per column (N x rows), baseline and centring applied.
    const Eigen::MatrixXd& dataset_samples() const { return samples_; }
    // An image source's patches (null for the other sources), and the position of the last
    // patch drawn (-1 before the first).
    const PatchSource* patches() const { return patches_ ? &*patches_ : nullptr; }
    int last_patch_position() const { return last_position_; }

    // Draws x.cols() samples into the columns of x (N x m) and, when `latent` is given,
    // their shared signals into its columns (latent_dim() x m); for a data set, `rows`
    // (when given) receives the row drawn for each column, for an image source the patch's
    // position. The numbers are those that m
    // calls of sample() would give, in order.
    void sample_block(Rng& rng, Eigen::MatrixXd& x, Eigen::MatrixXd* latent = nullptr, int* rows = nullptr);
    // A data set: the rows of the next m samples, as sample_block draws them (they read
    // the same numbers of rng), with the first kRowsAhead of them asked of the cache.
    void draw_rows(Rng& rng, int* rows, Eigen::Index m) const;
    // Asks the cache for a data set's row, kRowsAhead samples before it is read.
    void prefetch_row(int row) const;
    static constexpr Eigen::Index kRowsAhead = 8;
    // One sample into x (size N); when `latent` is given it receives z.
    void sample(Rng& rng, Eigen::VectorXd& x, Eigen::VectorXd* latent = nullptr);

private:
    Eigen::VectorXd mean_;
    Eigen::MatrixXd mixing_;
    double noise_sd_ = 0.0;
    int latent_dim_ = 0;
    std::optional<RandomButterfly> rotation_;  // the spectrum's Q
    std::optional<PatchSource> patches_;       // an image source's patches
    std::vector<int> drawn_positions_;         // their positions in one block
    int last_position_ = -1;
    double baseline_ = 0.0;                    // the constant added to every sample (not a data set's)
    Eigen::VectorXd scale_;                    // the spectrum's sqrt(lambda)
    Eigen::MatrixXd samples_;                  // a data set's rows as samples
    Eigen::MatrixXd covariance_;
    Eigen::VectorXd signals_;      // one sample's shared signals z
    std::vector<int> drawn_rows_;  // a data set's rows of one block
    Eigen::MatrixXd one_sample_;   // sample()'s block of one
};

}  // namespace hebbian
