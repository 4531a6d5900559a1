package org.insigne.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.insigne.testing.HostileInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTests {

    @ParameterizedTest
    @CsvSource({"2130706433, 127.0.0.1", "0x7f000001, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "127.1, 127.0.0.1",
            "0x7f.1, 127.0.0.1", "0177.0.1, 127.0.0.1", "10.1, 10.0.0.1", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
            "0, 0.0.0.0", "8.8.8.8, 8.8.8.8", "0X08.010.0x8.8, 8.8.8.8"})
    @HostileInput("F1")
    void readsNumericSpellingsAsTheCResolverDoes(String host, String address) throws UnknownHostException {
        assertThat(AddressRules.numericIpv4(host)).get().extracting(InetAddress::getHostAddress).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "4294967296", "08.0.0.1", "1.2.65536"})
    void refusesNumericHostsThatAreNoAddress(String host) {
        assertThatThrownBy(() -> AddressRules.numericIpv4(host)).isInstanceOf(UnknownHostException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "1e100.net", "0x.example", "badge.test"})
    void leavesHostNamesToTheResolver(String host) throws UnknownHostException {
        assertThat(AddressRules.numericIpv4(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "2a00:1450:4007:80e::200e"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressRules.isAllowed(InetAddress.getByName(literal), false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.0.1",
            "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.2.1", "198.18.0.1", "fc00::1", "fdff::1",
            "fe80::1", "febf::1", "fec0::1", "ff02::1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1",
            "2002:c0a8:0101::1", "2001:0:4136:e378::1", "2001:db8::1"})
    @HostileInput("F1")
    void refusesNonPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressRules.isAllowed(InetAddress.getByName(literal), false)).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1"})
    void allowsOnlyLoopbackWhenAsked(String literal) throws UnknownHostException {
        assertThat(AddressRules.isAllowed(InetAddress.getByName(literal), true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "0.0.0.0", "::", "fc00::1", "169.254.169.254"})
    @HostileInput("F1")
    void keepsPrivateRangesRefusedWhenLoopbackIsAllowed(String literal) throws UnknownHostException {
        assertThat(AddressRules.isAllowed(InetAddress.getByName(literal), true)).isFalse();
    }
}
