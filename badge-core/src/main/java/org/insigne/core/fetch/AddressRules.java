package org.insigne.core.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses a fetch may connect to (server-side request forgery defence: OWASP ASVS 1.3.6). Only
 * globally routable unicast addresses pass; the optional loopback exception covers 127.0.0.0/8 and ::1 only.
 */
final class AddressRules {

    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

    private AddressRules() {
    }

    static boolean isAllowed(InetAddress address, boolean allowLoopback) {
        if (address instanceof Inet4Address v4) {
            return isAllowedV4(v4.getAddress(), allowLoopback);
        }
        byte[] a = address.getAddress();
        if (a.length != 16) {
            return false;
        }
        if (allowLoopback && address.isLoopbackAddress()) {
            return true;
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (isZero(a, 0, 10)) {
            // ::/96 (IPv4-compatible, :: and ::1 included) and ::ffff:0:0/96 (IPv4-mapped): judge the IPv4 inside.
            boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
            boolean compatible = a[10] == 0 && a[11] == 0;
            return (mapped || compatible) && !isZero(a, 12, 4) && isAllowedV4(tail(a), false)
                    && !(compatible && isZero(a, 12, 3));
        }
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            // 64:ff9b::/96 and 64:ff9b:1::/48, NAT64: the IPv4 address sits in the last four bytes.
            return isAllowedV4(tail(a), false);
        }
        if (first == 0x20 && second == 0x02) {
            // 2002::/16, 6to4: bytes 2..5 are an IPv4 address.
            return isAllowedV4(new byte[] {a[2], a[3], a[4], a[5]}, false);
        }
        if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
            return false; // 2001::/32 Teredo: tunnels to an obfuscated IPv4 address
        }
        if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32 documentation
        }
        return !((first & 0xfe) == 0xfc // fc00::/7 unique local
                || first == 0xfe && (second & 0xc0) == 0x80 // fe80::/10 link-local
                || first == 0xfe && (second & 0xc0) == 0xc0 // fec0::/10 site-local (deprecated)
                || first == 0xff); // ff00::/8 multicast
    }

    private static boolean isAllowedV4(byte[] a, boolean allowLoopback) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 127) {
            return allowLoopback;
        }
        return !(b0 == 0 // 0.0.0.0/8 "this network", 0.0.0.0 any-local
                || b0 == 10 // private
                || b0 == 100 && (b1 & 0xc0) == 64 // 100.64.0.0/10 carrier-grade NAT
                || b0 == 169 && b1 == 254 // link-local, cloud metadata (169.254.169.254)
                || b0 == 172 && (b1 & 0xf0) == 16 // private
                || b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2) // IETF assignments, documentation
                || b0 == 192 && b1 == 88 && b2 == 99 // 6to4 relay anycast
                || b0 == 192 && b1 == 168 // private
                || b0 == 198 && (b1 & 0xfe) == 18 // benchmarking
                || b0 == 198 && b1 == 51 && b2 == 100 // documentation
                || b0 == 203 && b1 == 0 && b2 == 113 // documentation
                || b0 >= 224); // multicast, reserved, broadcast
    }

    /**
     * Reads a host written as a numeric IPv4 address in any spelling the C resolver's {@code inet_aton} accepts:
     * {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1}. Such hosts must never reach
     * DNS, where their meaning depends on the platform. Empty when the host is not numeric; throws when it is
     * numeric but not a valid address.
     */
    static Optional<InetAddress> numericIpv4(String host) throws UnknownHostException {
        if (!NUMERIC_HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.");
        if (parts.length > 4) {
            throw new UnknownHostException(host);
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parsePart(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xff) {
                throw new UnknownHostException(host);
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new UnknownHostException(host);
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        return Optional.of(InetAddress.getByAddress(host, bytes));
    }

    private static long parsePart(String part, String host) throws UnknownHostException {
        try {
            String lower = part.toLowerCase(java.util.Locale.ROOT);
            long value;
            if (lower.startsWith("0x")) {
                value = lower.length() == 2 ? 0 : Long.parseLong(lower.substring(2), 16);
            } else if (lower.length() > 1 && lower.startsWith("0")) {
                value = Long.parseLong(lower.substring(1), 8);
            } else {
                value = Long.parseLong(lower);
            }
            if (value < 0 || value > 0xffff_ffffL) {
                throw new UnknownHostException(host);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnknownHostException(host);
        }
    }

    private static byte[] tail(byte[] a) {
        return new byte[] {a[12], a[13], a[14], a[15]};
    }

    private static boolean isZero(byte[] a, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
