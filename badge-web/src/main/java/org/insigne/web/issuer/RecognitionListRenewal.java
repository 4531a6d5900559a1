package org.insigne.web.issuer;

import org.insigne.issuer.network.RecognitionListService;
import org.insigne.issuer.work.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews the networks' recognition lists before they expire: every node wakes every
 * {@code insigne.networks.renewal-tick} (a day), one renews at a time (a {@link Leases} lease), and each list
 * signed a month ago or more is signed again, so that a list verifiers cached never runs out while its network
 * stands, and a list nobody renews (the platform gone) stops being believed within weeks.
 */
@Component
class RecognitionListRenewal {

    private static final Logger log = LoggerFactory.getLogger(RecognitionListRenewal.class);
    static final String LEASE = "recognition-lists";

    private final RecognitionListService lists;
    private final Leases leases;

    RecognitionListRenewal(RecognitionListService lists, Leases leases) {
        this.lists = lists;
        this.leases = leases;
    }

    @Scheduled(initialDelayString = "${insigne.networks.renewal-tick:PT1H}",
            fixedDelayString = "${insigne.networks.renewal-tick:P1D}")
    void onSchedule() {
        leases.runAlone(LEASE, () -> {
            int renewed = lists.renewDue();
            if (renewed > 0) {
                log.info("Renewed {} recognition lists", renewed);
            }
        });
    }
}
