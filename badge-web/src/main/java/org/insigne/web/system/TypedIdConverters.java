package org.insigne.web.system;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.collection.CollectionId;
import org.insigne.backpack.collection.CollectionNotFound;
import org.insigne.backpack.sharing.CvId;
import org.insigne.backpack.sharing.CvNotFound;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.bulk.BulkJobId;
import org.insigne.issuer.organisation.OrganisationId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One converter per typed id, so that controllers take {@code @PathVariable BadgeId id}. A malformed id names
 * nothing, so it is refused as "not found" (never a 400 or a 500), with the id's own message where its module
 * has one. Spring wraps the refusal in its type-mismatch exception; the
 * page handler finds it as the cause.
 */
@Configuration
class TypedIdConverters implements WebMvcConfigurer {

    /** A path or parameter that cannot be an id of this type. */
    static final class MalformedId extends DomainException {
        MalformedId(String messageKey) {
            super(Kind.NOT_FOUND, messageKey);
        }
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // Earners meet award ids in claim links, hence the claim's wording ("check you copied the whole link").
        register(registry, AwardId.class, AwardId::new, () -> new MalformedId("backpack.claim.not-found"));
        register(registry, BadgeClassId.class, BadgeClassId::new, () -> new MalformedId("error.404.text"));
        register(registry, OrganisationId.class, OrganisationId::new, () -> new MalformedId("error.404.text"));
        register(registry, BulkJobId.class, BulkJobId::new, () -> new MalformedId("error.404.text"));
        register(registry, BadgeId.class, BadgeId::new, BadgeNotFound::new);
        register(registry, CollectionId.class, CollectionId::new, CollectionNotFound::new);
        register(registry, CvId.class, CvId::new, CvNotFound::new);
    }

    private static <T> void register(FormatterRegistry registry, Class<T> type, Function<UUID, T> wrap,
                                     Supplier<? extends DomainException> notFound) {
        registry.addConverter(String.class, type, text -> {
            try {
                return wrap.apply(UUID.fromString(text));
            } catch (IllegalArgumentException malformed) {
                throw notFound.get();
            }
        });
    }
}
