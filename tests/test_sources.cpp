// Input sources: samples follow the covariance each source claims.
#include <doctest.h>

#include <memory>

#include "core/analysis.hpp"
#include "core/simulation.hpp"
#include "core/source.hpp"

using namespace hebbian;

namespace {

Eigen::MatrixXd sample_covariance(InputSource& source, int samples, std::uint64_t seed) {
    Rng rng(seed);
    RunningCovariance running(source.dim());
    Eigen::VectorXd x;
    for (int s = 0; s < samples; ++s) {
        source.sample(rng, x);
        running.add(x);
    }
    return running.covariance();
}

}  // namespace

TEST_CASE("the 2-D source has the covariance of its variances and angle") {
    SourceParams p;
    p.variance_major = 2.0;
    p.variance_minor = 0.5;
    p.angle_deg = 60.0;
    Rng model(1);
    InputSource source(p, model);
    // Closed form: R diag(2, 0.5) R^T with R the rotation by 60 degrees.
    const double c = 0.5, s = std::sqrt(3.0) / 2.0;
    Eigen::Matrix2d expected;
    expected << 2 * c * c + 0.5 * s * s, (2 - 0.5) * c * s, (2 - 0.5) * c * s, 2 * s * s + 0.5 * c * c;
    CHECK(relative_frobenius_error(source.covariance(), expected) < 1e-12);
    CHECK(relative_frobenius_error(sample_covariance(source, 200000, 2), expected) < 0.02);
}

TEST_CASE("the spectrum source has exactly the requested eigenvalues") {
    SourceParams p;
    p.kind = SourceKind::Spectrum;
    p.inputs = 12;
    p.lambda1 = 3.0;
    p.ratio = 0.7;
    Rng model(9);
    InputSource source(p, model);
    const PrincipalComponents pcs = principal_components(source.covariance());
    for (int i = 0; i < 12; ++i) CHECK(pcs.values(i) == doctest::Approx(3.0 * std::pow(0.7, i)).epsilon(1e-10));
    CHECK(relative_frobenius_error(sample_covariance(source, 200000, 4), source.covariance()) < 0.03);
}

TEST_CASE("explicit eigenvalues override the geometric spectrum") {
    SourceParams p;
    p.kind = SourceKind::Spectrum;
    p.inputs = 3;
    p.eigenvalues = {0.5, 4.0, 1.0};
    Rng model(1);
    InputSource source(p, model);
    const PrincipalComponents pcs = principal_components(source.covariance());
    CHECK(pcs.values(0) == doctest::Approx(4.0));
    CHECK(pcs.values(1) == doctest::Approx(1.0));
    CHECK(pcs.values(2) == doctest::Approx(0.5));
}

TEST_CASE("the latent source mixes shared signals with private noise: C = A A^T + sigma^2 I") {
    SourceParams p;
    p.kind = SourceKind::Latent;
    p.inputs = 10;
    p.signals = 2;
    p.signal_variance = 0.5;
    p.noise_variance = 0.3;
    p.baseline = 1.5;
    Rng model(3);
    InputSource source(p, model);
    const Eigen::MatrixXd& a = source.mixing();
    REQUIRE(a.rows() == 10);
    REQUIRE(a.cols() == 2);
    const Eigen::MatrixXd expected = a * a.transpose() + 0.3 * Eigen::MatrixXd::Identity(10, 10);
    CHECK(relative_frobenius_error(source.covariance(), expected) < 1e-12);
    CHECK(relative_frobenius_error(sample_covariance(source, 200000, 5), expected) < 0.03);
    CHECK((source.mean().array() == 1.5).all());
    // The latent draw that sample() reports is the one the sample was made from.
    Rng rng(11);
    Eigen::VectorXd x, z;
    source.sample(rng, x, &z);
    REQUIRE(z.size() == 2);
    const Eigen::VectorXd noise = x - source.mean() - a * z;
    CHECK(noise.norm() < 6.0 * std::sqrt(0.3 * 10));
}

TEST_CASE("the dataset source draws whole rows, centred unless asked for raw rows") {
    auto data = std::make_shared<Eigen::MatrixXd>(4, 3);
    *data << 1, 2, 3,   //
        4, 5, 6,        //
        7, 8, 10,       //
        0, -1, 2;
    SourceParams p;
    p.kind = SourceKind::Dataset;
    p.data = data;
    Rng model(1), rng(2);
    InputSource centred(p, model);
    const Eigen::RowVectorXd column_mean = data->colwise().mean();
    CHECK(centred.mean().norm() < 1e-12);
    // Population covariance of the rows, computed independently.
    Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(3, 3);
    for (int r = 0; r < 4; ++r) {
        const Eigen::VectorXd d = (data->row(r) - column_mean).transpose();
        expected += d * d.transpose() / 4.0;
    }
    CHECK(relative_frobenius_error(centred.covariance(), expected) < 1e-12);
    Eigen::VectorXd x;
    for (int s = 0; s < 50; ++s) {
        centred.sample(rng, x);
        bool is_a_row = false;
        for (int r = 0; r < 4; ++r) is_a_row |= (x.transpose() - (data->row(r) - column_mean)).norm() < 1e-12;
        CHECK(is_a_row);
    }
    p.centre = false;
    InputSource raw(p, model);
    CHECK((raw.mean().transpose() - column_mean).norm() < 1e-12);
}

TEST_CASE("source validation names the offending field") {
    SourceParams p;
    p.variance_minor = -1.0;
    CHECK(validate(p).find("variance_minor") != std::string::npos);
    p = SourceParams{};
    p.kind = SourceKind::Spectrum;
    p.inputs = kMaxInputs + 1;
    CHECK(validate(p).find("inputs (N)") != std::string::npos);
    p.inputs = 4;
    p.eigenvalues = {1.0, 2.0};
    CHECK(validate(p).find("eigenvalues") != std::string::npos);
    p = SourceParams{};
    p.kind = SourceKind::Latent;
    p.inputs = 4;
    p.signals = 5;
    CHECK(validate(p).find("signals") != std::string::npos);
    p = SourceParams{};
    p.kind = SourceKind::Dataset;
    CHECK(validate(p).find("needs data") != std::string::npos);
    p.data = std::make_shared<Eigen::MatrixXd>(Eigen::MatrixXd::Ones(1, 3));
    CHECK(validate(p).find("2 rows") != std::string::npos);
}

TEST_CASE("input_count gives 2 for the plane, the data's columns, else the setting") {
    SourceParams p;
    CHECK(input_count(p) == 2);
    p.kind = SourceKind::Latent;
    p.inputs = 12;
    CHECK(input_count(p) == 12);
    p.kind = SourceKind::Dataset;
    p.data = std::make_shared<Eigen::MatrixXd>(Eigen::MatrixXd::Zero(5, 7));
    CHECK(input_count(p) == 7);
}

TEST_CASE("a block of samples holds the numbers of that many single samples, for every source") {
    SourceParams two_d;
    SourceParams spectrum;
    spectrum.kind = SourceKind::Spectrum;
    spectrum.inputs = 37;
    SourceParams latent;
    latent.kind = SourceKind::Latent;
    latent.inputs = 21;
    latent.signals = 3;
    latent.baseline = 0.5;
    SourceParams dataset;
    dataset.kind = SourceKind::Dataset;
    Rng fill(3);
    auto rows = std::make_shared<Eigen::MatrixXd>(50, 6);
    for (Eigen::Index i = 0; i < rows->size(); ++i) rows->data()[i] = fill.normal();
    dataset.data = rows;
    for (const SourceParams& p : {two_d, spectrum, latent, dataset}) {
        CAPTURE(to_string(p.kind));
        Rng model_a(4), model_b(4);
        InputSource a(p, model_a), b(p, model_b);
        Rng draws_a(8), draws_b(8);
        Eigen::MatrixXd one_by_one(a.dim(), 29), latent_one(a.latent_dim(), 29);
        Eigen::VectorXd x, z;
        for (int s = 0; s < 29; ++s) {
            a.sample(draws_a, x, &z);
            one_by_one.col(s) = x;
            latent_one.col(s) = z;
        }
        // Blocks of 1, 7, 13 and 8 samples.
        Eigen::MatrixXd blocks(b.dim(), 29), latent_blocks(b.latent_dim(), 29);
        int at = 0;
        for (int size : {1, 7, 13, 8}) {
            Eigen::MatrixXd block(b.dim(), size), signals(b.latent_dim(), size);
            b.sample_block(draws_b, block, &signals);
            blocks.middleCols(at, size) = block;
            latent_blocks.middleCols(at, size) = signals;
            at += size;
        }
        CHECK(blocks == one_by_one);
        CHECK(latent_blocks == latent_one);
    }
}

TEST_CASE("the spectrum source's samples have the covariance Q diag(lambda) Q^T it reports") {
    SourceParams p;
    p.kind = SourceKind::Spectrum;
    p.inputs = 12;
    p.ratio = 0.6;
    Rng model(6);
    InputSource source(p, model);
    // Q is dense: the eigenvectors are not the axes.
    CHECK(source.covariance().diagonal().maxCoeff() < 0.9 * source.covariance().eigenvalues().real().maxCoeff());
    const Eigen::MatrixXd block_covariance = sample_covariance(source, 200000, 7);
    CHECK(relative_frobenius_error(block_covariance, source.covariance()) < 0.02);
}
