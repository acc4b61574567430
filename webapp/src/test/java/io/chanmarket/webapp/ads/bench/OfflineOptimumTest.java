package io.chanmarket.webapp.ads.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OfflineOptimumTest {

    @Test
    void aCampaignWithRoomForClicksIsPaidItsWholeExpectedValueByBothBounds() {
        OfflineOptimum lp = new OfflineOptimum();
        lp.limit(0, 2, 2);
        lp.visit(0, 0, new int[] { 0 }, new double[] { 1 }, new double[] { 0.8 }, new double[] { 10 });
        lp.visit(1, 0, new int[] { 0 }, new double[] { 1 }, new double[] { 0.8 }, new double[] { 10 });

        OfflineOptimum.Solution solution = lp.solve();

        assertThat(solution.optimum()).isCloseTo(18, within(1e-6));
        assertThat(solution.clickCapped()).isCloseTo(18, within(1e-6));
    }

    @Test
    void clicksPastTheLimitEarnNothingInTheCappedBound() {
        // two clients likely to click (0.8), one click allowed: 1.6 expected clicks, only one of them paid
        OfflineOptimum lp = new OfflineOptimum();
        lp.limit(0, 2, 1);
        lp.visit(0, 0, new int[] { 0 }, new double[] { 1 }, new double[] { 0.8 }, new double[] { 10 });
        lp.visit(1, 0, new int[] { 0 }, new double[] { 1 }, new double[] { 0.8 }, new double[] { 10 });

        OfflineOptimum.Solution solution = lp.solve();

        assertThat(solution.optimum()).isCloseTo(2 * (1 + 8), within(1e-6));
        assertThat(solution.clickCapped()).isCloseTo(2 * 1 + 10, within(1e-6));
    }

    @Test
    void aVisitGoesToTheOtherCampaignWhenTheClickLimitedOneHasNoClicksLeftToSell() {
        // one visit each; campaign 0 (cpi 1, cpc 10, one click) or campaign 1 (cpi 6, no clicks): the first client
        // clicks 0 for sure (1 + 10 = 11), so the second, who would click too, is worth more to campaign 1 (6 > 1)
        OfflineOptimum lp = new OfflineOptimum();
        lp.limit(0, 2, 1);
        lp.limit(1, 1, 1);
        lp.visit(0, 0, new int[] { 0, 1 }, new double[] { 1, 6 }, new double[] { 1, 0 }, new double[] { 10, 0 });
        lp.visit(1, 0, new int[] { 0, 1 }, new double[] { 1, 6 }, new double[] { 1, 0 }, new double[] { 10, 0 });

        OfflineOptimum.Solution solution = lp.solve();

        assertThat(solution.optimum()).isCloseTo(11 + 11, within(1e-6));
        assertThat(solution.clickCapped()).isCloseTo(11 + 6, within(1e-6));
    }
}
