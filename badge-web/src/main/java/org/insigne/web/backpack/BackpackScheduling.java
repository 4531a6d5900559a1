package org.insigne.web.backpack;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} methods, for the backpack's periodic re-check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BackpackScheduling {
}
