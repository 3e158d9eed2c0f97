package org.psephos.estimation;

/**
 * Moment estimates of the clean peak of the Klimek et al. (2012) model (FORENSICS.md B2): the clean turnout
 * N(τ, σ_τ), the clean leader share N(ν, σ_ν) and the sd θ of the incremental fraud intensity. Immutable.
 *
 * @param tau      τ, the clean turnout peak
 * @param nu       ν, the clean leader-share peak
 * @param sigmaTau σ_τ
 * @param sigmaNu  σ_ν
 * @param theta    θ
 * @since 0.1
 */
public record KlimekMoments(double tau, double nu, double sigmaTau, double sigmaNu, double theta) {
    /** @return whether every estimate is a finite number and the peaks lie in (0, 1) */
    public boolean isUsable() {
        return tau > 0 && tau < 1 && nu > 0 && nu < 1 && sigmaTau > 0 && sigmaNu > 0 && theta > 0
                && Double.isFinite(sigmaTau + sigmaNu + theta);
    }
}
