package org.insigne.core.ob3;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.insigne.core.did.KeyResolver;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.CheckStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recognition lists: a {@code VerifiableRecognitionCredential} (W3C CCG "Verifiable Credentials for Recognition",
 * as the DCC verifier reads it) in which an issuer, a network of issuers, names the entities it recognises, each a
 * {@code RecognizedEntity} subject. The draft publishes no JSON-LD context, so the list uses the VC 2.0 context
 * alone, and only terms that context defines besides the two type names (which fall under its {@code @vocab}):
 * no context is fetched or bundled for it, and a subject carries its id and name, its website only in the
 * plain registry.
 * Written here unsigned; read back only when its Data Integrity proof verifies with a key of its issuer, it is
 * within its validity window and its issuer is the one expected.
 */
public final class RecognitionLists {

    public static final String TYPE = "VerifiableRecognitionCredential";
    public static final String ENTITY = "RecognizedEntity";
    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";

    /** Why a list is not believed; each is said to the reader, none is a failure of the badge. */
    public enum Rejection { UNREADABLE, NOT_A_LIST, UNSIGNED, BAD_PROOF, NOT_YET_VALID, EXPIRED, OTHER_ISSUER }

    /** An entity of the list: one of its identifiers, and its name. */
    public record Entity(String id, String name, @Nullable String url) {
        public Entity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** What to write: the list's address, its issuer, its validity window and the entities it recognises. */
    public record Draft(String id, String issuerId, String issuerName, Instant validFrom, Instant validUntil,
                        List<Entity> entities) {
        public Draft {
            entities = List.copyOf(entities);
        }
    }

    /** A list as read: either believed ({@code rejection} null) or not, with why. */
    public record Reading(@Nullable Rejection rejection, @Nullable String issuerId, @Nullable String issuerName,
                          @Nullable Instant validFrom, @Nullable Instant validUntil, Map<String, String> entities) {

        public Reading {
            entities = Map.copyOf(entities);
        }

        static Reading rejected(Rejection why, @Nullable String issuerId, @Nullable String issuerName) {
            return new Reading(why, issuerId, issuerName, null, null, Map.of());
        }

        public boolean believed() {
            return rejection == null;
        }

        /** The name the list gives {@code id}, when it recognises it. */
        public @Nullable String nameOf(String id) {
            return believed() ? entities.get(id) : null;
        }
    }

    private final EmbeddedProofs proofs;
    private final Clock clock;

    public RecognitionLists(DocumentFetcher fetcher, Clock clock) {
        this.proofs = new EmbeddedProofs(RdfCanonicalizer.standard(), new KeyResolver(fetcher), clock);
        this.clock = clock;
    }

    /** The unsigned credential for {@code draft}, to be signed (eddsa-rdfc-2022) by the issuer. */
    public static ObjectNode write(Draft draft) {
        ObjectNode list = BoundedJson.MAPPER.createObjectNode();
        list.putArray("@context").add(VC_V2);
        list.put("id", draft.id());
        list.putArray("type").add("VerifiableCredential").add(TYPE);
        ObjectNode issuer = list.putObject("issuer");
        issuer.put("id", draft.issuerId());
        issuer.put("name", draft.issuerName());
        list.put("validFrom", draft.validFrom().truncatedTo(ChronoUnit.SECONDS).toString());
        list.put("validUntil", draft.validUntil().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode subjects = list.putArray("credentialSubject");
        for (Entity entity : draft.entities()) {
            ObjectNode subject = subjects.addObject();
            subject.put("id", entity.id());
            subject.put("type", ENTITY);
            subject.put("name", entity.name());
        }
        return list;
    }

    /**
     * The same entities as plain JSON in the DCC issuer registry format ({@code meta.updated} and a
     * {@code registry} object keyed by identifier), for verifiers that read registries rather than credentials.
     */
    public static ObjectNode dccRegistry(Draft draft) {
        ObjectNode registry = BoundedJson.MAPPER.createObjectNode();
        ObjectNode meta = registry.putObject("meta");
        meta.put("created", draft.validFrom().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("updated", draft.validFrom().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("name", draft.issuerName());
        meta.put("issuer", draft.issuerId());
        ObjectNode entries = registry.putObject("registry");
        for (Entity entity : draft.entities()) {
            ObjectNode entry = entries.putObject(entity.id());
            entry.put("name", entity.name());
            if (entity.url() != null) {
                entry.put("url", entity.url());
            }
        }
        return registry;
    }

    /**
     * Reads a list as fetched. {@code expectedIssuer}, when given, is the only issuer believed: a list signed by
     * anyone else, however valid its proof, names entities on someone else's word.
     */
    public Reading read(byte[] bytes, @Nullable String expectedIssuer) {
        ObjectNode list;
        try {
            list = BoundedJson.readObject(bytes);
        } catch (BoundedJson.JsonUnreadable e) {
            return Reading.rejected(Rejection.UNREADABLE, null, null);
        }
        String issuer = VcJwts.issuerId(list);
        JsonNode issuerNode = list.get("issuer");
        String issuerName = issuerNode != null && issuerNode.isObject() ? Json.text(issuerNode, "name") : null;
        if (!Json.texts(list, "type").contains(TYPE) || issuer == null) {
            return Reading.rejected(Rejection.NOT_A_LIST, issuer, issuerName);
        }
        if (expectedIssuer != null && !expectedIssuer.equals(issuer)) {
            return Reading.rejected(Rejection.OTHER_ISSUER, issuer, issuerName);
        }
        if (Json.list(list, "proof").isEmpty()) {
            return Reading.rejected(Rejection.UNSIGNED, issuer, issuerName);
        }
        if (proofs.verify(list).check().status() != CheckStatus.PASSED) {
            return Reading.rejected(Rejection.BAD_PROOF, issuer, issuerName);
        }
        Instant validFrom = Json.instant(list, "validFrom");
        Instant validUntil = Json.instant(list, "validUntil");
        Instant now = clock.instant();
        if (validFrom != null && validFrom.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            return Reading.rejected(Rejection.NOT_YET_VALID, issuer, issuerName);
        }
        // A list without an end would recognise its members for ever, after they left: not believed.
        if (validUntil == null || !validUntil.isAfter(now)) {
            return Reading.rejected(Rejection.EXPIRED, issuer, issuerName);
        }
        Map<String, String> entities = new LinkedHashMap<>();
        List<JsonNode> subjects = new ArrayList<>(Json.list(list, "credentialSubject"));
        for (JsonNode subject : subjects) {
            String id = Json.text(subject, "id");
            String name = Json.text(subject, "name");
            if (id != null) {
                entities.putIfAbsent(id, name != null ? name : id);
            }
        }
        return new Reading(null, issuer, issuerName, validFrom, validUntil, entities);
    }
}
