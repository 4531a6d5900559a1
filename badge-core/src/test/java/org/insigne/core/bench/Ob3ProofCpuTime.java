package org.insigne.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per operation of the {@link Ob3ProofBenchmark} verifications, measured with the thread's CPU clock.
 * On a machine shared with other builds JMH's wall-clock throughput mostly measures the scheduler; CPU time
 * per operation does not (it still carries some cache and hyper-threading contention). Run with
 * {@code java -cp <test classpath> org.insigne.core.bench.Ob3ProofCpuTime}.
 */
public final class Ob3ProofCpuTime {

    private Ob3ProofCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        Ob3ProofBenchmark benchmark = new Ob3ProofBenchmark();
        benchmark.issue();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 4; round++) {
            long repeated = perOperation(threads, benchmark::verifyDataIntegrity);
            long distinct = perOperation(threads, benchmark::verifyDataIntegrityDistinct);
            long jwt = perOperation(threads, benchmark::verifyJwt);
            System.out.printf("round %d, CPU µs/op: verifyDataIntegrity %d, verifyDataIntegrityDistinct %d, verifyJwt %d%n",
                    round, repeated, distinct, jwt);
        }
    }

    private static long perOperation(ThreadMXBean threads, Runnable operation) {
        long start = threads.getCurrentThreadCpuTime();
        long end = System.currentTimeMillis() + 4000;
        int count = 0;
        while (System.currentTimeMillis() < end) {
            operation.run();
            count++;
        }
        return (threads.getCurrentThreadCpuTime() - start) / count / 1000;
    }
}
