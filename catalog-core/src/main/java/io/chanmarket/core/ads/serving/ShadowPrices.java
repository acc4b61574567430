package io.chanmarket.core.ads.serving;

import io.chanmarket.core.platform.shared.Counters;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow prices (bid prices) of the campaigns' remaining impressions.
 *
 * <p>
 * The offline problem is an LP: each visit shows at most one ad, each (client, campaign) pair earns once, each campaign
 * stays within its impressions limit. Its dual has a price λ_k ≥ 0 per campaign: the value of one more unit of k's
 * limit. The bid-price rule serves, at each visit, the new pair with the largest {@code value − λ_k} when it is
 * positive. Two ways to find λ ({@code app.ads.bid-price.prices}):
 *
 * <p>
 * {@code resolve} (the default): every fiftieth of a day's visits (or {@code app.ads.bid-price.resolve-ms}), in the
 * background, the prices are re-solved on the remaining problem from a sample of the last visitors ({@link #resolve},
 * {@link DualResolve}).
 *
 * <p>
 * {@code descent}: the online (sub)gradient step of the dual problem, batched: every {@code period}, for every running
 * campaign,
 *
 * <pre>
 * λ_k ← clamp(λ_k + η · v_k · (X_k − ρ_k · A), 0, cpi + cpc)
 *   A   = visits this node answered since the last step, X_k = new impressions of k it counted in them
 *   ρ_k = R_k / F_k: the share of the coming visits k needs to fill its limit
 *   R_k = impressions left (shared counter), F_k = visits forecast over k's remaining days
 *   v_k = cost_per_impression + p(click | ½) · cost_per_click: the campaign's scale, so η is a share of its value
 *   η   = max(app.ads.bid-price.step, 4 / R_k), at most 0.5: small limits learn their price within a few units
 * </pre>
 *
 * A campaign served faster than it needs gets dearer (it keeps its units for the visitors where it earns most); one
 * that cannot fill at its current rate gets cheaper, down to 0, where it is served greedily. When traffic is scarce
 * every ρ_k is high and every λ_k stays 0; when it is plentiful the prices rise until each campaign is served at the
 * rate that just fills it. Pairs already counted are out of the choice altogether, so a client who returns does not
 * count twice: the feedback sees the pool of fresh clients shrink and lowers λ by itself.
 *
 * <p>
 * Uniqueness: a pair counts once, so a campaign can only still be shown to the clients of its audience not counted for
 * it yet. Its reach is that pool times the chance that a client visits in the window, 1 − e^(−F/N) for N clients. A
 * campaign whose remaining units are {@value #REACH_GUARD} of its reach or more cannot afford to skip anybody: its λ is
 * 0. The dual step alone would learn that too, but only after wasting visits on repeats.
 *
 * <p>
 * The forecast: visits per day are counted in a shared counter per day ({@code ads:visits:<day>}, all nodes), so every
 * node sees the same traffic. The day's size D is the smallest of the last three days' totals (on the first day, what
 * has been seen so far, and as much again still to come: the doubling guess); today's remainder is
 * {@code max(D − seen today, D / 20)}; each further day of a campaign's window adds D. Each node steps its own λ from
 * its own share of the visits and the same shared counters, so two nodes behind a balancer converge to the same prices
 * without exchanging them.
 */
@Singleton
class ShadowPrices {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowPrices.class);
    static final String VISITS = "ads:visits:";
    /** A campaign whose remaining units are this share of its remaining reach or more is served greedily (λ = 0). */
    static final double REACH_GUARD = 0.8;
    /**
     * A campaign's price should move by its whole scale within this many units served above (or below) its need, so
     * that a small limit is not spent before its price has learned anything: η_k = max(η, this / units left), at most
     * {@link #MAX_STEP}.
     */
    static final double UNITS_TO_LEARN = 4;
    static final double MAX_STEP = 0.5;

    /** One campaign's price, kept across snapshots (price changes and new campaigns rebuild the snapshot). */
    static final class Price {
        volatile double lambda;
        /** κ: the price of one of its clicks, when its clicks limit would close it before its impressions. */
        volatile double click;
        final LongAdder served = new LongAdder();
    }

    /** The visits of one day not yet added to the shared counter. */
    private record Pending(int day, LongAdder visits) {
    }

    private final Counters counters;
    private final ClickModel clicks;
    private final double step;
    private final long periodNanos;
    private final Map<UUID, Price> prices = new ConcurrentHashMap<>();
    private final Map<Integer, Long> finishedDays = new ConcurrentHashMap<>();
    private final LongAdder arrivals = new LongAdder();
    private final ReentrantLock stepping = new ReentrantLock();
    private volatile Pending pending = new Pending(-1, new LongAdder());
    private volatile long lastStep = System.nanoTime();
    private volatile long version;

    /** How the prices are found: re-solved from sampled visitors, or stepped by dual descent. */
    enum Method {
        RESOLVE, DESCENT
    }

    private final Method method;
    private final double relevance;
    private final boolean clickPrices;
    private final long resolveNanos;
    /** The profiles of the last visitors, a ring of {@value #SAMPLE} (the re-solve's sample of the traffic). */
    private final AtomicReferenceArray<ClientProfile> sample = new AtomicReferenceArray<>(SAMPLE);
    private final AtomicLong sampled = new AtomicLong();
    private final AtomicBoolean solving = new AtomicBoolean();
    /**
     * When the next re-solve is due at the latest, when it may come at the earliest ({@link #SOLVE_GAP} times the last
     * one's time later, so that solving takes at most a fifth of a core), and after how many visits it is due before
     * the latest: a fiftieth of the day's traffic, so that prices follow the day however fast it passes.
     */
    private volatile long nextSolve = System.nanoTime();
    private volatile long earliestSolve = System.nanoTime();
    private volatile long sampledAtSolve;
    private volatile long visitsPerSolve = MIN_VISITS_PER_SOLVE;
    static final long MIN_VISITS_PER_SOLVE = 16;
    private volatile ExecutorService solver;

    /** The day of the last re-solve: the next one on the same day starts from the prices in force. */
    private volatile int solvedDay = -1;

    static final int SAMPLE = 4096;
    /** The re-solve weighs about this many (visitor, campaign) pairs at most, and at least this many visitors. */
    static final int PAIR_BUDGET = 150_000;
    static final int MIN_VISITORS = 100;
    /**
     * After a re-solve that took t, the next waits at least this many times t: the solver takes ≤ 1/(1 + this) of a
     * core.
     */
    static final int SOLVE_GAP = 4;
    /**
     * Visits per registered client assumed for a first day, before any day was seen whole: the public data set has 0.5,
     * the traffic we have seen 0.5–1.
     */
    static final double FIRST_DAY_VISITS_PER_CLIENT = 0.5;

    ShadowPrices(Counters counters, ClickModel clicks, double step, long periodMillis) {
        this(counters, clicks, step, periodMillis, "descent", 200, 0.1, true);
    }

    @Inject
    ShadowPrices(Counters counters, ClickModel clicks, @Value("${app.ads.bid-price.step:0.05}") double step,
            @Value("${app.ads.bid-price.period-ms:50}") long periodMillis,
            @Value("${app.ads.bid-price.prices:resolve}") String method,
            @Value("${app.ads.bid-price.resolve-ms:200}") long resolveMillis, // 0: only when asked (tests)
            @Value("${app.ads.bid-price.relevance:0.1}") double relevance,
            @Value("${app.ads.bid-price.click-prices:true}") boolean clickPrices) {
        this.relevance = relevance;
        this.clickPrices = clickPrices;
        this.counters = counters;
        this.clicks = clicks;
        this.step = step;
        this.periodNanos = periodMillis * 1_000_000L;
        this.method = method(method);
        this.resolveNanos = resolveMillis * 1_000_000L;
    }

    private static Method method(String name) {
        try {
            return Method.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "app.ads.bid-price.prices must be resolve or descent, not '" + name + "'", e);
        }
    }

    @PreDestroy
    void close() {
        ExecutorService s = solver;
        if (s != null) {
            s.shutdownNow();
        }
    }

    /** The price of a campaign (created at 0 on first use). */
    Price of(UUID campaignId) {
        return prices.computeIfAbsent(campaignId, id -> new Price());
    }

    /** Changes whenever the prices were stepped, so that what was ranked by them can be rebuilt. */
    long version() {
        return version;
    }

    /** A visit ({@code GET /ads}) on {@code snapshot}'s day; steps the prices when a period has passed. */
    void arrival(ServingIndex.Snapshot snapshot) {
        arrival(snapshot, null);
    }

    /**
     * A visit of {@code profile} on {@code snapshot}'s day: counted, sampled, and the prices re-solved (in the
     * background) or stepped when their period has passed.
     */
    void arrival(ServingIndex.Snapshot snapshot, ClientProfile profile) {
        arrivals.increment();
        if (profile != null) {
            sample.set((int) (sampled.getAndIncrement() & (SAMPLE - 1)), profile);
        }
        Pending p = pending;
        if (p.day() != snapshot.day()) {
            synchronized (this) {
                p = pending;
                if (p.day() != snapshot.day()) {
                    flush(p);
                    p = new Pending(snapshot.day(), new LongAdder());
                    pending = p;
                }
            }
        }
        p.visits().increment();
        if (method == Method.RESOLVE) {
            long now = System.nanoTime();
            boolean due = resolveNanos > 0 && now - earliestSolve >= 0
                    && (now - nextSolve >= 0 || sampled.get() - sampledAtSolve >= visitsPerSolve);
            if (due && solving.compareAndSet(false, true)) {
                solverThread().execute(() -> {
                    long started = System.nanoTime();
                    try {
                        resolve(snapshot);
                    } catch (RuntimeException e) {
                        LOG.warn("Shadow prices not re-solved: {}", e.toString());
                    } finally {
                        long ended = System.nanoTime();
                        nextSolve = ended + resolveNanos;
                        earliestSolve = ended + SOLVE_GAP * (ended - started);
                        solving.set(false);
                    }
                });
            }
            return;
        }
        if (System.nanoTime() - lastStep >= periodNanos && stepping.tryLock()) {
            try {
                step(snapshot);
            } finally {
                stepping.unlock();
            }
        }
    }

    private ExecutorService solverThread() {
        ExecutorService s = solver;
        if (s == null) {
            synchronized (this) {
                s = solver;
                if (s == null) {
                    s = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "shadow-prices");
                        t.setDaemon(true);
                        return t;
                    });
                    solver = s;
                }
            }
        }
        return s;
    }

    /**
     * Re-solves the prices of the snapshot's campaigns from the sampled visitors ({@link DualResolve}). The traffic
     * model: the sample's M visits came from u distinct clients; if visits fall uniformly on N active clients, u = N (1
     * − e^(−M/N)), which gives N (at most the clients registered); a client visits r = D / N times a day (D the day's
     * forecast), so it meets campaign k, with d_k days left (today's rest as a fraction), with chance min(1, r·d_k);
     * each sampled client stands for N / u.
     */
    void resolve(ServingIndex.Snapshot snapshot) {
        long started = System.nanoTime();
        int today = snapshot.day();
        long seenToday = seenToday(today);
        List<Slot> slots = snapshot.slots();
        if (slots.isEmpty()) {
            return;
        }
        long registered = slots.get(0).clientsInAll;
        double perDay = dayEstimate(today);
        if (perDay < 0) {
            // no full day seen yet: as many visits again as so far, and at least half a visit per registered client
            perDay = Math.max(2.0 * seenToday, FIRST_DAY_VISITS_PER_CLIENT * Math.max(0, registered));
        }
        double restOfToday = Math.max(perDay - seenToday, perDay / 20);
        if (perDay <= 0) {
            return;
        }
        sampledAtSolve = sampled.get();
        visitsPerSolve = Math.max(MIN_VISITS_PER_SOLVE, (long) (perDay / 50));
        long m = Math.min(sampledAtSolve, SAMPLE);
        Map<UUID, ClientProfile> distinct = new HashMap<>();
        for (int i = 0; i < m; i++) {
            ClientProfile profile = sample.get(i);
            if (profile != null) {
                distinct.putIfAbsent(profile.client().clientId(), profile);
            }
        }
        int u = distinct.size();
        if (u == 0) {
            return;
        }
        double active = activeClients(m, u, registered > 0 ? registered : Long.MAX_VALUE);
        double rate = perDay / active;
        double restShare = restOfToday / perDay;
        double norm = BidPricePolicy.norm(slots, clicks);
        List<DualResolve.Visitor> visitors = new ArrayList<>(u);
        List<DualResolve.Pair> pairs = new ArrayList<>();
        // the work is kept to about PAIR_BUDGET pairs: with thousands of campaigns, fewer visitors are weighed
        int used = (int) Math.min(u, Math.max(MIN_VISITORS, PAIR_BUDGET / (slots.size() + snapshot.upcoming().size())));
        int taken = 0;
        for (ClientProfile profile : distinct.values()) {
            if (taken++ == used) {
                break;
            }
            Candidates candidates = Candidates.of(profile, snapshot);
            pairs.clear();
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                if (candidates.admits(i, slot)) {
                    double left = restShare + Math.max(0, slot.endDate - today);
                    pairs.add(pair(i, slot, candidates, norm, Math.min(1, rate * left), left));
                }
            }
            List<Slot> upcoming = snapshot.upcoming();
            for (int j = 0; j < upcoming.size(); j++) {
                Slot slot = upcoming.get(j);
                if (slot.fits(profile.client())) {
                    int from = Math.max(1, slot.campaign.startDate() - today);
                    int to = Math.max(from, slot.endDate - today);
                    pairs.add(pair(slots.size() + j, slot, candidates, norm, Math.min(1, rate * (to - from + 1)),
                            restShare + to));
                }
            }
            if (!pairs.isEmpty()) {
                visitors.add(new DualResolve.Visitor(pairs.toArray(new DualResolve.Pair[0]), rate));
            }
        }
        List<Slot> all = new ArrayList<>(slots);
        all.addAll(snapshot.upcoming());
        double[] units = new double[all.size()];
        double[] clicksLeft = new double[all.size()];
        double[] costPerClick = new double[all.size()];
        for (int i = 0; i < units.length; i++) {
            Slot slot = all.get(i);
            units[i] = slot.open() ? Math.max(0, slot.impressionsLimit - slot.shown()) : 0;
            clicksLeft[i] = clickPrices ? Math.max(0, slot.clicksLimit - slot.clicks()) : Double.POSITIVE_INFINITY;
            costPerClick[i] = slot.costPerClick;
        }
        // within a day, start from the prices in force (each campaign keeps its own across snapshots)
        boolean warm = solvedDay == today;
        DualResolve.Prices start = null;
        if (warm) {
            start = new DualResolve.Prices(new double[all.size()], new double[all.size()]);
            for (int i = 0; i < units.length; i++) {
                start.lambda()[i] = all.get(i).price.lambda;
                start.click()[i] = all.get(i).price.click;
            }
        }
        DualResolve.Prices solved = DualResolve.solve(visitors, units, clicksLeft, costPerClick, active / used, start,
                warm ? DualResolve.WARM_SWEEPS : DualResolve.SWEEPS);
        solvedDay = today;
        if (LOG.isDebugEnabled()) {
            LOG.debug("Shadow prices re-solved: {} visitors, {} campaigns, {} sweeps, {} ms", visitors.size(),
                    all.size(), warm ? DualResolve.WARM_SWEEPS : DualResolve.SWEEPS,
                    (System.nanoTime() - started) / 1_000_000);
        }
        for (int i = 0; i < units.length; i++) {
            all.get(i).price.lambda = solved.lambda()[i];
            all.get(i).price.click = solved.click()[i];
        }
        clicks.refit();
        version++;
    }

    /** One new pair of a sampled visitor: what it earns (as the policy values it) and p(click), q and the days. */
    private DualResolve.Pair pair(int position, Slot slot, Candidates candidates, double norm, double chance,
            double days) {
        double s = candidates.normalisedScore(slot);
        double p = clicks.pClick(s);
        return new DualResolve.Pair(position, BidPricePolicy.worth(slot, s, p, relevance, norm), chance, days, p);
    }

    /**
     * The active clients N behind {@code m} visits from {@code u} distinct clients, assuming uniform visits: the root
     * of N (1 − e^(−m/N)) = u, between u and {@code registered}.
     */
    static double activeClients(long m, int u, long registered) {
        if (u >= m) {
            return Math.max(u, Math.min(registered, 1e9));
        }
        double lo = u;
        double hi = Math.max(u, Math.min(registered, 1e9));
        for (int i = 0; i < 60 && hi - lo > 0.5; i++) {
            double n = (lo + hi) / 2;
            if (n * (1 - Math.exp(-m / n)) < u) {
                lo = n;
            } else {
                hi = n;
            }
        }
        return Math.max(u, hi);
    }

    private long seenToday(int today) {
        Pending p = pending;
        return p.day() == today ? flush(p) : counters.get(VISITS + today);
    }

    /** A new impression of {@code slot} was counted by this node. */
    void served(Slot slot) {
        slot.price.served.increment();
    }

    private long flush(Pending p) {
        long n = p.visits().sumThenReset();
        if (p.day() < 0) {
            return 0;
        }
        return n == 0 ? counters.get(VISITS + p.day()) : counters.add(VISITS + p.day(), n);
    }

    /** One dual step over the snapshot's campaigns (one thread at a time). */
    void step(ServingIndex.Snapshot snapshot) {
        lastStep = System.nanoTime();
        int today = snapshot.day();
        long a = arrivals.sumThenReset();
        long seenToday = seenToday(today);
        double perDay = dayEstimate(today);
        double restOfToday = perDay < 0 ? seenToday : Math.max(perDay - seenToday, perDay / 20);
        perDay = perDay < 0 ? seenToday : perDay;
        double halfClick = clicks.pClick(0.5);
        for (Slot slot : snapshot.slots()) {
            Price price = slot.price;
            long x = price.served.sumThenReset();
            long left = slot.impressionsLimit - slot.shown();
            if (left <= 0 || !slot.open()) {
                continue;
            }
            double forecast = Math.max(1, restOfToday + perDay * Math.max(0, slot.endDate - today));
            if (left >= REACH_GUARD * reach(slot, forecast)) {
                price.lambda = 0; // it can barely fill with every fresh visitor it may still meet: never hold it back
                continue;
            }
            double share = left / forecast;
            double scale = slot.costPerImpression + halfClick * slot.costPerClick;
            double eta = Math.min(MAX_STEP, Math.max(step, UNITS_TO_LEARN / left));
            double cap = slot.costPerImpression + slot.costPerClick;
            price.lambda = Math.min(cap, Math.max(0, price.lambda + eta * scale * (x - share * a)));
        }
        clicks.refit();
        version++;
    }

    /**
     * How many more clients the campaign can still be shown: those in its audience not counted yet, each of whom visits
     * in the window with probability 1 − e^(−F/N) (F visits forecast, N clients); infinite when the audience is
     * unknown.
     */
    static double reach(Slot slot, double forecast) {
        if (slot.audience < 0 || slot.clientsInAll <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double pool = Math.max(0, slot.audience - slot.shown());
        return pool * (1 - Math.exp(-forecast / slot.clientsInAll));
    }

    /**
     * Visits expected on a day: the smallest of the last three full days; -1 when there is no full day yet. The
     * smallest, because the two errors do not cost the same: a day overestimated holds units back for visitors who
     * never come (the visits skipped meanwhile are lost for good), a day underestimated only spends a unit now that a
     * later visitor might have paid a little more for.
     */
    private double dayEstimate(int today) {
        long least = Long.MAX_VALUE;
        for (int d = Math.max(0, today - 3); d < today; d++) {
            long total = finishedDays.computeIfAbsent(d, day -> counters.get(VISITS + day));
            if (total > 0) {
                least = Math.min(least, total);
            }
        }
        return least == Long.MAX_VALUE ? -1 : least;
    }

    /** For tests and tools: the prices of {@code slots} now. */
    double[] lambdas(List<Slot> slots) {
        double[] out = new double[slots.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = slots.get(i).price.lambda;
        }
        return out;
    }
}
