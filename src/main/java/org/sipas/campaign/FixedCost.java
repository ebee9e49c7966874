package org.sipas.campaign;

/** A cost that does not grow with the sample (software, report, tender), in đồng. */
record FixedCost(String item, long amount) {

    public String amountText() {
        return CostEstimate.vnd(amount);
    }
}
