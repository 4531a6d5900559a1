package org.insigne.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Replays a fuzz target's inputs in the normal build: every file of its corpus folder (seeds, and each input
 * the fuzzer once found failing, kept there as a regression test), then a fixed set of mutations of each (bit
 * flips, cuts, repeats; same random seed every run). A target fails by throwing; the test names the input.
 */
public final class FuzzReplay {

    private static final int MUTATIONS_PER_INPUT = 300;
    /** Characters that change how a parser reads what follows. */
    private static final String SPECIAL = "{}[]\"\\,:0<>&;\n\u0000";

    private FuzzReplay() {
    }

    /** The files of {@code folder}, sorted; none when it does not exist. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code target} on each of {@code inputs} and on their mutations; answers how many inputs ran. */
    public static int replay(List<Path> inputs, Consumer<byte[]> target) {
        Random random = new Random(20261207L);
        int runs = 0;
        for (Path input : inputs) {
            byte[] original;
            try {
                original = Files.readAllBytes(input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<byte[]> variants = new ArrayList<>();
            variants.add(original);
            for (int i = 0; i < MUTATIONS_PER_INPUT; i++) {
                variants.add(mutate(original, random));
            }
            for (int i = 0; i < variants.size(); i++) {
                byte[] variant = variants.get(i);
                try {
                    target.accept(variant);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("fuzz target failed on " + input + (i == 0 ? "" : " mutation " + i)
                            + " (" + variant.length + " bytes): " + e, e);
                }
                runs++;
            }
        }
        return runs;
    }

    private static byte[] mutate(byte[] original, Random random) {
        if (original.length == 0) {
            return new byte[] {(byte) random.nextInt()};
        }
        byte[] copy = original.clone();
        return switch (random.nextInt(4)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield copy;
            }
            case 1 -> Arrays.copyOf(copy, random.nextInt(copy.length));
            case 2 -> {
                int from = random.nextInt(copy.length);
                int length = Math.min(copy.length - from, 1 + random.nextInt(64));
                byte[] repeated = Arrays.copyOf(copy, copy.length + length * 4);
                for (int r = 0; r < 4; r++) {
                    System.arraycopy(copy, from, repeated, copy.length + r * length, length);
                }
                yield repeated;
            }
            default -> {
                copy[random.nextInt(copy.length)] = (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
                yield copy;
            }
        };
    }
}
