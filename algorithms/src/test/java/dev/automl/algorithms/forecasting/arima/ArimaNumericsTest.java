package dev.automl.algorithms.forecasting.arima;

import dev.automl.algorithms.forecasting.GoldenFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.automl.algorithms.forecasting.GoldenFiles.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numerical pieces under AutoArima, each on its own: R's BFGS, the lag polynomials, the state covariance. */
class ArimaNumericsTest {

    /** R's optim(method = "BFGS") on Rosenbrock's function, with and without parscale, and stopped by maxit. */
    @Test
    void minimisesAsRsOptim() throws IOException {
        JsonNode goldens = GoldenFiles.read("testdata/forecasting/arima/arima_goldens.json");
        // As R evaluates 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2, squares first.
        Bfgs.Objective rosenbrock = x -> {
            double a = x[1] - x[0] * x[0];
            double b = 1 - x[0];
            return 100 * (a * a) + b * b;
        };
        for (JsonNode g : goldens.get("bfgs")) {
            double[] parscale = doubles(g.get("parscale"));
            Bfgs.Result res = Bfgs.minimize(rosenbrock, doubles(g.get("start")), parscale, g.get("maxit").asInt());
            assertArrayEquals(doubles(g.get("par")), res.par(), 1e-12);
            assertEquals(g.get("value").asDouble(), res.value(), 1e-9 * g.get("value").asDouble()); // the goldens carry 15 digits
            assertEquals(g.get("convergence").asInt(), res.convergence());
            double[][] h = Bfgs.hessian(rosenbrock, res.par(), parscale);
            double[] want = doubles(g.get("hessian"));
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(want[i + 2 * j], h[i][j], 1e-7 * Math.abs(want[i + 2 * j]));
                }
            }
        }
        assertThrows(ArimaFitException.class, () -> Bfgs.minimize(x -> Double.NaN, new double[] {1}, new double[] {1}, 100));
    }

    /**
     * R's polyroot root for root, including where Jenkins-Traub is inaccurate: on a degree-106 seasonal polynomial
     * whose true smallest root has modulus 1.0109, R finds one at 0.75.
     */
    @Test
    void findsRootsAsRsPolyroot() throws IOException {
        JsonNode goldens = GoldenFiles.read("testdata/forecasting/arima/arima_goldens.json");
        for (JsonNode g : goldens.get("polyroots")) {
            double[] ar = doubles(g.get("ar"));
            double[] sar = doubles(g.get("sar"));
            double[] params = new double[ar.length + sar.length];
            System.arraycopy(ar, 0, params, 0, ar.length);
            System.arraycopy(sar, 0, params, ar.length, sar.length);
            double[] phi = new ArmaParameters(ar.length, 0, sar.length, 0, g.get("period").asInt()).expand(params, false)[0];
            double[] c = new double[phi.length + 1];
            c[0] = 1.0;
            for (int i = 0; i < phi.length; i++) {
                c[i + 1] = -phi[i];
            }
            double[][] roots = Polyroot.of(c);
            assertArrayEquals(doubles(g.get("re")), roots[0], 1e-12, "degree " + phi.length);
            assertArrayEquals(doubles(g.get("im")), roots[1], 1e-12, "degree " + phi.length);
        }
        // R finds a root at 0.75 where the true smallest has modulus 1.0109: auto.arima rejects that model.
        assertEquals(0.75, LagPolynomial.minRoot(new ArmaParameters(2, 0, 2, 0, 52).expand(
                new double[] {0.1114658, 0.5025274, -0.4091229, -0.3227038}, false)[0], -1), 0.01);
    }

    @Test
    void testsStationarityAndMinimumRoot() {
        // 1 - 1.5z + 0.56z^2 = (1 - 0.7z)(1 - 0.8z): roots 1/0.7 and 1.25.
        assertTrue(LagPolynomial.stationary(new double[] {1.5, -0.56}));
        assertEquals(1.25, LagPolynomial.minRoot(new double[] {1.5, -0.56}, -1), 1e-12);
        assertFalse(LagPolynomial.stationary(new double[] {1.0}));
        assertFalse(LagPolynomial.stationary(new double[] {0.5, 0.6}));
        assertTrue(LagPolynomial.stationary(new double[] {0.5, 0, 0}));
        // 1 + 0.5z: the MA root is -2, beyond the cap of 2 only by rounding.
        assertEquals(2.0, LagPolynomial.minRoot(new double[] {0.5}, 1), 1e-12);
        assertArrayEquals(new double[] {0.3, 0, 1e-7}, LagPolynomial.trimmed(new double[] {0.3, 0, 1e-7, 1e-9, 0}));
    }

    /** An MA root inside the unit circle is reflected: the autocovariances stay, the MA becomes invertible. */
    @Test
    void invertsTheMaPart() {
        // 1 - 2.5z + z^2 = (1 - 2z)(1 - 0.5z): the root 0.5 becomes 2, giving (1 - 0.5z)^2 = 1 - z + 0.25z^2.
        assertArrayEquals(new double[] {-1.0, 0.25, 0.0}, LagPolynomial.invertMa(new double[] {-2.5, 1.0, 0.0}), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.0}, LagPolynomial.invertMa(new double[] {2.0, 0.0}), 1e-15);
        assertArrayEquals(new double[] {0.4, -0.2}, LagPolynomial.invertMa(new double[] {0.4, -0.2}));
        // Complex roots inside: 1 + z + 2z^2 has roots of modulus 1/sqrt(2); reflected, 1 + 0.5z + 0.5z^2.
        assertArrayEquals(new double[] {0.5, 0.5}, LagPolynomial.invertMa(new double[] {1.0, 2.0}), 1e-12);
    }

    /** The doubling solution of the state covariance, used for long seasonal periods, agrees with Gardner's. */
    @Test
    void doublingAgreesWithGardner() {
        ArmaParameters arma = new ArmaParameters(2, 1, 1, 1, 12);
        double[][] pt = arma.expand(new double[] {0.5, -0.2, 0.3, 0.4, -0.5}, false);
        int r = Math.max(pt[0].length, pt[1].length + 1);
        double[] gardner = StateSpace.stationaryCovariance(pt[0], pt[1]);
        double[] doubling = StateSpace.lyapunovByDoubling(pt[0], pt[1], r);
        assertArrayEquals(gardner, doubling, 1e-12);
    }

    /** The AR transform and its inverse, and the seasonal expansion (1 - 0.5B)(1 - 0.3B^4). */
    @Test
    void transformsAndExpandsParameters() {
        ArmaParameters arma = new ArmaParameters(2, 0, 1, 0, 4);
        double[] coef = {0.6, -0.3, 0.5};
        assertArrayEquals(coef, arma.undo(arma.inverse(coef)), 1e-14);
        double[][] pt = new ArmaParameters(1, 0, 1, 0, 4).expand(new double[] {0.5, 0.3}, false);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.3, -0.15}, pt[0], 1e-15);
    }
}
