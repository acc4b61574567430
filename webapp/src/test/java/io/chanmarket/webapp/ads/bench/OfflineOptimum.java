package io.chanmarket.webapp.ads.bench;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline optimum of a replayed visit sequence: the LP relaxation of the clairvoyant allocation, solved with
 * OR-Tools' Glop.
 *
 * <pre>
 * maximise   Σ_v Σ_{k∈E(v)} r(v,k) · x[v,k]
 * subject to Σ_k x[v,k] ≤ 1                 every visit shows at most one ad
 *            Σ_v x[v,k] ≤ L_k                every campaign within its impressions limit
 *            Σ_{v: c(v)=c} x[v,k] ≤ 1        every (client, campaign) pair earns once
 *            x ≥ 0
 * </pre>
 *
 * E(v) holds the campaigns that existed, ran on the visit's day and fit the client at that moment; r(v,k) is the
 * expected revenue of a first impression then, cost_per_impression + p(click)·cost_per_click, with the replay's hidden
 * click truth and the prices and ML scores in force. Visits of one client with the same options (same day, no price or
 * score change between them) are one group with a visit capacity of their count, so the LP has one variable per (group,
 * campaign) instead of per (visit, campaign). Its optimum bounds from above the expected revenue of any server that
 * keeps the limits.
 *
 * <p>
 * That LP pays the expected click value of every pair, also past a campaign's clicks limit, where a click earns
 * nothing. {@link Solution#clickCapped()} is the same LP with the clicks limits too: for each campaign whose clicks
 * limit C_k is below its impressions limit, the click revenue is cpc·z[v,k] with 0 ≤ z[v,k] ≤ p(v,k)·x[v,k] (the
 * clicking share of the pair's impression) and Σ_v z[v,k] ≤ C_k. Any server earns at most this in expectation, also one
 * that keeps showing a campaign past its clicks limit; it is never above the first.
 */
final class OfflineOptimum {

    /** The options of a group of a client's visits, and how many visits the group has. */
    private static final class Group {
        final int client;
        final int[] campaigns;
        final double[] impression;
        final double[] pClick;
        final double[] costPerClick;
        int visits;

        Group(int client, int[] campaigns, double[] impression, double[] pClick, double[] costPerClick) {
            this.client = client;
            this.campaigns = campaigns;
            this.impression = impression;
            this.pClick = pClick;
            this.costPerClick = costPerClick;
        }

        double revenue(int j) {
            return impression[j] + pClick[j] * costPerClick[j];
        }
    }

    /**
     * The LP's solution: its optimum, its size and how long Glop took; {@code clickCapped} is the optimum of the LP
     * with the clicks limits (NaN when not solved).
     */
    record Solution(double optimum, int variables, int constraints, long millis, String status, double clickCapped,
            Map<Integer, Double> cappedFill) {
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<Integer, Long> limits = new HashMap<>();
    private final Map<Integer, Long> clicksLimits = new HashMap<>();

    /** A campaign's impressions and clicks limits (campaigns are identified by the replay's index). */
    void limit(int campaign, long limit, long clicksLimit) {
        limits.put(campaign, limit);
        clicksLimits.put(campaign, clicksLimit);
    }

    /**
     * One visit of {@code client} in {@code epoch} (day and the count of price or score changes so far), with the
     * campaigns it could be shown, their prices in force and the chance that the client clicks each.
     */
    void visit(int client, int epoch, int[] campaigns, double[] costPerImpression, double[] pClick,
            double[] costPerClick) {
        if (campaigns.length == 0) {
            return;
        }
        groups.computeIfAbsent(client + "/" + epoch,
                k -> new Group(client, campaigns, costPerImpression, pClick, costPerClick)).visits++;
    }

    int variables() {
        return groups.values().stream().mapToInt(g -> g.campaigns.length).sum();
    }

    /** Both LPs: the (clicks paid past their limit) and the one with the clicks limits. */
    Solution solve() {
        Solution plain = solve(false);
        Solution capped = solve(true);
        return new Solution(plain.optimum(), plain.variables(), plain.constraints(), plain.millis() + capped.millis(),
                plain.status(), capped.optimum(), capped.cappedFill());
    }

    private boolean clickLimited(int campaign) {
        return clicksLimits.getOrDefault(campaign, Long.MAX_VALUE) < limits.get(campaign);
    }

    private Solution solve(boolean capClicks) {
        Loader.loadNativeLibraries();
        long started = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("GLOP");
        MPObjective objective = solver.objective();
        objective.setMaximization();
        Map<Integer, MPConstraint> byCampaign = new HashMap<>();
        Map<Long, List<MPVariable>> byPair = new HashMap<>();
        Map<Integer, MPConstraint> clicksOf = new HashMap<>();
        Map<Integer, List<MPVariable>> fillOf = new HashMap<>();
        int variables = 0;
        int constraints = 0;
        for (Group g : groups.values()) {
            MPConstraint visit = solver.makeConstraint(0, g.visits);
            constraints++;
            for (int j = 0; j < g.campaigns.length; j++) {
                int k = g.campaigns[j];
                MPVariable x = solver.makeNumVar(0, 1, "");
                variables++;
                visit.setCoefficient(x, 1);
                if (capClicks && clickLimited(k)) {
                    // z: the clicking share of x, paid cpc, at most the clicks limit over the campaign
                    objective.setCoefficient(x, g.impression[j]);
                    MPVariable z = solver.makeNumVar(0, 1, "");
                    variables++;
                    objective.setCoefficient(z, g.costPerClick[j]);
                    MPConstraint share = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    share.setCoefficient(z, 1);
                    share.setCoefficient(x, -g.pClick[j]);
                    constraints++;
                    clicksOf.computeIfAbsent(k, c -> solver.makeConstraint(0, clicksLimits.get(c))).setCoefficient(z,
                            1);
                } else {
                    objective.setCoefficient(x, g.revenue(j));
                }
                fillOf.computeIfAbsent(k, c -> new ArrayList<>()).add(x);
                MPConstraint limit = byCampaign.computeIfAbsent(k, c -> solver.makeConstraint(0, limits.get(c)));
                limit.setCoefficient(x, 1);
                byPair.computeIfAbsent(((long) g.client << 32) | k, p -> new ArrayList<>(2)).add(x);
            }
        }
        constraints += byCampaign.size() + clicksOf.size();
        for (List<MPVariable> pair : byPair.values()) {
            if (pair.size() > 1) {
                MPConstraint once = solver.makeConstraint(0, 1);
                pair.forEach(x -> once.setCoefficient(x, 1));
                constraints++;
            }
        }
        MPSolver.ResultStatus status = solver.solve();
        double optimum = status == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.NaN;
        Map<Integer, Double> fill = new HashMap<>();
        if (status == MPSolver.ResultStatus.OPTIMAL) {
            fillOf.forEach((k, xs) -> fill.put(k, xs.stream().mapToDouble(MPVariable::solutionValue).sum()));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        solver.delete();
        return new Solution(optimum, variables, constraints, millis, status.name(), Double.NaN, fill);
    }
}
