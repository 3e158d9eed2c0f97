package org.psephos.cases.kazakhstan;

/**
 * Which of the law's referendum rules a referendum falls under: a constitutional referendum (2022) also needs a
 * "yes" majority in two thirds of the regions ({@link KazakhstanLaw#regionsNeeded2022()}), an ordinary one (2024)
 * only the national turnout and majority.
 */
enum ReferendumRule {
    /** Amends the constitution: the national rules and a majority in two thirds of the regions. */
    CONSTITUTIONAL,
    /** Any other question: the national rules only. */
    ORDINARY;

    /**
     * @param law the law
     * @return the regions with a "yes" majority the rule needs (0 for an ordinary referendum)
     */
    int regionsNeeded(KazakhstanLaw law) {
        return this == CONSTITUTIONAL ? law.regionsNeeded2022() : 0;
    }
}
